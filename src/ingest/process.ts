// Turns one batch of input items into checked canonical records, the same way whether it
// runs in the main thread or in a reader worker: parse, adapt, check, reject with a reason.
import type { TrafficRecord } from '../contract/events.ts';
import { checkRecord } from '../contract/validate.ts';
import type { Adapter } from './adapter.ts';
import { OVERSIZED_LINE } from './lines.ts';

export interface ItemSink {
  record(record: TrafficRecord, line: number): void;
  reject(line: number, reason: string, text?: string): void;
  blank(): void;
}

/** Processes the lines (JSON text) or rows (parsed objects) of one batch, numbering from `firstLine`. */
export function processItems(
  firstLine: number,
  lines: readonly string[] | undefined,
  rows: readonly unknown[] | undefined,
  adapter: Adapter,
  sink: ItemSink,
): void {
  const count = rows ? rows.length : (lines?.length ?? 0);
  for (let i = 0; i < count; i++) {
    const lineNo = firstLine + i;
    let item: unknown;
    let text: string | undefined;
    if (rows) {
      item = rows[i];
    } else {
      text = lines![i]!;
      const c = text.charCodeAt(0);
      // Most lines open with '{'; only others need the slower blank and oversize checks.
      if (c !== 123) {
        if (text === OVERSIZED_LINE) {
          sink.reject(lineNo, 'line is longer than 16 MiB');
          continue;
        }
        if (text.trim() === '') {
          sink.blank();
          continue;
        }
      }
      try {
        item = JSON.parse(text);
      } catch (error) {
        sink.reject(lineNo, `not JSON: ${(error as Error).message}`, text);
        continue;
      }
    }
    const adapted = adapter.adapt(item);
    if (!adapted.ok) {
      sink.reject(lineNo, `${adapter.format}: ${adapted.reason}`, text);
      continue;
    }
    const many = adapted.records.length > 1;
    for (let k = 0; k < adapted.records.length; k++) {
      const checked = checkRecord(adapted.records[k]);
      if (checked.ok) sink.record(checked.value, lineNo);
      else sink.reject(lineNo, many ? `item ${k + 1}: ${checked.reason}` : checked.reason, text);
    }
  }
}
