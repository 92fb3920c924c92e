// Buffered line output to a file, a gzip file or stdout: lines gather into large chunks and
// each chunk waits for the stream to drain, so memory stays flat however much is written.
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';

// Lines are encoded straight into a preallocated buffer: concatenating them into big strings
// first costs more in flattening and garbage collection than generating the events.
const CHUNK_BYTES = 4 << 20;

export class LineSink {
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private readonly chain: Writable[];

  private constructor(
    private readonly out: Writable,
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
    // A UTF-16 unit never takes more than three UTF-8 bytes, so this check is enough room.
    if (this.used + line.length * 3 > CHUNK_BYTES) {
      if (line.length * 3 > CHUNK_BYTES) {
        const pending = this.flush();
        this.out.write(line);
        return pending;
      }
      const pending = this.flush();
      this.used += this.buffer.write(line, this.used);
      return pending;
    }
    this.used += this.buffer.write(line, this.used);
    return undefined;
  }

  async flush(): Promise<void> {
    if (this.used === 0) return;
    const data = this.buffer.subarray(0, this.used);
    // The stream keeps a reference to what it was given, so the next chunk gets a fresh buffer.
    this.buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
    if (!this.out.write(data)) await new Promise<void>((resolve) => this.out.once('drain', resolve));
  }

  async close(): Promise<void> {
    await this.flush();
    const last = this.chain[this.chain.length - 1] as Writable;
    if (this.out === last && !this.closeOut) {
      // Plain stdout: leave it open, just wait until what we wrote has been handed over.
      await new Promise<void>((resolve) => this.out.write('', () => resolve()));
      return;
    }
    const done = new Promise<void>((resolve, reject) => {
      if (this.closeOut) last.once('finish', resolve);
      else this.out.once('end', resolve);
      last.once('error', reject);
    });
    this.out.end();
    await done;
  }
}
