// Renders the report in headless Chromium from disk: the charts draw, nothing errors, and
// nothing is fetched. Needs Debian's /usr/bin/chromium; skips without it, except in CI.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReport } from './html.ts';
import { HOSTILE_ID, sampleRun } from './html-fixture.ts';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI)
  throw new Error(`${CHROMIUM} is required in CI for the report browser test`);
if (!available)
  console.warn(`skipping report browser test: ${CHROMIUM} not found (apt-get install chromium)`);

describe.skipIf(!available)('report in headless Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hw-report-browser-'));
  let context: BrowserContext;

  beforeAll(async () => {
    // launch() rejects --user-data-dir, so a throwaway profile comes through a persistent context.
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await context?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('draws the timeline and raster from disk with no errors and no network', async () => {
    const path = writeReport(sampleRun(), join(dir, 'report.html'));
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('request', (r) => {
      if (r.url() !== pathToFileURL(path).href) requests.push(r.url());
    });
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs += 1;
      void d.dismiss();
    });

    await page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
    const count = (selector: string) => page.locator(selector).count();
    const counts = {
      cards: await count('article.campaign'),
      timelineBars: await count('#timeline svg g.timeline-bar'),
      rasterRows: await count('#raster svg g.raster-row'),
      contrastRows: await count('#raster svg g.raster-row.contrast'),
      cells: await count('#raster svg g.raster-row rect'),
      releases: await count('#timeline line.release'),
      legend: await count('#raster-legend .sw'),
    };
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(dialogs).toBe(0);
    expect(counts).toMatchObject({ cards: 1, timelineBars: 1, rasterRows: 9, contrastRows: 3, releases: 1 });
    expect(counts.cells).toBeGreaterThan(9 * 3);
    expect(counts.legend).toBeGreaterThan(1);

    // The hostile id is shown as text, not run.
    await page.locator('details.accounts summary').click();
    await expect.poll(() => page.locator('table td.mono', { hasText: HOSTILE_ID }).count()).toBe(1);
    await page.locator('#raster g.raster-row.contrast rect').first().hover();
    await expect.poll(() => page.locator('#raster .tip').textContent()).toMatch(/requests? in this slot/);
    await page.close();
  });
});
