// Opens an input path as batches of items: text lines (JSONL, gzip or not) or already
// structured rows (columnar files). The reader handles both the same way.
import { open } from 'node:fs/promises';
import { isJsonDocument, openJsonDocument } from './json-document.ts';
import { openLines } from './lines.ts';

export interface ItemBatch {
  /** 1-based number of the first line (or row) in this batch, within its source. */
  firstLine: number;
  /** Bytes consumed from the source so far, for progress. */
  bytesRead: number;
  /** JSON text lines, to be parsed; or */
  lines?: string[];
  /** structured rows, already parsed. */
  rows?: unknown[];
}

export interface ItemSource {
  name: string;
  /** How the items are packed: `jsonl` (plain or gzip), or a columnar container such as `parquet`. */
  container: string;
  size: number | null;
  batches: AsyncIterable<ItemBatch>;
}

/** First bytes of a file, or null for stdin (which cannot be peeked without consuming it). */
async function magic(path: string, length: number): Promise<Buffer | null> {
  if (path === '-') return null;
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buf, 0, length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** How a path's items are packed, from its first bytes: `parquet`, one pretty-printed `json` document, or `jsonl`. */
export async function detectContainer(path: string): Promise<'parquet' | 'jsonl' | 'json'> {
  const head = await magic(path, 4);
  if (head?.toString('latin1') === 'PAR1') return 'parquet';
  return (await isJsonDocument(path)) ? 'json' : 'jsonl';
}

export async function openSource(path: string): Promise<ItemSource> {
  if ((await detectContainer(path)) === 'parquet') {
    const { openParquet } = await import('./parquet.ts');
    return openParquet(path);
  }
  const document = await openJsonDocument(path);
  if (document) return document;
  const lines = await openLines(path);
  return { name: lines.name, container: 'jsonl', size: lines.size, batches: lines.batches };
}
