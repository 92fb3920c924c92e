import { describe, expect, it } from 'vitest';
import type { AccountRecord, EnforcementRecord, RequestRecord, TrafficRecord } from '../contract/events.ts';
import type { LabelRecord } from '../contract/outputs.ts';
import { checkRecord } from '../contract/validate.ts';
import { loadScenario, type Scenario } from './scenario.ts';
import { recordLine } from './serialize.ts';
import { simulate, simulateAll } from './simulate.ts';

function tiny(): Scenario {
  const loaded = loadScenario('tiny');
  if (!loaded.ok) throw new Error(loaded.reason);
  return loaded.scenario;
}

const run = simulateAll(tiny(), { seed: 11 });
const labelOf = new Map(run.labels.map((l) => [l.account_id, l]));
const requests = run.records.filter((r): r is RequestRecord => r.type === 'request');
const archetypeOf = (r: { account_id: string }) => labelOf.get(r.account_id)?.archetype;
const DAY = 86_400_000;

function bytes(records: Iterable<TrafficRecord>): string {
  let out = '';
  for (const r of records) out += recordLine(r);
  return out;
}

describe('simulate (tiny scenario)', () => {
  it('gives the same bytes for the same seed and different bytes for another', () => {
    const first = bytes(simulate(tiny(), { seed: 11, scale: 0.4 }));
    expect(bytes(simulate(tiny(), { seed: 11, scale: 0.4 }))).toBe(first);
    expect(bytes(simulate(tiny(), { seed: 12, scale: 0.4 }))).not.toBe(first);
  });

  it('writes only records valid against the contract, in time order', () => {
    let last = '';
    for (const record of run.records) {
      const line = recordLine(record);
      const checked = checkRecord(JSON.parse(line));
      expect(checked.ok, checked.ok ? '' : `${checked.reason}: ${line}`).toBe(true);
      // The hand-written serialiser must say exactly what the record says.
      expect(JSON.parse(line)).toEqual(record);
      expect(record.time >= last).toBe(true);
      last = record.time;
    }
    expect(requests.length).toBeGreaterThan(20_000);
  });

  it('labels every account once, before any of its traffic, consistently with the scenario', () => {
    const accounts = run.records.filter((r): r is AccountRecord => r.type === 'account');
    expect(new Set(run.labels.map((l) => l.account_id)).size).toBe(run.labels.length);
    expect(accounts.length).toBe(run.labels.length);
    const created = new Map<string, string>();
    for (const a of accounts) created.set(a.account_id, a.time);
    for (const r of requests) {
      expect(labelOf.has(r.account_id)).toBe(true);
      expect((created.get(r.account_id) as string) <= r.time).toBe(true);
    }
    for (const l of run.labels) {
      if (l.label === 'attack') {
        expect(l.operator).toMatch(/^operator-\d$/);
        expect(l.campaign_id).toMatch(/^campaign-op\d$/);
      } else {
        expect(l.operator).toBeUndefined();
      }
    }
    const archetypes = new Set(run.labels.map((l) => l.archetype));
    for (const a of [
      'casual_chat',
      'eval_harness',
      'enterprise_batch',
      'legit_reseller',
      'university_nat',
      'family_team',
    ]) {
      expect(archetypes.has(a)).toBe(true);
    }
  });

  it('replaces a banned hydra account with a freshly registered one within minutes', () => {
    const bans = run.records.filter(
      (r): r is EnforcementRecord =>
        r.type === 'enforcement' && labelOf.get(r.account_id)?.label === 'attack',
    );
    expect(bans.length).toBeGreaterThan(10);
    const created = run.records.filter((r): r is AccountRecord => r.type === 'account');
    for (const ban of bans) {
      const campaign = labelOf.get(ban.account_id)?.campaign_id;
      const t = Date.parse(ban.time);
      const replacement = created.find((a) => {
        const dt = Date.parse(a.time) - t;
        return dt >= 0 && dt <= 30 * 60_000 && labelOf.get(a.account_id)?.campaign_id === campaign;
      });
      expect(replacement, `no replacement after ban at ${ban.time}`).toBeDefined();
      const banned = requests.filter((r) => r.account_id === ban.account_id);
      expect(banned.every((r) => r.time <= ban.time)).toBe(true);
    }
  });

  it('moves about half of the pivoting operator to the new model 24 hours after release', () => {
    const release = run.records.find((r) => r.type === 'model_release');
    expect(release).toBeDefined();
    const at = Date.parse((release as TrafficRecord).time);
    const window = requests.filter((r) => {
      const t = Date.parse(r.time);
      return labelOf.get(r.account_id)?.operator === 'operator-3' && t >= at + DAY && t < at + 2 * DAY;
    });
    const share = window.filter((r) => r.model === 'helix-4.5').length / window.length;
    expect(window.length).toBeGreaterThan(300);
    // Reseller customers' traffic inside the pool follows the same pivot: about half overall.
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.6);
    expect(requests.some((r) => r.model === 'helix-4.5' && Date.parse(r.time) < at)).toBe(false);
  });

  it('spreads load evenly across a hydra pool, unlike benign developers', () => {
    const cv = (archetype: string) => {
      const perAccountDay = new Map<string, number>();
      for (const r of requests) {
        if (archetypeOf(r) !== archetype) continue;
        const key = `${r.account_id}|${r.time.slice(0, 10)}`;
        perAccountDay.set(key, (perAccountDay.get(key) ?? 0) + 1);
      }
      const xs = [...perAccountDay.values()];
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
      return { cv: sd / mean, mean, max: Math.max(...xs) };
    };
    const hydra = cv('hydra_reseller');
    const devs = cv('individual_developer');
    expect(hydra.cv).toBeLessThan(devs.cv);
    // Volume alone gives nothing away: a hydra account makes a few dozen requests a day.
    expect(hydra.mean).toBeLessThan(80);
    expect(hydra.max).toBeLessThan(cv('coding_agent').max);
  });

  it('puts NAT archetypes behind a few shared addresses and rotates hydra proxies', () => {
    for (const archetype of ['university_nat', 'office_nat', 'family_team']) {
      const byIp = new Map<string, Set<string>>();
      for (const r of requests) {
        if (archetypeOf(r) !== archetype) continue;
        const set = byIp.get(r.client_ip as string) ?? new Set<string>();
        set.add(r.account_id);
        byIp.set(r.client_ip as string, set);
      }
      const shared = [...byIp.values()].filter((s) => s.size >= 2).length;
      expect(shared, archetype).toBeGreaterThan(0);
    }
    const hydraIps = new Set(
      requests.filter((r) => archetypeOf(r) === 'hydra_reseller').map((r) => r.client_ip),
    );
    const hydraCount = requests.filter((r) => archetypeOf(r) === 'hydra_reseller').length;
    expect(hydraIps.size).toBeGreaterThan(hydraCount * 0.4);
  });

  it('keeps a person on one broadband provider and one carrier, and a session proxy pool on many', () => {
    const networksOf = (archetype: string) => {
      const byAccount = new Map<string, Set<number>>();
      for (const r of requests) {
        if (archetypeOf(r) !== archetype || r.client_asn === undefined) continue;
        const set = byAccount.get(r.account_id) ?? new Set<number>();
        set.add(r.client_asn);
        byAccount.set(r.account_id, set);
      }
      return [...byAccount.values()].map((s) => s.size);
    };
    // Home users: a new lease comes from the same provider, a phone from the same carrier.
    for (const archetype of ['casual_chat', 'individual_developer', 'launch_day_adopter']) {
      const counts = networksOf(archetype);
      expect(counts.length, archetype).toBeGreaterThan(0);
      expect(Math.max(...counts), archetype).toBeLessThanOrEqual(2);
    }
    const pool = networksOf('hydra_agentic').sort((a, b) => a - b);
    expect(pool[pool.length >> 1]).toBeGreaterThanOrEqual(4);
  });

  it('leaves no single field that marks attack traffic', () => {
    const values = (pick: (r: RequestRecord) => unknown, label: LabelRecord['label']) =>
      new Set(requests.filter((r) => labelOf.get(r.account_id)?.label === label).map(pick));
    // User agents compare by product (tiny runs do not draw every version for every population).
    const product = (r: RequestRecord) => r.user_agent?.split('/')[0];
    for (const pick of [product, (r: RequestRecord) => r.model, (r: RequestRecord) => r.client_network]) {
      const benign = values(pick, 'benign');
      for (const v of values(pick, 'attack')) expect(benign.has(v), String(v)).toBe(true);
    }
    const idShape = (id: string) => id.replace(/[0-9A-Za-z]/g, 'x');
    const shapes = (label: string) =>
      new Set(run.labels.filter((l) => l.label === label).map((l) => idShape(l.account_id)));
    expect(shapes('attack')).toEqual(shapes('benign'));
  });

  it('registers hydra accounts through programs and shares payment instruments across subsets', () => {
    const accounts = run.records.filter((r): r is AccountRecord => r.type === 'account');
    const attack = accounts.filter((a) => labelOf.get(a.account_id)?.label === 'attack');
    const channels = new Set(attack.map((a) => a.signup_channel));
    expect(
      channels.has('education') || channels.has('research_program') || channels.has('startup_program'),
    ).toBe(true);
    const perCard = new Map<string, number>();
    for (const a of attack) if (a.payment_fp) perCard.set(a.payment_fp, (perCard.get(a.payment_fp) ?? 0) + 1);
    expect(Math.max(...perCard.values())).toBeGreaterThan(2);
  });

  it('harvests outputs: large budgets and several samples per prompt', () => {
    const attack = requests.filter((r) => labelOf.get(r.account_id)?.operator === 'operator-1');
    expect(attack.some((r) => (r.params?.n ?? 1) > 1)).toBe(true);
    const large = attack.filter((r) => (r.params?.max_tokens ?? 0) >= 32_000).length / attack.length;
    expect(large).toBeGreaterThan(0.5);
    expect(attack.some((r) => /[\u4e00-\u9fff]/.test(r.prompt ?? ''))).toBe(true);
  });
});

