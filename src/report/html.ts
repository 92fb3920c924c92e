// The self-contained HTML report of an analysis: run summary, campaign timeline, activity raster
// and ranked campaigns with their evidence and accounts. One file, no server, no network.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AnalysisResult } from '../engine/analyze.ts';
import { buildView, type CampaignView, REPORT_LIMITS, REPORT_VERSION, type ReportView } from './html-data.ts';
import { REPORT_SCRIPT } from './html-script.ts';
import { REPORT_CSS } from './html-style.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for element content and quoted attributes alike: ids and reasons are untrusted input. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** JSON safe inside a <script> element: no `</script>` or `<!--` can close or confuse it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const n = (v: number) => v.toLocaleString('en-US');
const when = (ms: number | null) =>
  ms === null || !Number.isFinite(ms) ? '–' : `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')}Z`;
const whenIso = (iso: string | null) => (iso === null ? '–' : when(Date.parse(iso)));

function duration(ms: number): string {
  if (ms < 3_600_000) return `${Math.max(0, Math.round(ms / 60_000))} min`;
  if (ms < 2 * 86_400_000) return `${(ms / 3_600_000).toFixed(1)} h`;
  return `${(ms / 86_400_000).toFixed(1)} days`;
}

const level = (score: number) => (score >= 0.8 ? 'high' : score >= 0.6 ? 'mid' : 'low');

function stat(label: string, value: string, sub = '', cls = ''): string {
  return `<div class="stat ${cls}"><div class="label">${escapeHtml(label)}</div><div class="value">${value}</div>${
    sub ? `<div class="sub">${sub}</div>` : ''
  }</div>`;
}

function summary(result: AnalysisResult, view: ReportView): string {
  const { read, engine, accounts, campaigns } = result;
  const flagged = accounts.filter((a) => a.flagged).length;
  const { trafficFirstMs: firstMs, trafficLastMs: lastMs } = view;
  const hasTime = firstMs !== null && lastMs !== null;
  const eventsFrom = engine.counters.firstMs;
  // Sign-up records may predate the traffic by years; say so rather than stretch the range.
  const earlier =
    hasTime && eventsFrom < firstMs ? ` · events from ${when(eventsFrom).slice(0, 10)} (sign-ups)` : '';
  const rate = read.records / Math.max(result.seconds, 1e-9);
  const share = accounts.length === 0 ? 0 : (100 * flagged) / accounts.length;
  return `<div class="stats">
${stat('Records read', n(read.records), `${n(engine.counters.requests)} requests · ${n(read.duplicates)} duplicates`)}
${stat('Rejected', n(read.rejected), `of ${n(read.linesIn)} lines`, read.rejected > 0 ? 'alert' : '')}
${stat('Accounts', n(accounts.length), `${n(engine.templates.size)} prompt templates`)}
${stat('Flagged', n(flagged), `${share.toFixed(share < 1 ? 2 : 1)}% of accounts`, flagged > 0 ? 'alert' : '')}
${stat('Campaigns', n(campaigns.length), campaigns.length > 0 ? `top score ${campaigns[0]!.score.toFixed(2)}` : 'none found')}
${stat('Throughput', `${n(Math.round(rate))}/s`, `records in ${result.seconds.toFixed(1)} s (engine ${result.engineSeconds.toFixed(1)} s)`)}
${stat(
  'Traffic (UTC)',
  hasTime ? duration(lastMs - firstMs) : '–',
  hasTime
    ? `${when(firstMs)} → ${when(lastMs)}${earlier}${engine.counters.lateEvents > 0 ? ` · ${n(engine.counters.lateEvents)} events too late to reorder` : ''}`
    : '',
  'wide',
)}
</div>`;
}

