// Buffered line output to a file, a gzip file or stdout: lines gather into large chunks and
// each chunk waits for the stream to drain, so memory stays flat however much is written.
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { RequestRecord } from '../contract/events.ts';
import { RequestEncoder } from './encode.ts';
import type { PromptDraft } from './prompts/pieces.ts';
import { recordLine } from './serialize.ts';

// Lines are encoded straight into a preallocated buffer: concatenating them into big strings
// first costs more in flattening and garbage collection than generating the events.
const CHUNK_BYTES = 4 << 20;
// Measured on ~800-byte lines: a third of the time of Buffer#write, which flattens then encodes.
const encoder = new TextEncoder();

export class LineSink {
  // The chunk being filled and how many of its bytes are used.
  private readonly chunk: { bytes: Buffer; used: number } = {
    bytes: Buffer.allocUnsafeSlow(CHUNK_BYTES),
    used: 0,
  };
  // Chunks the stream has finished with, to fill again: a fresh 4 MiB buffer for every chunk
  // cost a page fault every 4 KiB (~97k for a 1.2 GB run, ~6 % of its CPU time in perf).
  private readonly spare: Buffer[] = [];
  private readonly chain: Writable[];
  private readonly requests = new RequestEncoder();

  private constructor(
    private readonly stream: Writable,
    private readonly closeOut: boolean,
    chain: Writable[],
  ) {
    this.chain = chain;
  }

  /** A sink writing to `path`, gzip-compressed when `gzip` is set. */
  static file(path: string, gzip = false): LineSink {
    const file = createWriteStream(path);
    if (!gzip) return new LineSink(file, true, [file]);
    const zip = createGzip({ level: 3 });
    zip.pipe(file);
    return new LineSink(zip, true, [zip, file]);
  }

  /** A sink on an existing stream (stdout) that is left open at the end. */
  static stream(out: Writable, gzip = false): LineSink {
    if (!gzip) return new LineSink(out, false, [out]);
    const zip = createGzip({ level: 3 });
    zip.pipe(out, { end: false });
    return new LineSink(zip, false, [zip]);
  }

  /** Adds a line; returns a promise only when a full chunk had to be handed to the stream. */
  write(line: string): Promise<void> | undefined {
    // A UTF-16 unit never takes more than three UTF-8 bytes, so this is enough room.
    const pending = this.room(line.length * 3);
    if (pending === null) return this.oversized(line);
    const chunk = this.chunk;
    chunk.used += encoder.encodeInto(line, chunk.bytes.subarray(chunk.used)).written;
    return pending;
  }

  /**
   * Adds a request's line, encoded straight into the chunk: the same bytes as `write(recordLine(r))`.
   * `prompts` is the simulation's prompt draft (see `RequestEncoder#prepare`).
   */
  writeRequest(r: RequestRecord, prompts?: PromptDraft): Promise<void> | undefined {
    const pending = this.room(this.requests.prepare(r, prompts));
    if (pending === null) return this.oversized(recordLine(r));
    const chunk = this.chunk;
    chunk.used = this.requests.encode(r, chunk.bytes, chunk.used);
    return pending;
  }

  /** Flushes first when `bytes` might not fit; null when they never fit in one chunk. */
  private room(bytes: number): Promise<void> | undefined | null {
    if (bytes > CHUNK_BYTES) return null;
    return this.chunk.used + bytes > CHUNK_BYTES ? this.flush() : undefined;
  }

  private oversized(line: string): Promise<void> {
    const pending = this.flush();
    this.stream.write(line);
    return pending;
  }

  async flush(): Promise<void> {
    const chunk = this.chunk;
    if (chunk.used === 0) return;
    const full = chunk.bytes;
    const data = full.subarray(0, chunk.used);
    // The stream keeps what it was given until its write callback: only then is the buffer
    // filled again (a gzip stream has compressed it by then, a file stream has written it).
    chunk.bytes = this.spare.pop() ?? Buffer.allocUnsafeSlow(CHUNK_BYTES);
    chunk.used = 0;
    const accepted = this.stream.write(data, (error) => {
      if (!error) this.spare.push(full);
    });
    if (!accepted) await new Promise<void>((resolve) => this.stream.once('drain', resolve));
  }

  async close(): Promise<void> {
    await this.flush();
    const last = this.chain[this.chain.length - 1] as Writable;
    if (this.stream === last && !this.closeOut) {
      // Plain stdout: leave it open, just wait until what we wrote has been handed over.
      await new Promise<void>((resolve) => this.stream.write('', () => resolve()));
      return;
    }
    const done = new Promise<void>((resolve, reject) => {
      if (this.closeOut) last.once('finish', resolve);
      else this.stream.once('end', resolve);
      last.once('error', reject);
    });
    this.stream.end();
    await done;
  }
}
