// Content checks on the report of a small run: what an analyst must find in it, that data from
// traffic is escaped, and that big runs are capped with a note.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AccountVerdict, Campaign } from '../contract/outputs.ts';
import { escapeHtml, renderReport, scriptJson, writeReport } from './html.ts';
import { REPORT_LIMITS } from './html-data.ts';
import { HOSTILE_ID, HOSTILE_REASON, sampleRun } from './html-fixture.ts';
import { formatSummary } from './summary.ts';

const embedded = (html: string) => {
  const match = /<script type="application\/json" id="hw-data">(.*?)<\/script>/s.exec(html);
  return JSON.parse(match![1]!) as {
    groups: { kind: string; total: number; rows: { id: string; cells: number[] }[] }[];
    timeline: { id: string; detectedMs: number | null }[];
    releases: { model: string }[];
  };
};

describe('renderReport', () => {
  const result = sampleRun();
  const html = renderReport(result);

  it('summarises the run in the header', () => {
    expect(html).toContain('Records read');
    expect(html).toContain(result.read.records.toLocaleString('en-US'));
    expect(html).toContain('Rejected');
    expect(html).toContain('2026-02-01 00:00Z');
    expect(html).toContain('sample.jsonl');
    expect(html).toMatch(/Flagged<\/div><div class="value">6</);
  });

  it('shows the campaign with its score, evidence, families and times', () => {
    const campaign = result.campaigns[0]!;
    expect(html).toContain('id="campaign-1"');
    expect(html).toContain('C-1');
    expect(html).toContain('0.92');
    for (const line of campaign.evidence) expect(html).toContain(escapeHtml(line));
    expect(html).toMatch(/class="family"[^>]*><span>pool<\/span>/);
    expect(html).toContain('2026-02-01 04:00Z');
    expect(html).toContain('1 banned');
  });

  it('escapes account ids and reasons from the traffic', () => {
    expect(html).not.toContain(HOSTILE_ID);
    expect(html).toContain(escapeHtml(HOSTILE_ID));
    expect(html).not.toContain('<img src=x');
    expect(html).toContain(escapeHtml(HOSTILE_REASON));
    // In the embedded JSON too, where `</script>` would end the data block.
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(embedded(html).groups[0]!.rows.map((r) => r.id)).toContain(HOSTILE_ID);
  });

  it('embeds raster rows for the campaign and unflagged accounts for contrast', () => {
    const data = embedded(html);
    expect(data.groups.map((g) => g.kind)).toEqual(['campaign', 'contrast']);
    expect(data.groups[0]!.rows).toHaveLength(6);
    expect(data.groups[1]!.rows.map((r) => r.id).sort()).toEqual(['ci-bot', 'office-1', 'office-2']);
    expect(data.groups[0]!.rows.every((r) => r.cells.some((n) => n > 0))).toBe(true);
    expect(data.timeline[0]).toMatchObject({ id: 'C-1', detectedMs: Date.parse('2026-02-01T04:00:00Z') });
    expect(data.releases.map((r) => r.model)).toEqual(['helix-5']);
  });

  it('allows only its own script and no network through its content security policy', () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(html).not.toMatch(/\s(src|href)="(https?:)?\/\//);
  });

  it('lists unflagged accounts with pool-member traits to watch, highest score first, escaped', () => {
    const watched = (account_id: string, score: number, reasons: string[]): AccountVerdict => ({
      account_id,
      flagged: false,
      score,
      campaign_id: null,
      first_flagged_at: null,
      reasons,
    });
    const page = renderReport({
      ...result,
      accounts: [
        ...result.accounts,
        watched('lone-2', 0.22, ['not flagged: no pool was linked to it; its own traits: banned; new']),
        watched('lone-1', 0.31, [HOSTILE_REASON]),
        watched('quiet', 0.05, []),
      ],
    });
    const section = page.slice(
      page.indexOf('id="watch"'),
      page.indexOf('</section>', page.indexOf('id="watch"')),
    );
    expect(section).toContain('Accounts to watch');
    expect(section.indexOf('lone-1')).toBeGreaterThan(0);
    expect(section.indexOf('lone-1')).toBeLessThan(section.indexOf('lone-2'));
    expect(section).toContain('0.31');
    expect(section).toContain('its own traits: banned; new');
    expect(section).toContain(escapeHtml(HOSTILE_REASON));
    expect(section).not.toContain('<img');
    // Flagged accounts and unflagged ones without reasons are not listed.
    expect(section).not.toContain('quiet');
    expect(section).not.toContain('pool-a');
    expect(html).toContain('No unflagged account carries the traits of a pool member.');
  });

  it('renders an empty run without failing', () => {
    const empty = { ...result, accounts: [], campaigns: [] };
    expect(renderReport(empty)).toContain('No campaigns were found');
  });
});

