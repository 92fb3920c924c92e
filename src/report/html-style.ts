// The report's stylesheet, inlined into the page: system fonts only, because the file must
// open offline and look the same on an analyst's laptop and in a headless browser.
/** Family bar widths in 5% steps (see html.ts). */
const BAR_WIDTHS = Array.from({ length: 21 }, (_, i) => `.w${i * 5} { width: ${i * 5}%; }`).join(' ');

export const REPORT_CSS = `
:root {
  --bg: #f5f6f8; --panel: #fff; --line: #e2e5ea; --line-strong: #c9ced6;
  --ink: #1b2130; --muted: #5d6675; --faint: #8a92a0;
  --accent: #2350c8; --high: #c2352b; --mid: #d9822b; --low: #b8a03a; --ok: #3c8d5a;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "DejaVu Sans", sans-serif;
  --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 14px/1.45 var(--sans); }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 64px; }
h1 { font-size: 20px; margin: 0; letter-spacing: -0.01em; }
h2 { font-size: 16px; margin: 0 0 4px; }
h3 { font-size: 15px; margin: 0; }
p { margin: 0; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code, .mono { font-family: var(--mono); font-size: 12.5px; }
.muted { color: var(--muted); }
.num { font-variant-numeric: tabular-nums; }

header.top { display: flex; align-items: baseline; justify-content: space-between; gap: 16px; flex-wrap: wrap;
  padding-bottom: 14px; border-bottom: 1px solid var(--line); margin-bottom: 16px; }
header.top .brand { display: flex; align-items: baseline; gap: 10px; }
header.top .brand .mark { width: 10px; height: 10px; border-radius: 2px; background: var(--high); align-self: center; }
header.top .meta { color: var(--muted); font-size: 12.5px; }
nav.sections { display: flex; gap: 16px; font-size: 13px; }

.stats { display: grid; grid-template-columns: repeat(8, minmax(0, 1fr)); gap: 1px;
  background: var(--line); border: 1px solid var(--line); border-radius: 8px; overflow: hidden; margin-bottom: 22px; }
.stat { background: var(--panel); padding: 10px 14px; }
.stat .label { color: var(--muted); font-size: 11.5px; text-transform: uppercase; letter-spacing: 0.04em; }
.stat .value { font-size: 20px; font-weight: 600; font-variant-numeric: tabular-nums; margin-top: 2px; }
.stat .sub { color: var(--muted); font-size: 12px; }
.stat.alert .value { color: var(--high); }
.stat.wide { grid-column: span 2; }

section.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 16px 18px; margin-bottom: 22px; }
section.panel > .head { display: flex; justify-content: space-between; align-items: baseline; gap: 12px; margin-bottom: 10px; flex-wrap: wrap; }
section.panel > .head .note { color: var(--muted); font-size: 12.5px; }
.chart { position: relative; width: 100%; }
.chart svg { display: block; }
.chart text { font-family: var(--sans); font-size: 11px; fill: var(--muted); }
.chart text.id { font-family: var(--mono); font-size: 10px; }
.chart text.group { fill: var(--ink); font-weight: 600; font-size: 11.5px; }
.chart text.strong { fill: var(--ink); }
.legend { display: flex; flex-wrap: wrap; gap: 6px 14px; margin-top: 10px; font-size: 12px; color: var(--muted); }
.legend .sw { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
.tip { position: absolute; pointer-events: none; background: #1b2130; color: #fff; font-size: 12px; line-height: 1.35;
  padding: 6px 8px; border-radius: 5px; white-space: nowrap; z-index: 5; display: none; box-shadow: 0 2px 8px rgba(0,0,0,.2); }
.tip .mono { font-size: 11.5px; }

.campaign { border: 1px solid var(--line); border-radius: 8px; margin-bottom: 14px; background: var(--panel); }
.campaign > .bar { display: grid; grid-template-columns: 44px 1fr auto; gap: 14px; align-items: center;
  padding: 12px 16px; border-bottom: 1px solid var(--line); }
.campaign .rank { color: var(--faint); font-size: 13px; font-variant-numeric: tabular-nums; }
.campaign .title { display: flex; align-items: baseline; gap: 10px; flex-wrap: wrap; }
.campaign .facts { color: var(--muted); font-size: 12.5px; display: flex; gap: 14px; flex-wrap: wrap; margin-top: 2px; }
.campaign .facts b { color: var(--ink); font-weight: 600; font-variant-numeric: tabular-nums; }
.score { font-size: 22px; font-weight: 650; font-variant-numeric: tabular-nums; text-align: right; line-height: 1; }
.score small { display: block; font-size: 10.5px; font-weight: 500; color: var(--muted); text-transform: uppercase; letter-spacing: 0.05em; margin-top: 3px; }
.score.high { color: var(--high); } .score.mid { color: var(--mid); } .score.low { color: var(--low); }
.campaign .body { display: grid; grid-template-columns: minmax(0, 1.35fr) minmax(0, 1fr); gap: 18px; padding: 12px 16px 14px; }
.campaign .body h4 { margin: 0 0 6px; font-size: 11.5px; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); font-weight: 600; }
ul.evidence { margin: 0; padding-left: 18px; }
ul.evidence li { margin: 2px 0; }
.times { display: grid; grid-template-columns: auto 1fr; gap: 2px 12px; font-size: 12.5px; margin-top: 10px; }
.times dt { color: var(--muted); } .times dd { margin: 0; font-variant-numeric: tabular-nums; }
.family { display: grid; grid-template-columns: 112px 1fr 34px; gap: 8px; align-items: center; font-size: 12.5px; margin: 3px 0; }
.family .track { height: 8px; background: #eef0f3; border-radius: 4px; overflow: hidden; }
.family .fill { display: block; height: 100%; border-radius: 4px; background: var(--faint); }
${BAR_WIDTHS}
.family .fill.strong { background: var(--high); } .family .fill.some { background: var(--mid); }
.family .reason { grid-column: 2 / 4; color: var(--muted); font-size: 11.5px; margin-top: -2px; margin-bottom: 3px; }
details.accounts { border-top: 1px solid var(--line); }
details.accounts > summary { cursor: pointer; padding: 9px 16px; color: var(--accent); font-size: 13px; list-style-position: inside; }
details.accounts[open] > summary { border-bottom: 1px solid var(--line); }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; }
th { text-align: left; font-weight: 600; color: var(--muted); font-size: 11.5px; text-transform: uppercase; letter-spacing: 0.04em;
  padding: 6px 16px; border-bottom: 1px solid var(--line); background: #fafbfc; position: sticky; top: 0; }
td { padding: 5px 16px; border-bottom: 1px solid #f0f1f4; vertical-align: top; }
td.reasons { color: var(--muted); }
td.reasons div + div { margin-top: 3px; }
td.num, th { white-space: nowrap; }
.table-wrap { max-height: 420px; overflow: auto; }
.capped { color: var(--muted); font-size: 12.5px; padding: 8px 16px; }
.capped.flush { padding: 0 0 8px; }
#campaigns > .head { margin: 0 0 10px; }
.tag { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 3px; background: #fdecea; color: var(--high); margin-left: 6px; }
.empty { color: var(--muted); padding: 18px 0; }
footer { color: var(--faint); font-size: 12px; margin-top: 28px; }
@media (max-width: 980px) { .stats { grid-template-columns: repeat(4, minmax(0, 1fr)); } }
@media (max-width: 760px) { .campaign .body { grid-template-columns: 1fr; } .stats { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
@media print { body { background: #fff; } section.panel, .campaign { break-inside: avoid; } details.accounts { display: none; } }
`;
