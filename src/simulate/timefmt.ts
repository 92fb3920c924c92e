// Fast RFC 3339 formatting for event times: the hour prefix is cached because consecutive
// events share it, which makes this several times cheaper than Date#toISOString. The string is
// built flat from character codes: a template of six pieces is a rope that each writer of the
// time would flatten again.

let cachedHour = Number.NaN;
const codes: number[] = new Array(24).fill(0);

/** `YYYY-MM-DDTHH:MM:SS.mmmZ` for a millisecond timestamp (same output as toISOString). */
export function isoTime(ms: number): string {
  const t = Math.floor(ms);
  const hour = Math.floor(t / 3_600_000);
  // Outside years 0-9999 toISOString has a sign and six digits: no fixed layout to fill in.
  if (!(t >= -62_167_219_200_000 && t <= 253_402_300_799_999)) return new Date(t).toISOString();
  if (hour !== cachedHour) {
    cachedHour = hour;
    const prefix = new Date(hour * 3_600_000).toISOString();
    for (let i = 0; i < 14; i++) codes[i] = prefix.charCodeAt(i);
  }
  const inHour = t - hour * 3_600_000;
  const minutes = Math.floor(inHour / 60_000);
  const seconds = Math.floor((inHour % 60_000) / 1000);
  const millis = inHour % 1000;
  codes[14] = 48 + Math.floor(minutes / 10);
  codes[15] = 48 + (minutes % 10);
  codes[16] = 58; // :
  codes[17] = 48 + Math.floor(seconds / 10);
  codes[18] = 48 + (seconds % 10);
  codes[19] = 46; // .
  codes[20] = 48 + Math.floor(millis / 100);
  codes[21] = 48 + (Math.floor(millis / 10) % 10);
  codes[22] = 48 + (millis % 10);
  codes[23] = 90; // Z
  return String.fromCharCode.apply(null, codes);
}