describe('caps for big runs', () => {
  it('lists at most the top campaigns and accounts, and says how many were left out', () => {
    const result = sampleRun({ extraAccounts: 400 });
    const ids = Array.from({ length: 250 }, (_, i) => `bulk-${i}`);
    const bulkVerdicts: AccountVerdict[] = ids.map((account_id) => ({
      account_id,
      flagged: true,
      score: 0.8,
      campaign_id: 'C-bulk',
      first_flagged_at: '2026-02-01T06:00:00.000Z',
      reasons: ['bulk'],
    }));
    const filler = (i: number): Campaign => ({
      campaign_id: `C-filler-${i}`,
      score: 0.5,
      accounts: i === 0 ? ids : [`bulk-${i}`],
      first_seen: '2026-02-01T00:00:00.000Z',
      last_seen: '2026-02-02T00:00:00.000Z',
      requests: 10,
      evidence: ['filler'],
    });
    const big = {
      ...result,
      accounts: [...result.accounts, ...bulkVerdicts],
      campaigns: [...result.campaigns, ...Array.from({ length: 60 }, (_, i) => filler(i))],
    };
    const html = renderReport(big);
    expect(html.match(/<article class="campaign"/g)).toHaveLength(REPORT_LIMITS.campaigns);
    expect(html).toContain('11 lower-scored campaigns not shown');
    expect(html).toContain('50 more accounts not listed here');
    const data = embedded(html);
    const rows = data.groups.reduce((n, g) => n + g.rows.length, 0);
    expect(rows).toBeLessThanOrEqual(REPORT_LIMITS.rasterRows);
    const contrast = data.groups.find((g) => g.kind === 'contrast')!;
    expect(contrast.rows).toHaveLength(REPORT_LIMITS.contrastRows);
    expect(contrast.total).toBe(403);
    // Accounts to watch: the top ones listed, the rest counted.
    const lone = Array.from({ length: REPORT_LIMITS.watch + 7 }, (_, i) => ({
      account_id: `lone-${i}`,
      flagged: false,
      score: 0.3,
      campaign_id: null,
      first_flagged_at: null,
      reasons: ['not flagged: no pool was linked to it; its own traits: banned; new'],
    }));
    const watched = renderReport({ ...result, accounts: [...result.accounts, ...lone] });
    expect(watched).toContain('7 more accounts to watch not listed here');
  });
});

describe('scriptJson', () => {
  it('cannot close the script element it is embedded in', () => {
    const text = scriptJson({ id: '</script><script>alert(1)</script><!--' });
    expect(text).not.toMatch(/[<>]/);
    expect(JSON.parse(text)).toEqual({ id: '</script><script>alert(1)</script><!--' });
  });
});

describe('writeReport', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hw-report-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the file, creating its folder, and returns the path', () => {
    const path = join(dir, 'nested', 'report.html');
    expect(writeReport(sampleRun(), path)).toBe(path);
    expect(readFileSync(path, 'utf8')).toMatch(/^<!doctype html>/);
  });
});

describe('formatSummary', () => {
  it('counts the accounts to watch, and says nothing of them when there are none', () => {
    const result = sampleRun();
    expect(formatSummary(result)).not.toContain('to watch');
    const lone: AccountVerdict = {
      account_id: 'lone',
      flagged: false,
      score: 0.3,
      campaign_id: null,
      first_flagged_at: null,
      reasons: ['not flagged: no pool was linked to it; its own traits: banned; new'],
    };
    const text = formatSummary({
      ...result,
      accounts: [...result.accounts, lone, { ...lone, account_id: 'two' }],
    });
    expect(text).toContain(
      "2 accounts not flagged carry a pool member's traits with no pool linked: to watch",
    );
  });
});
