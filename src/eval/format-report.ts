// Renders an eval report as plain-text tables for the terminal: the same figures as the JSON,
// rounded for reading, with n/a wherever a figure could not be measured.
import type { Distribution } from './metrics.ts';
import { formatProblem } from './read-inputs.ts';
import type { EvalReport } from './score-run.ts';

/** Rows shown for lists that can be long (campaigns, problems); the JSON always has them all. */
const MAX_ROWS = 20;

export function formatPercent(value: number | null): string {
  return value === null ? 'n/a' : `${(value * 100).toFixed(2)}%`;
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return 'n/a';
  const sign = seconds < 0 ? '-' : '';
  const s = Math.abs(seconds);
  if (s < 120) return `${sign}${s.toFixed(0)} s`;
  if (s < 7200) return `${sign}${(s / 60).toFixed(1)} min`;
  if (s < 172_800) return `${sign}${(s / 3600).toFixed(1)} h`;
  return `${sign}${(s / 86_400).toFixed(1)} d`;
}

const fixed = (value: number | null, digits = 3): string => (value === null ? 'n/a' : value.toFixed(digits));
const count = (value: number): string => value.toLocaleString('en-US');
// Medians and percentiles of counts can fall between two counts; show that rather than round it away.
const countOrNa = (value: number | null): string =>
  value === null ? 'n/a' : Number.isInteger(value) ? count(value) : value.toFixed(1);

