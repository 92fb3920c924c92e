// Streams the lines of a file or stdin, gunzipping when the bytes say gzip, in batches so a
// multi-gigabyte input costs constant memory and little per-line overhead.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

export interface LineBatch {
  /** 1-based line number of lines[0] within its source. */
  firstLine: number;
  lines: string[];
  /** Compressed or raw bytes consumed from the source so far (for progress). */
  bytesRead: number;
}

export interface LineSource {
  name: string;
  /** Size in bytes when known (files), for progress and ETA. */
  size: number | null;
  batches: AsyncIterable<LineBatch>;
}

/** Lines longer than this are cut short and reported by the reader rather than held in memory. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;

async function* peekGzip(raw: Readable, counter: { bytes: number }): AsyncGenerator<Buffer> {
  let gunzip: ReturnType<typeof createGunzip> | null = null;
  let first = true;
  for await (const chunk of raw as AsyncIterable<Buffer>) {
    counter.bytes += chunk.length;
    if (first) {
      first = false;
      if (chunk.length >= 2 && chunk[0] === GZIP_MAGIC_0 && chunk[1] === GZIP_MAGIC_1) {
        // 16 KiB output chunks (the default) cost a main-thread callback each: ~75k for 1.2 GB.
        gunzip = createGunzip({ chunkSize: 256 << 10 });
        yield* gunzipRest(gunzip, chunk, raw, counter);
        return;
      }
    }
    yield chunk;
  }
}

async function* gunzipRest(
  gunzip: ReturnType<typeof createGunzip>,
  head: Buffer,
  raw: Readable,
  counter: { bytes: number },
): AsyncGenerator<Buffer> {
  const pump = (async () => {
    gunzip.write(head);
    for await (const chunk of raw as AsyncIterable<Buffer>) {
      counter.bytes += chunk.length;
      if (!gunzip.write(chunk)) await new Promise((resolve) => gunzip.once('drain', resolve));
    }
    gunzip.end();
  })();
  pump.catch((error: unknown) => gunzip.destroy(error instanceof Error ? error : new Error(String(error))));
  yield* gunzip as AsyncIterable<Buffer>;
  await pump;
}

/** Splits a byte stream into UTF-8 lines, batched, counting lines from 1. */
/** Stands in for a line over MAX_LINE_BYTES, which is skipped rather than held in memory. */
export const OVERSIZED_LINE = '\u0000oversized';

/** Splits a byte stream into UTF-8 lines, batched, counting lines from 1. */
export async function* splitLines(
  chunks: AsyncIterable<Buffer>,
  counter: { bytes: number },
  batchSize = 2048,
): AsyncGenerator<LineBatch> {
  let carry: Buffer | null = null;
  let skipping = false;
  let lineNo = 1;
  let batch: string[] = [];
  let batchStart = 1;
  for await (const chunk of chunks) {
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    carry = null;
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(10, start);
      if (nl < 0) break;
      if (skipping) {
        skipping = false;
      } else if (nl - start > MAX_LINE_BYTES) {
        batch.push(OVERSIZED_LINE);
      } else {
        const end = nl > start && buf[nl - 1] === 13 ? nl - 1 : nl;
        batch.push(buf.toString('utf8', start, end));
      }
      lineNo += 1;
      start = nl + 1;
      if (batch.length >= batchSize) {
        yield { firstLine: batchStart, lines: batch, bytesRead: counter.bytes };
        batch = [];
        batchStart = lineNo;
      }
    }
    if (start < buf.length && !skipping) {
      if (buf.length - start > MAX_LINE_BYTES) {
        batch.push(OVERSIZED_LINE);
        skipping = true;
      } else {
        carry = Buffer.from(buf.subarray(start));
      }
    }
  }
  if (carry && carry.length > 0) batch.push(carry.toString('utf8'));
  if (batch.length > 0) yield { firstLine: batchStart, lines: batch, bytesRead: counter.bytes };
}