function families(view: CampaignView): string {
  if (view.families.length === 0) return '<p class="muted">No evidence families recorded.</p>';
  const listed = new Set(view.campaign.evidence);
  return view.families
    .map((f) => {
      // Bar widths are classes in 5% steps, so the page needs no inline style the CSP would have to allow.
      const step = Math.round(Math.min(1, Math.max(0, f.score)) * 20) * 5;
      const strength = f.score >= 0.5 ? 'strong' : f.score >= 0.3 ? 'some' : '';
      // A reason already among the evidence lines is not repeated under its bar.
      const reason = listed.has(f.reason) ? '' : `<span class="reason">${escapeHtml(f.reason)}</span>`;
      return `<div class="family" title="${escapeHtml(f.reason)}"><span>${escapeHtml(f.name)}</span><span class="track"><span class="fill w${step} ${strength}"></span></span><span class="num">${f.score.toFixed(2)}</span>${reason}</div>`;
    })
    .join('\n');
}

/** An account's reasons as a table cell, one line each, escaped: they come from the traffic. */
function reasonsCell(reasons: readonly string[]): string {
  return `<td class="reasons">${reasons.map((r) => `<div>${escapeHtml(r)}</div>`).join('')}</td>`;
}

function accountTable(view: CampaignView): string {
  const total = view.campaign.accounts.length;
  const rows = view.accounts
    .map(
      (a) =>
        `<tr><td class="mono">${escapeHtml(a.account_id)}</td><td class="num">${a.score.toFixed(2)}</td><td class="num">${escapeHtml(whenIso(a.first_flagged_at))}</td>${reasonsCell(a.reasons)}</tr>`,
    )
    .join('\n');
  const left = total - view.accounts.length;
  return `<details class="accounts"><summary>${n(total)} account${total === 1 ? '' : 's'}${view.banned > 0 ? ` · ${n(view.banned)} banned` : ''}</summary>
<div class="table-wrap"><table><thead><tr><th>Account</th><th>Score</th><th>First flagged</th><th>Reasons</th></tr></thead><tbody>
${rows}
</tbody></table></div>${left > 0 ? `<p class="capped">${n(left)} more account${left === 1 ? '' : 's'} not listed here; all are in accounts.jsonl.</p>` : ''}</details>`;
}

function campaignCard(view: CampaignView): string {
  const c = view.campaign;
  const firstMs = Date.parse(c.first_seen);
  const latency =
    view.detectedMs === null
      ? ''
      : ` <span class="muted">(${duration(view.detectedMs - firstMs)} after first request)</span>`;
  return `<article class="campaign" id="campaign-${view.rank}">
<div class="bar"><div class="rank">#${view.rank}</div>
<div><div class="title"><h3 class="mono">${escapeHtml(c.campaign_id)}</h3>${view.banned > 0 ? `<span class="tag">${n(view.banned)} banned</span>` : ''}</div>
<div class="facts"><span><b>${n(c.accounts.length)}</b> accounts</span><span><b>${n(c.requests)}</b> requests</span><span>active <b>${duration(Date.parse(c.last_seen) - firstMs)}</b></span></div></div>
<div class="score ${level(c.score)}">${c.score.toFixed(2)}<small>score</small></div></div>
<div class="body"><div><h4>Evidence</h4><ul class="evidence">${c.evidence.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul>
<dl class="times"><dt>First seen</dt><dd>${escapeHtml(whenIso(c.first_seen))}</dd><dt>Detected</dt><dd>${escapeHtml(when(view.detectedMs))}${latency}</dd><dt>Last seen</dt><dd>${escapeHtml(whenIso(c.last_seen))}</dd></dl></div>
<div><h4>Evidence families</h4>${families(view)}</div></div>
${accountTable(view)}
</article>`;
}

/** Unflagged accounts with pool-member traits: to challenge or watch, not to ban. */
function watchSection(view: ReportView): string {
  const rows = view.watch
    .map(
      (a) =>
        `<tr><td class="mono">${escapeHtml(a.account_id)}</td><td class="num">${a.score.toFixed(2)}</td>${reasonsCell(a.reasons)}</tr>`,
    )
    .join('\n');
  const left = view.watchTotal - view.watch.length;
  const body =
    rows.length === 0
      ? '<p class="empty">No unflagged account carries the traits of a pool member.</p>'
      : `<div class="table-wrap"><table><thead><tr><th>Account</th><th>Score</th><th>Reasons</th></tr></thead><tbody>
${rows}
</tbody></table></div>${left > 0 ? `<p class="capped">${n(left)} more account${left === 1 ? '' : 's'} to watch not listed here; all are in accounts.jsonl.</p>` : ''}`;
  return `<section class="panel" id="watch"><div class="head"><h2>Accounts to watch</h2><span class="note">not flagged: no pool was linked to them, but they carry a pool member's traits · highest score first · to challenge or watch, not to ban</span></div>
${body}
</section>`;
}

