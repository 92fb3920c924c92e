// Copies traffic without some optional fields or record types, to measure how much a detector
// leans on them: providers log different things, and a detector tuned on traffic that has every
// field may fail on logs that lack one.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { createGzip } from 'node:zlib';
import { openLines } from '../ingest/lines.ts';

export interface FieldAblation {
  /** What the copy lacks, in words for a results table. */
  name: string;
  /** Record types left out entirely (e.g. `account`). */
  dropTypes?: readonly string[];
  /** Fields removed from every request record. */
  dropRequestFields?: readonly string[];
}

const NETWORK: FieldAblation = {
  name: 'no network kind or ASN',
  dropRequestFields: ['client_network', 'client_asn'],
};
const ACCOUNTS: FieldAblation = { name: 'no account records', dropTypes: ['account'] };
const TURNS: FieldAblation = {
  name: 'no conversation ids or turns',
  dropRequestFields: ['conversation_id', 'turn'],
};
const CLIENT: FieldAblation = {
  name: 'no user agent or TLS fingerprint',
  dropRequestFields: ['user_agent', 'tls_fingerprint'],
};

/** The ablations the results table reports: each group of optional fields, then all of them. */
export const FIELD_ABLATIONS: readonly FieldAblation[] = [
  NETWORK,
  ACCOUNTS,
  TURNS,
  CLIENT,
  {
    name: 'requests with address, model and text only (all of the above)',
    dropTypes: [...(ACCOUNTS.dropTypes ?? [])],
    dropRequestFields: [NETWORK, TURNS, CLIENT].flatMap((a) => a.dropRequestFields ?? []),
  },
];

export interface AblationCount {
  /** Lines written. */
  kept: number;
  /** Records left out because of their type. */
  droppedRecords: number;
}

/**
 * One record without the ablation's fields, or null when its type is left out. The input is
 * not changed.
 */
export function ablateRecord<T extends object>(record: T, ablation: FieldAblation): T | null {
  const fields = record as Record<string, unknown>;
  if (typeof fields.type === 'string' && ablation.dropTypes?.includes(fields.type)) return null;
  if (fields.type !== 'request' || !ablation.dropRequestFields?.length) return record;
  const copy = { ...fields };
  for (const field of ablation.dropRequestFields) delete copy[field];
  return copy as T;
}

/**
 * Writes `input` (JSONL, plain or gzip) to `output` as gzip JSONL without the ablation's fields and
 * record types. Lines that are not JSON objects are copied unchanged, so a reader still sees and
 * rejects them.
 */
export async function ablateFields(
  input: string,
  output: string,
  ablation: FieldAblation,
): Promise<AblationCount> {
  const gzip = createGzip();
  const file = createWriteStream(output);
  gzip.pipe(file);
  const count: AblationCount = { kept: 0, droppedRecords: 0 };
  const source = await openLines(input);
  for await (const batch of source.batches) {
    const out: string[] = [];
    for (const line of batch.lines) {
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {
        record = null;
      }
      if (record === null || typeof record !== 'object' || Array.isArray(record)) {
        out.push(line);
        continue;
      }
      const kept = ablateRecord(record as Record<string, unknown>, ablation);
      if (kept === null) {
        count.droppedRecords++;
        continue;
      }
      out.push(JSON.stringify(kept));
    }
    count.kept += out.length;
    if (out.length > 0 && !gzip.write(`${out.join('\n')}\n`)) await once(gzip, 'drain');
  }
  gzip.end();
  await once(file, 'close');
  return count;
}