/** Splits a buffer of whole lines into strings (CR LF tolerated, over-long lines marked). */
export function splitBuffer(buf: Buffer): string[] {
  const lines: string[] = [];
  let start = 0;
  for (;;) {
    const nl = buf.indexOf(10, start);
    const end = nl < 0 ? buf.length : nl;
    if (nl < 0 && start >= buf.length) break;
    if (end - start > MAX_LINE_BYTES) lines.push(OVERSIZED_LINE);
    else lines.push(buf.toString('utf8', start, end > start && buf[end - 1] === 13 ? end - 1 : end));
    if (nl < 0) break;
    start = nl + 1;
  }
  return lines;
}

/** Byte chunks that end on a line boundary, for workers that split and parse them. */
export interface ByteChunkSource {
  name: string;
  size: number | null;
  chunks: AsyncIterable<{ bytes: Buffer; bytesRead: number }>;
}

const OVERSIZED_BYTES = Buffer.from(`${'\u0000oversized'}\n`);

/** Regroups a byte stream into chunks of whole lines of about `target` bytes each. */
export async function* lineAlignedChunks(
  chunks: AsyncIterable<Buffer>,
  counter: { bytes: number },
  target = 1 << 20,
): AsyncGenerator<{ bytes: Buffer; bytesRead: number }> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let skipping = false;
  for await (const chunk of chunks) {
    let piece = chunk;
    if (skipping) {
      const nl = piece.indexOf(10);
      if (nl < 0) continue;
      skipping = false;
      piece = piece.subarray(nl + 1);
    }
    const lastNl = piece.lastIndexOf(10);
    if (lastNl < 0) {
      pending.push(piece);
      pendingBytes += piece.length;
      if (pendingBytes > MAX_LINE_BYTES) {
        // One line has outgrown the limit: emit a marker in its place and skip to its end.
        const head = Buffer.concat(pending);
        const lineStart = head.lastIndexOf(10) + 1;
        yield {
          bytes: Buffer.concat([head.subarray(0, lineStart), OVERSIZED_BYTES]),
          bytesRead: counter.bytes,
        };
        pending = [];
        pendingBytes = 0;
        skipping = true;
      }
      continue;
    }
    pending.push(piece.subarray(0, lastNl + 1));
    pendingBytes += lastNl + 1;
    if (pendingBytes >= target) {
      yield { bytes: Buffer.concat(pending, pendingBytes), bytesRead: counter.bytes };
      pending = [];
      pendingBytes = 0;
    }
    const rest = piece.subarray(lastNl + 1);
    if (rest.length > 0) {
      pending.push(rest);
      pendingBytes += rest.length;
    }
  }
  if (pendingBytes > 0) {
    const tail = Buffer.concat(pending, pendingBytes);
    yield {
      bytes: tail[tail.length - 1] === 10 ? tail : Buffer.concat([tail, Buffer.from('\n')]),
      bytesRead: counter.bytes,
    };
  }
}

/** The decompressed bytes of a file or stdin, with its name, size and a byte counter. */
async function openBytes(path: string) {
  const isStdin = path === '-';
  // stat first: a missing file must fail here, as a catchable error, not later as a stream event.
  const size = isStdin ? null : (await stat(path)).size;
  const raw: Readable = isStdin ? process.stdin : createReadStream(path, { highWaterMark: 1 << 20 });
  const counter = { bytes: 0 };
  return { name: isStdin ? 'stdin' : path, size, counter, bytes: peekGzip(raw, counter) };
}

export async function openByteChunks(path: string, target?: number): Promise<ByteChunkSource> {
  const { name, size, counter, bytes } = await openBytes(path);
  return { name, size, chunks: lineAlignedChunks(bytes, counter, target) };
}

/** Opens `path` (or `-` for stdin) as a source of line batches. */
export async function openLines(path: string, batchSize?: number): Promise<LineSource> {
  const { name, size, counter, bytes } = await openBytes(path);
  return { name, size, batches: splitLines(bytes, counter, batchSize) };
}
