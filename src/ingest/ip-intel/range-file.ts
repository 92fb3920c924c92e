// Reads address-range files that map ranges to autonomous systems: iptoasn.com's ip2asn TSV
// (`range_start range_end AS_number country_code AS_description`; the v4, v6, combined and
// v4-u32 files) and ip-location-db's asn CSV (`ip_range_start,ip_range_end,
// autonomous_system_number,autonomous_system_organization`; address and IPv4-num files).
// AS 0 ("Not routed") is the files' way of saying unknown, so those rows are not stored.
import { forEachLine, type IntelFormat, isBlankOrComment, type ProblemLog } from './intel-file.ts';
import { parseIpv4, parseIpv6 } from './ip-address.ts';
import { type RangeProblem, type RangeTable, RangeTableBuilder } from './range-table.ts';

export interface AsnRanges {
  table: RangeTable;
  /** The organisation name of each AS, as the file gives it. */
  names: Map<number, string>;
  /** Rows with AS 0. */
  unrouted: number;
}

export type RangeFormat = Extract<IntelFormat, 'ip2asn' | 'ip2asn-u32' | 'ip-location-db'>;

const MAX_UINT32 = 4_294_967_295;

function parseUint(text: string): number {
  if (text.length === 0 || text.length > 10) return -1;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    value = value * 10 + (c - 48);
  }
  return value <= MAX_UINT32 ? value : -1;
}

interface RangeRow {
  first: string;
  last: string;
  asText: string;
  name: string;
}

/** ip2asn: five tab-separated fields. */
function splitTsv(line: string): RangeRow | string {
  const fields = line.split('\t');
  if (fields.length < 5)
    return `expected 5 tab-separated fields (start, end, AS, country, name), got ${fields.length}`;
  const [first, last, asText, , name] = fields as [string, string, string, string, string];
  return { first, last, asText, name };
}

/** ip-location-db: start,end,asn,organisation; the organisation may be quoted and hold commas. */
function splitCsv(line: string): RangeRow | string {
  const a = line.indexOf(',');
  const b = a < 0 ? -1 : line.indexOf(',', a + 1);
  const c = b < 0 ? -1 : line.indexOf(',', b + 1);
  if (c < 0) return 'expected 4 comma-separated fields (start, end, AS, organisation)';
  let name = line.slice(c + 1).trim();
  if (name.length >= 2 && name.startsWith('"') && name.endsWith('"'))
    name = name.slice(1, -1).replaceAll('""', '"');
  return {
    first: line.slice(0, a).trim(),
    last: line.slice(a + 1, b).trim(),
    asText: line.slice(b + 1, c).trim(),
    name,
  };
}

/** Whether a data line looks like a range file, and which: for detecting the format from content. */
export function sniffRangeFile(line: string): RangeFormat | null {
  const tsv = splitTsv(line);
  const row = typeof tsv === 'string' ? splitCsv(line) : tsv;
  if (typeof row === 'string' || parseUint(row.asText) < 0) return null;
  const numeric = parseUint(row.first) >= 0 && parseUint(row.last) >= 0;
  const words = new Uint32Array(4);
  const addresses = (parseIpv4(row.first) >= 0 || parseIpv6(row.first, words)) && !numeric;
  if (!numeric && !addresses) return null;
  if (typeof tsv !== 'string') return numeric ? 'ip2asn-u32' : 'ip2asn';
  return 'ip-location-db';
}

/** One end of a range: an IPv4 address, an IPv4 address as a whole number, or an IPv6 address. */
function parseEnd(text: string, words: Uint32Array): 4 | 6 | 0 {
  const numeric = parseUint(text);
  if (numeric >= 0) {
    words[3] = numeric;
    return 4;
  }
  const v4 = parseIpv4(text);
  if (v4 >= 0) {
    words[3] = v4;
    return 4;
  }
  return parseIpv6(text, words) ? 6 : 0;
}

function compareWords(a: Uint32Array, b: Uint32Array): number {
  for (let k = 0; k < 4; k++) {
    const x = a[k] as number;
    const y = b[k] as number;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export function parseRangeFile(text: string, format: RangeFormat, problems: ProblemLog): AsnRanges {
  const builder = new RangeTableBuilder();
  const names = new Map<number, string>();
  const start = new Uint32Array(4);
  const end = new Uint32Array(4);
  const split = format === 'ip-location-db' ? splitCsv : splitTsv;
  let unrouted = 0;
  forEachLine(text, (line, lineNo) => {
    if (isBlankOrComment(line)) return;
    const row = split(line);
    if (typeof row === 'string') {
      problems.add(lineNo, row);
      return;
    }
    const { first, last, asText, name } = row;
    const asn = parseUint(asText);
    if (asn < 0) {
      problems.add(lineNo, `AS number ${JSON.stringify(asText)} is not a whole number`);
      return;
    }
    if (asn === 0) {
      unrouted += 1;
      return;
    }
    const family = parseEnd(first, start);
    if (family === 0) {
      problems.add(
        lineNo,
        /^\d+$/.test(first)
          ? `range start ${first} is too large for an IPv4 number; numeric IPv6 files are not read, use the address form`
          : `range start ${JSON.stringify(first)} is not an IP address`,
      );
      return;
    }
    if (parseEnd(last, end) !== family) {
      problems.add(lineNo, `range end ${JSON.stringify(last)} is not an IPv${family} address like its start`);
      return;
    }
    const order =
      family === 4 ? Math.sign((start[3] as number) - (end[3] as number)) : compareWords(start, end);
    if (order > 0) {
      problems.add(lineNo, `range starts after it ends (${first} > ${last})`);
      return;
    }
    if (family === 4) builder.addV4(start[3] as number, end[3] as number, asn, lineNo);
    else builder.addV6(start, end, asn, lineNo);
    // A copy, so the names do not keep the whole file's text alive as slices of it.
    if (!names.has(asn) && name.length > 0) names.set(asn, Buffer.from(name, 'utf8').toString('utf8'));
  });
  const overlaps: RangeProblem[] = [];
  const table = builder.build(overlaps);
  for (const o of overlaps) problems.add(o.line, o.reason);
  return { table, names, unrouted };
}
