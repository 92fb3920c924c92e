// IP intelligence from the user's files: which autonomous system an address belongs to, and
// what kind of network that AS is. Each file's format is detected from its bytes (gzip is
// unwrapped first); range files are asked in the order given, the first that knows an
// address answers, and kinds the user stated beat kinds guessed from AS names.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { ClientNetwork } from '../../contract/events.ts';
import { type AsnKind, parseAsnKinds, sniffAsnKinds } from './asn-kinds.ts';
import {
  forEachLine,
  type IntelFileSummary,
  IpIntelFileError,
  isBlankOrComment,
  ProblemLog,
} from './intel-file.ts';
import type { ParsedAddress } from './ip-address.ts';
import { type AsMatch, looksLikeMmdb, MmdbAsnDatabase } from './mmdb.ts';
import { kindFromName } from './network-words.ts';
import { parseRangeFile, type RangeFormat, sniffRangeFile } from './range-file.ts';
import type { RangeTable } from './range-table.ts';

export type { AsMatch } from './mmdb.ts';

export interface LoadIpIntelOptions {
  /** Stop at the first malformed line instead of counting it. */
  strict?: boolean;
}

/** Where a kind came from: the user's asn,kind file, or the AS organisation's name. */
export type KindSource = 'stated' | 'name';

export interface AsKind {
  kind: ClientNetwork | null;
  source: KindSource | null;
}

interface RangeSource {
  lookup(address: ParsedAddress): AsMatch | null;
  nameOf(asn: number): string | null;
}

class TableSource implements RangeSource {
  constructor(
    private readonly table: RangeTable,
    private readonly names: Map<number, string>,
  ) {}
  lookup(address: ParsedAddress): AsMatch | null {
    const asn = this.table.lookup(address);
    return asn < 0 ? null : { asn, name: this.names.get(asn) ?? null };
  }
  nameOf(asn: number): string | null {
    return this.names.get(asn) ?? null;
  }
}

class MmdbSource implements RangeSource {
  /** Names seen in answers, so an AS given on a request without its address still has one. */
  private readonly names = new Map<number, string>();
  constructor(private readonly db: MmdbAsnDatabase) {}
  lookup(address: ParsedAddress): AsMatch | null {
    const match = this.db.lookup(address);
    if (match?.name && !this.names.has(match.asn)) this.names.set(match.asn, match.name);
    return match;
  }
  nameOf(asn: number): string | null {
    return this.names.get(asn) ?? null;
  }
}

export class IpIntel {
  private readonly guessed = new Map<number, ClientNetwork | null>();

  constructor(
    readonly files: readonly IntelFileSummary[],
    private readonly ranges: readonly RangeSource[],
    private readonly stated: ReadonlyMap<number, AsnKind>,
  ) {}

  /** Whether any file maps addresses (an asn,kind file alone only names kinds). */
  get hasRanges(): boolean {
    return this.ranges.length > 0;
  }

  /** The AS holding the address, from the first file that knows it. */
  lookup(address: ParsedAddress): AsMatch | null {
    for (const source of this.ranges) {
      const match = source.lookup(address);
      if (match) return match;
    }
    return null;
  }

  nameOf(asn: number): string | null {
    for (const source of this.ranges) {
      const name = source.nameOf(asn);
      if (name) return name;
    }
    return this.stated.get(asn)?.name ?? null;
  }

  /** The AS's network kind: as the user stated it, else as its name states it, else unknown. */
  kindOf(asn: number, name: string | null = null): AsKind {
    const stated = this.stated.get(asn);
    if (stated) return { kind: stated.kind === 'unknown' ? null : stated.kind, source: 'stated' };
    let kind = this.guessed.get(asn);
    if (kind === undefined) {
      const known = name ?? this.nameOf(asn);
      kind = known ? kindFromName(known) : null;
      if (known) this.guessed.set(asn, kind);
    }
    return { kind: kind ?? null, source: kind ? 'name' : null };
  }
}

const GZIP = [0x1f, 0x8b];

