// Projection for `validate`: just what its report needs from each record.
import type { TrafficRecord } from '../../contract/events.ts';

export interface RecordSummary {
  timeMs: number;
  accountId: string | null;
}

export function project(record: TrafficRecord): RecordSummary {
  return { timeMs: Date.parse(record.time), accountId: 'account_id' in record ? record.account_id : null };
}
