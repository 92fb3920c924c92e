// Adapter for records already in the canonical contract (docs/contract.md).
import { RECORD_TYPES } from '../contract/events.ts';
import { type Adapter, isObject } from './adapter.ts';

const TYPES = new Set<unknown>(RECORD_TYPES);

export const canonicalAdapter: Adapter = {
  format: 'canonical',
  description: 'Hydrawatch canonical JSONL (request, account, model_release, enforcement records)',
  sniff: (item) => isObject(item) && TYPES.has(item.type) && typeof item.time === 'string',
  adapt: (item) => ({ ok: true, records: [item] }),
};