export function renderReport(result: AnalysisResult): string {
  const view = buildView(result);
  const sources = result.read.sources.map((s) => s.name).join(', ');
  const rasterRows = view.chart.groups.reduce((sum, g) => sum + g.rows.length, 0);
  const flaggedTotal = view.chart.groups
    .filter((g) => g.kind === 'campaign')
    .reduce((s, g) => s + g.total, 0);
  const flaggedShown = view.chart.groups
    .filter((g) => g.kind === 'campaign')
    .reduce((s, g) => s + g.rows.length, 0);
  const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  // Only this page's own script may run and nothing may be fetched: a stray id that slipped
  // past escaping still could not execute or phone home.
  const csp = `default-src 'none'; style-src ${sha(REPORT_CSS)}; script-src ${sha(REPORT_SCRIPT)}`;
  const cards = view.campaigns.map(campaignCard).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="generator" content="hydrawatch report ${REPORT_VERSION}">
<title>Hydrawatch report · ${n(result.campaigns.length)} campaigns</title>
<style>${REPORT_CSS}</style></head>
<body><main>
<header class="top"><div class="brand"><span class="mark"></span><h1>Hydrawatch report</h1><span class="meta">${escapeHtml(sources || 'no sources')}</span></div>
<nav class="sections"><a href="#timeline-panel">Timeline</a><a href="#raster-panel">Activity</a><a href="#campaigns">Campaigns</a><a href="#watch">Watch</a></nav></header>
${summary(result, view)}
<section class="panel" id="timeline-panel"><div class="head"><h2>Campaign timeline</h2><span class="note">bar: first to last request · pale until detected · ◆ detected · dashed: model release</span></div>
<div class="chart" id="timeline"></div></section>
<section class="panel" id="raster-panel"><div class="head"><h2>Account activity</h2><span class="note">${n(rasterRows)} accounts × ${view.chart.columnMs / 3_600_000}-hour slots · colour: dominant prompt template · shade: requests · black tick: flagged · red edge: banned</span></div>
${flaggedShown < flaggedTotal ? `<p class="capped flush">Showing ${n(flaggedShown)} of ${n(flaggedTotal)} flagged accounts (an even sample per campaign, in order of first request).</p>` : ''}
<div class="chart" id="raster"></div><div class="legend" id="raster-legend"></div></section>
<section id="campaigns"><div class="head"><h2>Campaigns by score</h2></div>
${cards || '<p class="empty">No campaigns were found in this traffic.</p>'}
${view.campaignsLeftOut > 0 ? `<p class="capped">${n(view.campaignsLeftOut)} lower-scored campaign${view.campaignsLeftOut === 1 ? '' : 's'} not shown; all are in campaigns.json.</p>` : ''}
</section>
${watchSection(view)}
<noscript><p class="capped">The timeline and activity charts need JavaScript; the campaign list above does not.</p></noscript>
<footer>Hydrawatch report format ${REPORT_VERSION} · limits: ${REPORT_LIMITS.campaigns} campaigns, ${REPORT_LIMITS.accountsPerCampaign} accounts per campaign, ${REPORT_LIMITS.rasterRows} raster rows, ${REPORT_LIMITS.watch} accounts to watch · times in UTC</footer>
</main>
<script type="application/json" id="hw-data">${scriptJson(view.chart)}</script>
<script>${REPORT_SCRIPT}</script>
</body></html>
`;
}

/** Writes the report to `path` (creating its folder) and returns the path. */
export function writeReport(result: AnalysisResult, path: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, renderReport(result));
  return path;
}
