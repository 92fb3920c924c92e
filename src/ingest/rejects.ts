// Writes rejected input lines, with where they came from and why, as JSONL. The file is
// created on the first reject, so a clean run leaves nothing behind.
import { createWriteStream, type WriteStream } from 'node:fs';
import type { Reject } from './read.ts';

export interface RejectWriter {
  readonly path: string;
  readonly count: number;
  write(reject: Reject): void;
  close(): Promise<void>;
}

export function rejectWriter(path: string): RejectWriter {
  let stream: WriteStream | null = null;
  let count = 0;
  return {
    path,
    get count() {
      return count;
    },
    write(reject) {
      stream ??= createWriteStream(path);
      stream.write(`${JSON.stringify(reject)}\n`);
      count += 1;
    },
    close() {
      const open = stream;
      if (!open) return Promise.resolve();
      return new Promise((resolve, fail) =>
        open.end((error?: Error | null) => (error ? fail(error) : resolve())),
      );
    },
  };
}
