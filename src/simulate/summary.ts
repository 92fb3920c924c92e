// Counts what a run generated per archetype and operator, for summary.json and the table
// printed on the terminal. Holds one entry per account, never per event.
import type { TrafficRecord } from '../contract/events.ts';
import type { LabelRecord } from '../contract/outputs.ts';

export interface ArchetypeCounts {
  label: 'benign' | 'attack';
  accounts: number;
  requests: number;
  bans: number;
}

export interface Summary {
  scenario: string;
  seed: number;
  scale: number;
  first_time: string | null;
  last_time: string | null;
  records: number;
  requests: number;
  accounts: number;
  attack_accounts: number;
  attack_requests: number;
  benign_accounts: number;
  benign_requests: number;
  model_releases: number;
  by_archetype: Record<string, ArchetypeCounts>;
  by_operator: Record<string, { accounts: number; requests: number; campaigns: string[] }>;
}

/** A tally group's key: one archetype of one operator (or of none). */
const groupKey = (archetype: string, operator: string | undefined): string =>
  `${archetype}|${operator ?? ''}`;

export class Tally {
  private readonly groups: { archetype: string; operator: string | undefined; counts: ArchetypeCounts }[] =
    [];
  private readonly groupIndex = new Map<string, number>();
  private readonly campaigns = new Map<string, Set<string>>();
  private first: string | null = null;
  private last: string | null = null;
  private records = 0;
  private releases = 0;

  label(label: LabelRecord): void {
    const key = groupKey(label.archetype, label.operator);
    let g = this.groupIndex.get(key);
    if (g === undefined) {
      g = this.groups.length;
      this.groups.push({
        archetype: label.archetype,
        operator: label.operator,
        counts: { label: label.label, accounts: 0, requests: 0, bans: 0 },
      });
      this.groupIndex.set(key, g);
    }
    (this.groups[g] as (typeof this.groups)[number]).counts.accounts++;
    if (label.operator) {
      const set = this.campaigns.get(label.operator) ?? new Set<string>();
      if (label.campaign_id) set.add(label.campaign_id);
      this.campaigns.set(label.operator, set);
    }
  }

  /** Counts a record and its time; requests and bans are counted by `emitted`. */
  record(record: TrafficRecord): void {
    this.records++;
    if (this.first === null) this.first = record.time;
    this.last = record.time;
    if (record.type === 'model_release') this.releases++;
  }

  /**
   * Adds the requests and bans that the accounts of one archetype and operator made (a
   * population's counts, as the simulator keeps them): counting them per record looked up every
   * record's account in a map, a cache miss per event at scale.
   */
  emitted(labels: { archetype: string; operator?: string }, requests: number, bans: number): void {
    const g = this.groupIndex.get(groupKey(labels.archetype, labels.operator));
    if (g === undefined) return;
    const counts = (this.groups[g] as (typeof this.groups)[number]).counts;
    counts.requests += requests;
    counts.bans += bans;
  }

  summary(scenario: string, seed: number, scale: number): Summary {
    const by_archetype: Record<string, ArchetypeCounts> = {};
    const by_operator: Summary['by_operator'] = {};
    const totals = { attack: { accounts: 0, requests: 0 }, benign: { accounts: 0, requests: 0 } };
    const sorted = [...this.groups].sort((a, b) => a.archetype.localeCompare(b.archetype));
    for (const g of sorted) {
      const a = by_archetype[g.archetype] ?? { label: g.counts.label, accounts: 0, requests: 0, bans: 0 };
      a.accounts += g.counts.accounts;
      a.requests += g.counts.requests;
      a.bans += g.counts.bans;
      by_archetype[g.archetype] = a;
      totals[g.counts.label].accounts += g.counts.accounts;
      totals[g.counts.label].requests += g.counts.requests;
      if (g.operator) {
        const o = by_operator[g.operator] ?? {
          accounts: 0,
          requests: 0,
          campaigns: [...(this.campaigns.get(g.operator) ?? [])].sort(),
        };
        o.accounts += g.counts.accounts;
        o.requests += g.counts.requests;
        by_operator[g.operator] = o;
      }
    }
    return {
      scenario,
      seed,
      scale,
      first_time: this.first,
      last_time: this.last,
      records: this.records,
      requests: totals.attack.requests + totals.benign.requests,
      accounts: totals.attack.accounts + totals.benign.accounts,
      attack_accounts: totals.attack.accounts,
      attack_requests: totals.attack.requests,
      benign_accounts: totals.benign.accounts,
      benign_requests: totals.benign.requests,
      model_releases: this.releases,
      by_archetype,
      by_operator: Object.fromEntries(Object.entries(by_operator).sort(([a], [b]) => a.localeCompare(b))),
    };
  }
}

/** The terminal table: one row per archetype, then operators and totals. */
export function formatSummary(s: Summary): string {
  const rows: string[][] = [['archetype', 'label', 'accounts', 'requests', 'bans']];
  for (const [name, c] of Object.entries(s.by_archetype)) {
    rows.push([name, c.label, String(c.accounts), String(c.requests), String(c.bans)]);
  }
  for (const [name, o] of Object.entries(s.by_operator)) {
    rows.push([`  ${name}`, 'attack', String(o.accounts), String(o.requests), '']);
  }
  rows.push(['total attack', '', String(s.attack_accounts), String(s.attack_requests), '']);
  rows.push(['total benign', '', String(s.benign_accounts), String(s.benign_requests), '']);
  const widths = (rows[0] as string[]).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i === 0 || i === 1 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join('  '),
    )
    .join('\n');
}
