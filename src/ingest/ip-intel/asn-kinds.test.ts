import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAsnKinds, sniffAsnKinds } from './asn-kinds.ts';
import { ProblemLog } from './intel-file.ts';

const parse = (text: string) => {
  const problems = new ProblemLog('kinds.csv', false);
  return { kinds: parseAsnKinds(text, problems), problems };
};

describe('asn,kind files', () => {
  it('reads the shipped file: header, AS prefix, optional names with commas, comments', () => {
    const { kinds, problems } = parse(
      readFileSync(join(import.meta.dirname, 'fixtures', 'asn-kinds.csv'), 'utf8'),
    );
    expect(problems.count).toBe(0);
    expect(kinds.get(7922)).toEqual({ kind: 'residential', name: 'Comcast Cable' });
    expect(kinds.get(13335)?.kind).toBe('business');
    expect(kinds.get(15169)).toEqual({ kind: 'unknown', name: null });
    expect(parse('16509,datacenter,"Amazon.com, Inc."').kinds.get(16509)?.name).toBe('Amazon.com, Inc.');
  });

  it('reads tab-separated files and any letter case of the kind', () => {
    const { kinds } = parse('asn\tkind\n21928\tMobile\n');
    expect(kinds.get(21928)?.kind).toBe('mobile');
  });

  it('reports bad lines by number and why: unknown kind, bad AS, missing kind, contradiction', () => {
    const { kinds, problems } = parse(
      ['asn,kind', '1,datacenter', '2,hosting', 'ASX,mobile', '3', '1,residential', '1,datacenter'].join(
        '\n',
      ),
    );
    expect([...kinds.keys()]).toEqual([1]);
    expect(problems.count).toBe(4);
    expect(problems.examples).toEqual([
      {
        line: 3,
        reason: 'kind "hosting" is not one of residential, mobile, datacenter, education, business, unknown',
      },
      { line: 4, reason: '"ASX" is not an AS number (13335 or AS13335)' },
      { line: 5, reason: 'expected asn,kind or asn,kind,name, got one field' },
      { line: 6, reason: 'AS1 is datacenter on line 2 and residential here; kept the first' },
    ]);
  });

  it('is recognised by its header or by its first row', () => {
    expect(sniffAsnKinds('asn,kind,name')).toBe(true);
    expect(sniffAsnKinds('AS_NUMBER\tKIND')).toBe(true);
    expect(sniffAsnKinds('AS3,education')).toBe(true);
    expect(sniffAsnKinds('3,campus')).toBe(false);
    expect(sniffAsnKinds('1.0.0.0\t1.0.0.255\t13335\tUS\tX')).toBe(false);
  });
});