/** Lays out rows under a header; columns whose header starts with '>' are right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const right = header.map((h) => h.startsWith('>'));
  const titles = header.map((h) => h.replace(/^>/, ''));
  const widths = titles.map((t, i) => Math.max(t.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    `  ${cells.map((c, i) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')}`.trimEnd();
  return [line(titles), ...rows.map(line)].join('\n');
}

function more(total: number): string[] {
  return total > MAX_ROWS ? [`  … ${count(total - MAX_ROWS)} more in the JSON report`] : [];
}

function inputsSection(report: EvalReport): string[] {
  const { labels, accounts, campaigns, events } = report.inputs;
  const rejected = (n: number): string => (n > 0 ? `, ${count(n)} rejected` : '');
  const lines = [
    `  labels     ${labels.file}: ${count(labels.records)} accounts${rejected(labels.rejected)}`,
    `  verdicts   ${accounts.file}: ${count(accounts.records)} accounts${rejected(accounts.rejected)}`,
  ];
  if (campaigns)
    lines.push(`  campaigns  ${campaigns.file}: ${count(campaigns.records)}${rejected(campaigns.rejected)}`);
  if (events) {
    lines.push(
      `  events     ${events.file}: ${count(events.records)} records, ${count(events.requests)} requests${rejected(events.rejected)}`,
    );
  }
  return ['Inputs', ...lines];
}

function accountsSection(report: EvalReport): string[] {
  const a = report.accounts;
  const c = a.confusion;
  const rows = a.archetypes.map((row) => [
    row.archetype,
    row.label,
    count(row.accounts),
    count(row.flagged),
    count(row.missing),
    `${formatPercent(row.rate)} ${row.label === 'attack' ? 'recall' : 'FP rate'}`,
  ]);
  return [
    'Accounts',
    `  precision ${formatPercent(a.precision)}   recall ${formatPercent(a.recall)}   false-positive rate ${formatPercent(a.falsePositiveRate)}`,
    `  ${count(a.labelled)} labelled (${count(a.attack)} attack, ${count(a.benign)} benign): ` +
      `${count(c.truePositives)} attack flagged, ${count(c.falseNegatives)} missed, ` +
      `${count(c.falsePositives)} benign flagged, ${count(c.trueNegatives)} benign clear`,
    `  ${count(a.missingVerdicts)} labelled accounts without a verdict (scored as not flagged); ` +
      `${count(a.unlabelledVerdicts)} verdicts on unlabelled accounts (${count(a.unlabelledFlagged)} flagged, not scored)`,
    '',
    table(['archetype', 'label', '>accounts', '>flagged', '>missing', '>rate'], rows),
  ];
}

function rankingSection(report: EvalReport): string[] {
  const r = report.ranking;
  const points = r.atFalsePositiveRate.map((p) => {
    const at = Number.isFinite(p.threshold) ? `score >= ${p.threshold.toFixed(3)}` : 'no threshold';
    return `${formatPercent(p.recall)} at ${formatPercent(p.budget)} (${at}, ${count(p.falsePositives)} benign)`;
  });
  return [
    'Score ranking (each threshold the lowest whose benign false-positive rate is within the budget)',
    `  recall ${points.join('; ')}`,
    `  ROC AUC ${fixed(r.auc)}`,
  ];
}

function groupingSection(report: EvalReport): string[] {
  const g = report.grouping;
  const rows = g.operators.map((o) => [
    o.operator,
    count(o.flagged),
    count(o.campaigns),
    fixed(o.purity),
    formatPercent(o.largestCampaignShare),
  ]);
  const lines = [
    `Campaign grouping (over ${count(g.accounts)} ${g.population}; ${count(g.ungrouped)} without a campaign, each counted as a campaign of one)`,
    `  ${count(g.predictedCampaigns)} predicted campaigns   purity ${fixed(g.purity)}   adjusted Rand index vs operators ${fixed(g.adjustedRandIndex)}`,
  ];
  if (rows.length > 0)
    lines.push('', table(['operator', '>flagged', '>campaigns', '>purity', '>largest share'], rows));
  const f = g.campaignFile;
  if (f) {
    lines.push(
      `  campaigns.json: ${count(f.campaigns)} campaigns, ${count(f.mostlyAttack)} mostly attack, ` +
        `${count(f.mostlyBenign)} mostly benign, ${count(f.unlabelled)} unlabelled; ` +
        `${count(f.membershipConflicts)} membership conflicts with accounts.jsonl, ${count(f.unknownCampaignIds)} unknown campaign ids`,
    );
  }
  return lines;
}

function durationSummary(d: Distribution): string {
  return `median ${formatDuration(d.median)}, p90 ${formatDuration(d.p90)}, max ${formatDuration(d.max)}`;
}

function timeToDetectSection(report: EvalReport): string[] {
  const t = report.timeToDetect;
  if (t.source === null) {
    return ['Time to detect: n/a (give --events, or verdicts with first_seen, for first-request times)'];
  }
  const rows = t.campaigns
    .slice(0, MAX_ROWS)
    .map((c) => [
      c.campaign,
      c.operator ?? '',
      count(c.accounts),
      count(c.flagged),
      c.firstRequestAt ?? 'n/a',
      c.firstFlaggedAt ?? 'never',
      formatDuration(c.secondsToDetect),
    ]);
  return [
    `Time to detect (campaign's first request to its first flagged account; first requests from ${t.source})`,
    `  ${count(t.detected)} campaigns detected, ${count(t.undetected)} never; ${durationSummary(t.seconds)}`,
    '',
    table(
      ['campaign', 'operator', '>accounts', '>flagged', 'first request', 'first flagged', '>time to detect'],
      rows,
    ),
    ...more(t.campaigns.length),
  ];
}

function respawnSection(report: EvalReport): string[] {
  const r = report.respawn;
  if (!r.available) return ['Respawned accounts: n/a (needs --events with account and enforcement records)'];
  const d = r.requestsBeforeFlag;
  return [
    'Respawned accounts (created after a ban in the same campaign): requests made before flagged',
    `  ${count(r.respawned)} respawned: ${count(r.flagged)} flagged, ${count(r.neverFlagged)} never flagged (all requests count), ` +
      `${count(r.flaggedWithoutTime)} flagged without a time (left out)`,
    `  requests before flagged: median ${countOrNa(d.median)}, p90 ${countOrNa(d.p90)}, max ${countOrNa(d.max)} (n=${count(d.n)})`,
  ];
}

function problemsSection(report: EvalReport): string[] {
  if (report.problems.length === 0) return [];
  return [
    'Input problems (lines skipped)',
    ...report.problems.slice(0, MAX_ROWS).map((p) => `  ${formatProblem(p)}`),
    ...more(report.problems.length),
  ];
}

/** The whole report as terminal text, sections separated by blank lines. */
export function formatReport(report: EvalReport): string {
  const sections = [
    [`Hydrawatch eval (report format ${report.version})`],
    inputsSection(report),
    accountsSection(report),
    rankingSection(report),
    groupingSection(report),
    timeToDetectSection(report),
    respawnSection(report),
    problemsSection(report),
  ].filter((s) => s.length > 0);
  return `${sections.map((s) => s.join('\n')).join('\n\n')}\n`;
}
