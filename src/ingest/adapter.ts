// The one small interface every input format implements: map one parsed input item (a JSON
// line, or a Parquet row) to canonical records, which the reader then checks against the contract.

export type AdaptResult =
  /** Zero or more candidate canonical records (an OTLP export line can hold many spans). */
  { ok: true; records: unknown[] } | { ok: false; reason: string };

export interface Adapter {
  /** Name used by `--format` and in reports. */
  readonly format: string;
  /** One line on what this adapter reads. */
  readonly description: string;
  /** True when this parsed item looks like this adapter's format (used for auto-detection). */
  sniff(item: unknown): boolean;
  /** Maps one parsed item to canonical candidates. Must not throw on bad data. */
  adapt(item: unknown): AdaptResult;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
