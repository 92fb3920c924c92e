import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parseFingerprint } from '../signals/fingerprint.ts';
import { PUBLISHED_SCHEMAS } from './schemas.ts';
import { checkRecord } from './validate.ts';

const root = join(import.meta.dirname, '..', '..');
const sharedSpec = join(root, '..', 'shared', 'spec', 'events.schema.json');
const addFormats = (addFormatsModule as unknown as { default: FormatsPlugin }).default;

function schemaValidator(schema: object) {
  const ajv = new Ajv2020({ strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

/** Every ```json block in the README and docs/, with the file it came from. */
function docExamples(): { file: string; value: unknown }[] {
  const files = ['README.md', ...readdirSync(join(root, 'docs')).map((f) => join('docs', f))].filter((f) =>
    f.endsWith('.md'),
  );
  const out: { file: string; value: unknown }[] = [];
  for (const file of files) {
    const path = join(root, file);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    for (const match of text.matchAll(/```json\n([\s\S]*?)```/g)) {
      out.push({ file, value: JSON.parse(match[1]!) });
    }
  }
  return out;
}

describe('published schemas', () => {
  it.each(Object.keys(PUBLISHED_SCHEMAS))(
    'schema/%s matches the TypeBox definitions (run npm run schema)',
    (name) => {
      const onDisk = JSON.parse(readFileSync(join(root, 'schema', name), 'utf8'));
      expect(onDisk).toEqual(PUBLISHED_SCHEMAS[name]);
    },
  );

  it('accepts every JSON example in the docs against the schema it illustrates', () => {
    const examples = docExamples();
    expect(examples.length).toBeGreaterThanOrEqual(8);
    const events = schemaValidator(PUBLISHED_SCHEMAS['events.schema.json']!);
    const labels = schemaValidator(PUBLISHED_SCHEMAS['labels.schema.json']!);
    const accounts = schemaValidator(PUBLISHED_SCHEMAS['accounts.schema.json']!);
    const campaigns = schemaValidator(PUBLISHED_SCHEMAS['campaigns.schema.json']!);
    for (const { file, value } of examples) {
      const v = value as Record<string, unknown>;
      const validate = Array.isArray(value)
        ? campaigns
        : 'type' in v
          ? events
          : 'label' in v
            ? labels
            : accounts;
      expect(
        validate(value),
        `${file}: ${JSON.stringify(value).slice(0, 80)} ${JSON.stringify(validate.errors)}`,
      ).toBe(true);
      if ('type' in v) expect(checkRecord(value).ok, file).toBe(true);
      // An edge fingerprint in an example must be one the current version reads.
      if (typeof v.prompt_fp === 'string') expect(parseFingerprint(v.prompt_fp), file).not.toBeNull();
    }
  });

  it.skipIf(!existsSync(sharedSpec))(
    'keeps every field of the shared spec schema (skipped without ../shared)',
    () => {
      const spec = JSON.parse(readFileSync(sharedSpec, 'utf8')) as {
        $defs: Record<string, { properties: object }>;
      };
      const ours = PUBLISHED_SCHEMAS['events.schema.json'] as {
        anyOf: { properties: Record<string, unknown> }[];
      };
      for (const [name, def] of Object.entries(spec.$defs)) {
        if (!('properties' in def)) continue;
        const mine = ours.anyOf.find(
          (s) => (s.properties.type as { const?: string } | undefined)?.const === name,
        );
        expect(mine, name).toBeDefined();
        expect(Object.keys(mine!.properties).sort()).toEqual(
          expect.arrayContaining(Object.keys(def.properties)),
        );
      }
      const specValidate = schemaValidator(spec);
      for (const { value } of docExamples()) {
        if (typeof value === 'object' && value !== null && 'type' in value)
          expect(specValidate(value)).toBe(true);
      }
    },
  );
});

describe('checkRecord', () => {
  const base = {
    type: 'request',
    time: '2026-02-01T00:00:00.000Z',
    request_id: 'r',
    account_id: 'a',
    model: 'm',
  };

  it('accepts a minimal request', () => {
    expect(checkRecord(base)).toEqual({ ok: true, value: base });
  });

  it.each([
    [{ ...base, time: 'yesterday' }, 'request: time is not an RFC 3339 date-time'],
    [
      { ...base, time: '2026-02-30T00:00:00Z' },
      'request: time 2026-02-30T00:00:00Z is not a real date and time',
    ],
    [
      { ...base, time: '2026-01-01T24:00:00Z' },
      'request: time 2026-01-01T24:00:00Z is not a real date and time',
    ],
    [{ ...base, time: '2026-01-01 10:00:00' }, 'request: time is not an RFC 3339 date-time'],
    [{ ...base, time: '1970-01-01T00:00:00Z' }, 'request: time 1970-01-01T00:00:00Z is outside 1990..2200'],
    [{ ...base, usage: { output_tokens: -3 } }, 'request: usage.output_tokens must be >= 0'],
    [
      { ...base, usage: { input_tokens: 5e9 } },
      'request: usage.input_tokens 5000000000 is absurd (> 100000000)',
    ],
    [{ ...base, params: { n: 100000 } }, 'request: params.n 100000 is absurd (> 1024)'],
    [{ ...base, account_id: 'x'.repeat(300) }, 'request: account_id is longer than 256 characters'],
    [{ ...base, model: undefined }, 'request: missing required field model'],
    [{ type: 'teleport', time: base.time }, 'unknown record type "teleport"'],
    [{ time: base.time }, 'missing required field type'],
    [[1, 2], 'expected a JSON object, got an array'],
    [
      { type: 'enforcement', time: base.time, account_id: 'a', action: 'smite' },
      'enforcement: action must be one of ban, suspend, throttle, reinstate, allowlist',
    ],
  ])('rejects %j with a reason', (value, reason) => {
    expect(checkRecord(value)).toEqual({ ok: false, reason });
  });
});
