// Recognises a file that is one pretty-printed JSON document (an OTLP export saved by hand or
// by `curl`, say) rather than JSON lines, and hands it to the reader as a single item.
import { open, readFile } from 'node:fs/promises';
import type { ItemSource } from './source.ts';

/** Larger documents are left to the line reader, which reports them line by line. */
const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;
const PEEK_BYTES = 64 * 1024;

/** True when the first non-blank byte opens an object and the first line alone is not JSON. */
function looksLikeDocument(head: string): boolean {
  const start = head.search(/\S/);
  if (start < 0 || head[start] !== '{') return false;
  const end = head.indexOf('\n', start);
  if (end < 0) return false;
  try {
    JSON.parse(head.slice(start, end));
    return false;
  } catch {
    return true;
  }
}

/** Whether `path` should be read whole: never stdin, gzip (first byte 0x1f) or a huge file. */
export async function isJsonDocument(path: string): Promise<boolean> {
  if (path === '-') return false;
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    if (size > MAX_DOCUMENT_BYTES) return false;
    const head = Buffer.alloc(Math.min(size, PEEK_BYTES));
    await handle.read(head, 0, head.length, 0);
    return looksLikeDocument(head.toString('utf8'));
  } finally {
    await handle.close();
  }
}

/** The whole file as one item, or null to read it as JSON lines. */
export async function openJsonDocument(path: string): Promise<ItemSource | null> {
  if (!(await isJsonDocument(path))) return null;
  const text = await readFile(path, 'utf8');
  let item: unknown;
  try {
    item = JSON.parse(text);
  } catch {
    // Not one document after all: the line reader will report each bad line.
    return null;
  }
  const size = Buffer.byteLength(text);
  return {
    name: path,
    container: 'json',
    size,
    batches: (async function* () {
      yield { firstLine: 1, bytesRead: size, rows: [item] };
    })(),
  };
}
