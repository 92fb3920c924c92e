// Checks one parsed value against the contract and against plain sense (impossible times,
// absurd sizes), returning a typed result with a reason an operator can act on.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { RECORD_SCHEMAS, RECORD_TYPES, type RecordType, type TrafficRecord } from './events.ts';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Plain-sense limits past which a value is an error upstream, not traffic. */
export const LIMITS = {
  earliestTime: Date.UTC(1990, 0, 1),
  latestTime: Date.UTC(2200, 0, 1),
  maxTokens: 100_000_000,
  maxSamples: 1024,
  maxTextChars: 4_000_000,
} as const;

/** RFC 3339 date-time; the calendar (days in month, hours) is checked in `sanity`, on the parsed value. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

const ajv = new Ajv2020({ allErrors: false, strict: false });
ajv.addFormat('date-time', RFC3339);

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Calendar checks Date.parse skips: it reads 2026-02-30 as 2 March and 24:00 as next day. */
function calendarProblem(time: string): boolean {
  const digit = (i: number) => time.charCodeAt(i) - 48;
  const year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const month = digit(5) * 10 + digit(6);
  const day = digit(8) * 10 + digit(9);
  const hour = digit(11) * 10 + digit(12);
  if (month < 1 || month > 12 || day < 1 || hour > 23) return true;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day > (month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1]!);
}

const validators = Object.fromEntries(
  RECORD_TYPES.map((t) => [t, ajv.compile(RECORD_SCHEMAS[t] as object)]),
) as Record<RecordType, ValidateFunction>;

function describe(error: ErrorObject | undefined): string {
  if (!error) return 'does not match the contract';
  const where = error.instancePath ? error.instancePath.slice(1).replaceAll('/', '.') : 'record';
  switch (error.keyword) {
    case 'required':
      return `missing required field ${(error.params as { missingProperty: string }).missingProperty}`;
    case 'format':
      return `${where} is not an RFC 3339 date-time`;
    case 'minimum':
      return `${where} must be >= ${(error.params as { limit: number }).limit}`;
    case 'maxLength':
      return `${where} is longer than ${(error.params as { limit: number }).limit} characters`;
    case 'minLength':
      return `${where} is empty`;
    case 'enum':
      return `${where} must be one of ${(error.params as { allowedValues: string[] }).allowedValues.join(', ')}`;
    default:
      return `${where} ${error.message ?? 'is invalid'}`;
  }
}

const TOKEN_FIELDS = ['input_tokens', 'output_tokens', 'reasoning_tokens', 'cached_tokens'] as const;

function sanity(record: TrafficRecord): string | null {
  const t = Date.parse(record.time);
  if (Number.isNaN(t) || calendarProblem(record.time))
    return `time ${record.time} is not a real date and time`;
  if (t < LIMITS.earliestTime || t >= LIMITS.latestTime) return `time ${record.time} is outside 1990..2200`;
  if (record.type !== 'request') return null;
  const usage = record.usage;
  if (usage) {
    for (const f of TOKEN_FIELDS) {
      const v = usage[f];
      if (v !== undefined && v > LIMITS.maxTokens) return `usage.${f} ${v} is absurd (> ${LIMITS.maxTokens})`;
    }
  }
  const p = record.params;
  if (p) {
    if (p.max_tokens !== undefined && p.max_tokens > LIMITS.maxTokens)
      return `params.max_tokens ${p.max_tokens} is absurd`;
    if (p.thinking_budget !== undefined && p.thinking_budget > LIMITS.maxTokens)
      return `params.thinking_budget ${p.thinking_budget} is absurd`;
    if (p.n !== undefined && p.n > LIMITS.maxSamples)
      return `params.n ${p.n} is absurd (> ${LIMITS.maxSamples})`;
  }
  if (record.prompt !== undefined && record.prompt.length > LIMITS.maxTextChars)
    return `prompt is ${record.prompt.length} characters (> ${LIMITS.maxTextChars})`;
  if (record.system !== undefined && record.system.length > LIMITS.maxTextChars)
    return `system is ${record.system.length} characters (> ${LIMITS.maxTextChars})`;
  return null;
}

/** Validates one parsed JSON value as a canonical traffic record. */
export function checkRecord(value: unknown): Checked<TrafficRecord> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      reason: `expected a JSON object, got ${Array.isArray(value) ? 'an array' : typeof value}`,
    };
  }
  const type = (value as { type?: unknown }).type;
  if (type === undefined) return { ok: false, reason: 'missing required field type' };
  const validate = typeof type === 'string' ? validators[type as RecordType] : undefined;
  if (!validate) return { ok: false, reason: `unknown record type ${JSON.stringify(type)}` };
  if (!validate(value)) return { ok: false, reason: `${type}: ${describe(validate.errors?.[0])}` };
  const record = value as TrafficRecord;
  const problem = sanity(record);
  return problem ? { ok: false, reason: `${type}: ${problem}` } : { ok: true, value: record };
}

/** Validates a value against any published schema (outputs, labels); first error as a reason. */
export function compileChecker<T>(schema: object): (value: unknown) => Checked<T> {
  const validate = ajv.compile(schema);
  return (value) =>
    validate(value) ? { ok: true, value: value as T } : { ok: false, reason: describe(validate.errors?.[0]) };
}
