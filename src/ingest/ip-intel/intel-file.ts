// What every IP intelligence file reader shares: the formats, the fatal error, and the count
// of malformed lines with the first few as examples, so nothing is dropped without a word.

export const INTEL_FORMATS = ['ip2asn', 'ip2asn-u32', 'ip-location-db', 'mmdb', 'asn-kinds'] as const;
export type IntelFormat = (typeof INTEL_FORMATS)[number];

/** A file that cannot be used at all: unreadable, of no known format, or with no usable line. */
export class IpIntelFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    readonly line?: number,
  ) {
    super(`--ip-intel ${path}${line === undefined ? '' : `:${line}`}: ${reason}`);
  }
}

export interface LineProblem {
  line: number;
  reason: string;
}

/** Examples kept per file; the rest are only counted. */
const EXAMPLES = 5;

/** Counts malformed lines of one file and keeps the first few; `strict` makes the first one fatal. */
export class ProblemLog {
  count = 0;
  readonly examples: LineProblem[] = [];
  constructor(
    private readonly path: string,
    private readonly strict: boolean,
  ) {}

  add(line: number, reason: string): void {
    if (this.strict) throw new IpIntelFileError(this.path, reason, line);
    this.count += 1;
    if (this.examples.length < EXAMPLES) this.examples.push({ line, reason });
  }
}

/** What was loaded from one file, for the run's summary. */
export interface IntelFileSummary {
  path: string;
  format: IntelFormat;
  /** Ranges (range files), search-tree nodes (mmdb) or AS kinds (asn-kinds) loaded. */
  entries: number;
  /** Lines that were read but not usable, beyond the format's own "not routed" rows. */
  malformed: number;
  examples: LineProblem[];
  /** A few words on the content: families, database type, build date. */
  detail: string;
}

/** Calls `each(line, lineNo)` for every line of the text, without the line terminator. */
export function forEachLine(text: string, each: (line: string, lineNo: number) => void): void {
  let start = 0;
  let lineNo = 1;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    each(text.slice(start, stop), lineNo);
    start = end + 1;
    lineNo += 1;
  }
}

/** Whether a line carries no data: blank or a `#` comment. */
export function isBlankOrComment(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 35) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}
