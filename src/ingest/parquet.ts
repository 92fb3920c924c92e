// Reads Parquet files whose columns are the canonical fields (nested `params`/`usage` as
// struct columns, or flattened as `params.max_tokens` / `params_max_tokens`), row group by
// row group so memory stays bounded by one slice of rows.
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { ItemBatch, ItemSource } from './source.ts';

const SLICE_ROWS = 8192;
const NESTED = ['params', 'usage'] as const;

/** Parquet values as JSON values: INT64 arrives as bigint and timestamps as Date. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object') return compact(value as Record<string, unknown>);
  return value;
}

function compact(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(row)) {
    const value = plain(raw);
    if (value === undefined) continue;
    const nested = NESTED.find((n) => key.startsWith(`${n}.`) || key.startsWith(`${n}_`));
    if (nested) {
      const inner = (out[nested] ?? {}) as Record<string, unknown>;
      inner[key.slice(nested.length + 1)] = value;
      out[nested] = inner;
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** Maps one Parquet row to a canonical-shaped object (nulls dropped, flattened columns nested). */
export function parquetRowToObject(row: Record<string, unknown>): Record<string, unknown> {
  return compact(row);
}

export async function openParquet(path: string): Promise<ItemSource> {
  const file = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(file);
  const total = Number(metadata.num_rows);
  async function* batches(): AsyncGenerator<ItemBatch> {
    for (let start = 0; start < total; start += SLICE_ROWS) {
      const end = Math.min(total, start + SLICE_ROWS);
      const rows = await parquetReadObjects({ file, metadata, compressors, rowStart: start, rowEnd: end });
      yield {
        firstLine: start + 1,
        bytesRead: Math.round((file.byteLength * end) / Math.max(1, total)),
        rows: rows.map((r) => parquetRowToObject(r as Record<string, unknown>)),
      };
    }
  }
  return { name: path, container: 'parquet', size: file.byteLength, batches: batches() };
}
