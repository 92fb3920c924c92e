// Reads iptoasn.com's ip2asn TSV (`range_start range_end AS_number country_code AS_description`):
// the v4, v6 and combined files, and the v4-u32 file whose ranges are plain integers. AS 0
// ("Not routed") is the file's way of saying unknown, so those rows are skipped, not stored.
import { forEachLine, type IntelFormat, isBlankOrComment, type ProblemLog } from './intel-file.ts';
import { parseIpv4, parseIpv6 } from './ip-address.ts';
import { type RangeProblem, type RangeTable, RangeTableBuilder } from './range-table.ts';

export interface AsnRanges {
  table: RangeTable;
  /** The organisation name of each AS, as the file's AS_description gives it. */
  names: Map<number, string>;
  /** Rows with AS 0. */
  unrouted: number;
}

const MAX_ASN = 4_294_967_295;

function parseUint(text: string): number {
  if (text.length === 0 || text.length > 10) return -1;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    value = value * 10 + (c - 48);
  }
  return value <= MAX_ASN ? value : -1;
}

/** Whether a data line looks like ip2asn, and which variant: for detecting the format from content. */
export function sniffIp2asn(line: string): IntelFormat | null {
  const fields = line.split('\t');
  if (fields.length < 5 || parseUint(fields[2] as string) < 0) return null;
  const [a, b] = fields as [string, string];
  if (parseUint(a) >= 0 && parseUint(b) >= 0) return 'ip2asn-u32';
  const words = new Uint32Array(4);
  if (parseIpv4(a) >= 0 || parseIpv6(a, words)) return 'ip2asn';
  return null;
}

export function parseIp2asn(text: string, format: IntelFormat, problems: ProblemLog): AsnRanges {
  const builder = new RangeTableBuilder();
  const names = new Map<number, string>();
  const start6 = new Uint32Array(4);
  const end6 = new Uint32Array(4);
  const u32 = format === 'ip2asn-u32';
  let unrouted = 0;
  forEachLine(text, (line, lineNo) => {
    if (isBlankOrComment(line)) return;
    const fields = line.split('\t');
    if (fields.length < 5) {
      problems.add(
        lineNo,
        `expected 5 tab-separated fields (start, end, AS, country, name), got ${fields.length}`,
      );
      return;
    }
    const [first, last, asText, , name] = fields as [string, string, string, string, string];
    const asn = parseUint(asText);
    if (asn < 0) {
      problems.add(lineNo, `AS number ${JSON.stringify(asText)} is not a whole number`);
      return;
    }
    if (asn === 0) {
      unrouted += 1;
      return;
    }
    if (u32) {
      const start = parseUint(first);
      const end = parseUint(last);
      if (start < 0 || end < 0) {
        problems.add(lineNo, `range ${first}-${last} is not two whole numbers`);
        return;
      }
      if (start > end) {
        problems.add(lineNo, `range starts after it ends (${first} > ${last})`);
        return;
      }
      builder.addV4(start, end, asn, lineNo);
    } else {
      const start = parseIpv4(first);
      if (start >= 0) {
        const end = parseIpv4(last);
        if (end < 0) {
          problems.add(lineNo, `range end ${JSON.stringify(last)} is not an IPv4 address like its start`);
          return;
        }
        if (start > end) {
          problems.add(lineNo, `range starts after it ends (${first} > ${last})`);
          return;
        }
        builder.addV4(start, end, asn, lineNo);
      } else if (parseIpv6(first, start6)) {
        if (!parseIpv6(last, end6)) {
          problems.add(lineNo, `range end ${JSON.stringify(last)} is not an IPv6 address like its start`);
          return;
        }
        if (compareWords(start6, end6) > 0) {
          problems.add(lineNo, `range starts after it ends (${first} > ${last})`);
          return;
        }
        builder.addV6(start6, end6, asn, lineNo);
      } else {
        problems.add(lineNo, `range start ${JSON.stringify(first)} is not an IP address`);
        return;
      }
    }
    // A copy, so the names do not keep the whole file's text alive as slices of it.
    if (!names.has(asn) && name.length > 0) names.set(asn, Buffer.from(name, 'utf8').toString('utf8'));
  });
  const overlaps: RangeProblem[] = [];
  const table = builder.build(overlaps);
  for (const o of overlaps) problems.add(o.line, o.reason);
  return { table, names, unrouted };
}

function compareWords(a: Uint32Array, b: Uint32Array): number {
  for (let k = 0; k < 4; k++) {
    const x = a[k] as number;
    const y = b[k] as number;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
