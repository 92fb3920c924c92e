// Fast RFC 3339 formatting for event times: the hour prefix is cached because consecutive
// events share it, which makes this several times cheaper than Date#toISOString.

let cachedHour = Number.NaN;
let cachedPrefix = '';

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function pad3(n: number): string {
  return n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n);
}

/** `YYYY-MM-DDTHH:MM:SS.mmmZ` for a millisecond timestamp (same output as toISOString). */
export function isoTime(ms: number): string {
  const t = Math.floor(ms);
  const hour = Math.floor(t / 3_600_000);
  if (hour !== cachedHour) {
    cachedHour = hour;
    cachedPrefix = new Date(hour * 3_600_000).toISOString().slice(0, 14);
  }
  const inHour = t - hour * 3_600_000;
  const minutes = Math.floor(inHour / 60_000);
  const seconds = Math.floor((inHour % 60_000) / 1000);
  return `${cachedPrefix}${pad2(minutes)}:${pad2(seconds)}.${pad3(inHour % 1000)}Z`;
}