describe('seed-2026 at small scale', () => {
  it('keeps the reports’ proportions at scale 0.005', () => {
    const loaded = loadScenario('seed-2026');
    if (!loaded.ok) throw new Error(loaded.reason);
    const labels: LabelRecord[] = [];
    const perOperator = new Map<string, number>();
    const operatorOf = new Map<string, string>();
    let benignRequests = 0;
    let attackRequests = 0;
    for (const r of simulate(loaded.scenario, {
      scale: 0.005,
      seed: 1,
      onLabel: (l) => {
        labels.push(l);
        if (l.operator) operatorOf.set(l.account_id, l.operator);
      },
    })) {
      if (r.type !== 'request') continue;
      const op = operatorOf.get(r.account_id);
      if (op) {
        attackRequests++;
        perOperator.set(op, (perOperator.get(op) ?? 0) + 1);
      } else benignRequests++;
    }
    const attackAccounts = labels.filter((l) => l.label === 'attack').length;
    expect(attackAccounts).toBeGreaterThan(85);
    expect(attackAccounts).toBeLessThan(160);
    expect(labels.length - attackAccounts).toBeGreaterThanOrEqual(500);
    expect(perOperator.get('operator-1')).toBeGreaterThan(400);
    expect(perOperator.get('operator-2')).toBeGreaterThan(12_000);
    expect(perOperator.get('operator-3')).toBeGreaterThan(50_000);
    // The issue asks for a benign background with several times the attacks' requests.
    expect(benignRequests).toBeGreaterThan(3 * attackRequests);
  });
});
