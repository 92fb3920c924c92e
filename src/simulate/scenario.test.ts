import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DIR, checkScenario, loadScenario } from './scenario.ts';

const tinyJson = () => JSON.parse(readFileSync(join(BUILTIN_DIR, 'tiny.json'), 'utf8'));

describe('scenario files', () => {
  it('loads the built-in scenarios by name', () => {
    for (const name of ['tiny', 'seed-2026']) {
      const result = loadScenario(name);
      expect(result.ok, result.ok ? '' : result.reason).toBe(true);
    }
  });

  it('names an unknown scenario', () => {
    const result = loadScenario('no-such-scenario');
    expect(result).toEqual({ ok: false, reason: 'no built-in scenario or file named no-such-scenario' });
  });

  it('names the path and the problem of a bad distribution', () => {
    const bad = tinyJson();
    bad.populations[0].activity.sessionsPerDay = { const: 1, exp: 2 };
    const result = checkScenario(bad);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.reason).toMatch(/^populations\.0\.activity\.sessionsPerDay: must name exactly one/);
  });

  it('rejects unknown fields and broken references with the path', () => {
    const extra = tinyJson();
    extra.populations[2].activity.sessionsPerDayy = { const: 1 };
    const r1 = checkScenario(extra);
    expect(r1.ok ? '' : r1.reason).toBe('populations.2.activity: unknown field sessionsPerDayy');
    const client = tinyJson();
    client.populations[1].infra.clients = { no_such_client: 1 };
    const r2 = checkScenario(client);
    expect(r2.ok ? '' : r2.reason).toMatch(
      /populations\.1 \(hydra_agentic\)\.infra\.clients: no client named no_such_client/,
    );
    const quote = tinyJson();
    quote.clients[0].userAgents[0] = 'evil"agent';
    expect(checkScenario(quote).ok).toBe(false);
  });

  it('requires operator and campaign on attack populations', () => {
    const bad = tinyJson();
    delete bad.populations[0].operator;
    const result = checkScenario(bad);
    expect(result.ok ? '' : result.reason).toMatch(/attack populations need operator and campaign/);
  });
});