function readBytes(path: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new IpIntelFileError(path, `cannot read it (${e.code ?? e.message})`);
  }
  if (bytes[0] === GZIP[0] && bytes[1] === GZIP[1]) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      throw new IpIntelFileError(path, `gzip data is corrupt (${(error as Error).message})`);
    }
  }
  return bytes;
}

/** The format of a text file, from its first data line. */
function sniffText(path: string, text: string): RangeFormat | 'asn-kinds' {
  let first: { line: string; lineNo: number } | null = null;
  forEachLine(text, (line, lineNo) => {
    if (first === null && !isBlankOrComment(line)) first = { line, lineNo };
  });
  if (first === null) throw new IpIntelFileError(path, 'is empty: no data lines');
  const { line, lineNo } = first as { line: string; lineNo: number };
  const ranges = sniffRangeFile(line);
  if (ranges) return ranges;
  if (sniffAsnKinds(line)) return 'asn-kinds';
  const shown = line.length > 80 ? `${line.slice(0, 80)}...` : line;
  throw new IpIntelFileError(
    path,
    `unknown format: neither ip2asn TSV (start, end, AS, country, name), ip-location-db asn CSV (start,end,asn,organisation), an asn,kind file nor a MaxMind database; first data line reads ${JSON.stringify(shown)}`,
    lineNo,
  );
}

function hasNul(bytes: Buffer): boolean {
  return bytes.subarray(0, 4096).includes(0);
}

function rangeDetail(table: RangeTable, unrouted: number): string {
  const { v4, v6 } = table.sizes;
  return `${v4.toLocaleString('en-US')} IPv4 and ${v6.toLocaleString('en-US')} IPv6 ranges (${(table.bytes / 2 ** 20).toFixed(1)} MB), ${unrouted.toLocaleString('en-US')} not-routed rows skipped`;
}

function noUsableLine(path: string, problems: ProblemLog, what: string): never {
  const first = problems.examples[0];
  if (first)
    throw new IpIntelFileError(path, `no usable line (${what}); first problem: ${first.reason}`, first.line);
  throw new IpIntelFileError(path, `no usable line (${what})`);
}

/** Loads every file; throws IpIntelFileError naming the file for anything that makes one unusable. */
export function loadIpIntel(paths: readonly string[], options: LoadIpIntelOptions = {}): IpIntel {
  const files: IntelFileSummary[] = [];
  const ranges: RangeSource[] = [];
  const stated = new Map<number, AsnKind>();
  for (const path of paths) {
    const bytes = readBytes(path);
    const problems = new ProblemLog(path, options.strict === true);
    if (looksLikeMmdb(bytes)) {
      const db = new MmdbAsnDatabase(path, bytes);
      ranges.push(new MmdbSource(db));
      files.push({ path, format: 'mmdb', entries: db.nodes, malformed: 0, examples: [], detail: db.detail });
      continue;
    }
    if (hasNul(bytes))
      throw new IpIntelFileError(path, 'unknown format: binary data that is not a MaxMind database');
    const text = bytes.toString('utf8');
    const format = sniffText(path, text);
    if (format === 'asn-kinds') {
      const kinds = parseAsnKinds(text, problems);
      if (kinds.size === 0) noUsableLine(path, problems, 'asn,kind');
      for (const [asn, kind] of kinds) if (!stated.has(asn)) stated.set(asn, kind);
      files.push({
        path,
        format,
        entries: kinds.size,
        malformed: problems.count,
        examples: problems.examples,
        detail: `${kinds.size.toLocaleString('en-US')} stated AS kinds`,
      });
      continue;
    }
    const parsed = parseRangeFile(text, format, problems);
    if (parsed.table.size === 0) noUsableLine(path, problems, 'address ranges with an AS number');
    ranges.push(new TableSource(parsed.table, parsed.names));
    files.push({
      path,
      format,
      entries: parsed.table.size,
      malformed: problems.count,
      examples: problems.examples,
      detail: rangeDetail(parsed.table, parsed.unrouted),
    });
  }
  return new IpIntel(files, ranges, stated);
}
