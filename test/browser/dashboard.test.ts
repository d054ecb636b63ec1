import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from './demo-server.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const SKIP_REASON = `skipped: ${CHROMIUM} not found (install Debian's chromium package to run the browser tests)`;
const SHOTS = fileURLToPath(new URL('../../test-artifacts/screenshots/', import.meta.url));
const HOSTILE = 'en-2023-05-25-belarus-deployment-deal-markup';

if (!HAS_CHROMIUM) console.warn(`browser tests ${SKIP_REASON}`);

interface Watched { page: Page; problems: string[] }

describe.skipIf(!HAS_CHROMIUM)(`dashboard in headless Chromium${HAS_CHROMIUM ? '' : ` (${SKIP_REASON})`}`, { timeout: 180_000 }, () => {
  let server: DemoServer;
  let browser: Browser;
  const opened: Watched[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startDemoServer();
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh page that records dialogs, console errors and uncaught exceptions. */
  async function open(path: string, width = 1360): Promise<Watched> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('dialog', (dialog) => { problems.push(`dialog: ${dialog.message()}`); void dialog.dismiss(); });
    page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    await page.goto(server.url + path);
    const watched = { page, problems };
    opened.push(watched);
    return watched;
  }

  async function shoot(page: Page, name: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  }

  async function api<T>(path: string): Promise<T> {
    const response = await fetch(server.url + path);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }

  it('overview shows the counts, both charts, the latest high-intensity events and the top actors', async () => {
    const { page, problems } = await open('/');
    const stats = await api<{ articles: number }>('/api/stats');
    await page.locator('.stat-value').first().waitFor();
    expect(await page.locator('.stat-value').first().textContent()).toBe(String(stats.articles));
    await page.locator('#escalation-chart canvas').waitFor();
    await page.locator('#events-chart canvas').waitFor();
    expect(await page.locator('#events-chart .chart-legend li').count()).toBeGreaterThan(1);
    const events = page.locator('.event-item');
    await events.first().waitFor();
    expect(await events.count()).toBeGreaterThan(2);
    expect((await page.locator('.event-item .evidence').first().textContent())?.length).toBeGreaterThan(20);
    expect(await page.locator('.event-item a[href^="/article/"]').count()).toBeGreaterThan(2);
    expect(await page.locator('.bar-list li').count()).toBeGreaterThan(5);
    await expect(page.locator('h1').textContent()).resolves.toBe('Overview');
    await shoot(page, 'overview');
    expect(problems).toEqual([]);
  });

  it('dragging across the events chart writes the period to the URL, and the period switch too', async () => {
    const { page, problems } = await open('/');
    const over = page.locator('#events-chart .u-over');
    await over.waitFor();
    const box = await over.boundingBox();
    if (!box) throw new Error('chart has no box');
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 8 });
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await page.waitForURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
    await page.locator('.active-filter').waitFor();
    const url = new URL(page.url());
    expect(url.searchParams.get('from')! < url.searchParams.get('to')!).toBe(true);
    await page.locator('.segmented button', { hasText: 'Week' }).click();
    await page.waitForURL(/by=week/);
    await page.locator('#escalation-chart canvas').waitFor();
    expect(problems).toEqual([]);
  });

  it('search shows highlighted hits and facets, and clicks through to an article, an actor and the claims', async () => {
    const { page, problems } = await open('/search?q=Belarus');
    const results = page.locator('.result');
    await results.first().waitFor();
    expect(await results.count()).toBeGreaterThan(2);
    expect((await page.locator('.result mark').first().textContent())?.toLowerCase()).toBe('belarus');
    expect(await page.locator('.facet-btn').count()).toBeGreaterThan(3);
    await shoot(page, 'search');
    await page.locator('.facet').first().locator('.facet-btn').first().click();
    await page.waitForURL(/lang=/);
    await results.first().waitFor();
    await page.locator('.result-title a').first().click();
    await page.waitForURL(/\/article\//);
    await page.locator('.article-text .seg.ent').first().waitFor();
    expect(await page.locator('.side-item').count()).toBeGreaterThan(0);
    await page.locator('.chip-go').first().click();
    await page.waitForURL(/\/actor\//);
    await page.locator('.page.actor h1').waitFor();
    const actor = await page.locator('.page.actor h1').textContent();
    expect(actor?.length).toBeGreaterThan(1);
    await page.locator('.page-tools a', { hasText: 'Claims' }).click();
    await page.waitForURL(/\/claims\?holder=/);
    await page.locator('.page.claims .panel').first().waitFor();
    expect(decodeURIComponent(new URL(page.url()).searchParams.get('holder') ?? '')).toBe(actor);
    expect(problems).toEqual([]);
  });

  it('renders the hostile demo article as inert text: no dialog, no script, no img, no javascript: link', async () => {
    const { page, problems } = await open(`/article/${HOSTILE}`);
    await page.locator('.article-text').waitFor();
    await expect(page.locator('h1').textContent()).resolves.toContain('<script>alert(1)</script>');
    const body = (await page.locator('.article-text').textContent()) ?? '';
    expect(body).toContain('<img src=x onerror=alert(2)>');
    expect(body).toContain('javascript:alert(3)');
    expect(body).toContain('Russia &amp; Belarus');
    expect(body).toContain('&lt;b&gt;breaking&lt;/b&gt;');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('[onerror]').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('script:not([src])').length)).toBe(0);
    await page.locator('.article-text .seg.evt').first().hover();
    await page.locator('.tooltip .tip-rule').first().waitFor();
    expect(await page.locator('.tooltip .tip-rule code').first().textContent()).toMatch(/\w+\.\w+/);
    await page.mouse.move(5, 5);
    await page.locator('.article-side .side-btn').first().click();
    await page.locator('.article-text .seg.focus').first().waitFor();
    await shoot(page, 'article');
    await page.goto(`${server.url}/search?q=${encodeURIComponent('"tactical nuclear weapons" Belarus')}`);
    await page.locator('.result').first().waitFor();
    expect(await page.locator('.results').textContent()).toContain('<script>alert(1)</script>');
    expect(await page.locator('img').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('actor page shows aliases, quotes over time, events and a co-mention network whose nodes open actors', async () => {
    const { page, problems } = await open('/actor/Vladimir%20Putin');
    await page.locator('.page.actor h1').waitFor();
    await expect(page.locator('.page.actor h1').textContent()).resolves.toBe('Vladimir Putin');
    expect((await page.locator('.aliases').textContent()) ?? '').toContain('Poetin');
    expect(await page.locator('.quote-card').count()).toBeGreaterThan(2);
    expect(await page.locator('.events-table tbody tr').count()).toBeGreaterThan(2);
    const nodes = page.locator('svg.network .node:not(.center)');
    expect(await nodes.count()).toBeGreaterThan(2);
    await shoot(page, 'actor');
    const name = await nodes.first().getAttribute('data-name');
    await nodes.first().click();
    await page.waitForURL((url) => decodeURIComponent(url.pathname) === `/actor/${name}`);
    await expect(page.locator('.page.actor h1').textContent()).resolves.toBe(name);
    expect(problems).toEqual([]);
  });

  it('quotes can be filtered by a speaker alias and by direct speech', async () => {
    const { page, problems } = await open('/quotes?speaker=Poetin');
    await page.locator('.quote-card').first().waitFor();
    const speakers = await page.locator('.quote-speaker a').allTextContents();
    expect(speakers.length).toBeGreaterThan(2);
    expect(new Set(speakers)).toEqual(new Set(['Vladimir Putin']));
    await page.locator('select[name="direct"]').selectOption('true');
    await page.locator('.filters button[type="submit"]').click();
    await page.waitForURL(/direct=true/);
    await page.locator('.quote-card').first().waitFor();
    expect(await page.locator('.quote-card.indirect').count()).toBe(0);
    await shoot(page, 'quotes');
    expect(problems).toEqual([]);
  });

  it('claims page shows the balance per item, the ledger with conflicts flagged and every claim', async () => {
    const { page, problems } = await open('/claims');
    await page.locator('.balance-item').first().waitFor();
    expect(await page.locator('.balance-item').count()).toBeGreaterThan(1);
    expect(await page.locator('.balance-bars li').count()).toBeGreaterThan(2);
    expect(await page.locator('.ledger-group').count()).toBeGreaterThan(1);
    const ledger = await api<{ groups: { conflict: boolean }[] }>('/api/claims');
    expect(await page.locator('.ledger-group.conflict').count()).toBe(ledger.groups.filter((g) => g.conflict).length);
    await shoot(page, 'claims');
    expect(problems).toEqual([]);
  });

  it('treaties page lists each treaty with its status and dated acts', async () => {
    const { page, problems } = await open('/treaties');
    await page.locator('.treaty-card').first().waitFor();
    const treaties = await api<{ treaty: string }[]>('/api/treaties');
    expect(await page.locator('.treaty-card').count()).toBe(treaties.length);
    expect(await page.locator('.treaty-card h2').allTextContents()).toContain('New START');
    expect(await page.locator('.vtimeline li').count()).toBeGreaterThan(treaties.length);
    await shoot(page, 'treaties');
    expect(problems).toEqual([]);
  });

  it('stories page shows clusters with their articles and languages', async () => {
    const { page, problems } = await open('/stories');
    await page.locator('.story-card').first().waitFor();
    expect(await page.locator('.story-card').count()).toBeGreaterThan(3);
    expect(await page.locator('.story-card .story-articles a[href^="/article/"]').count()).toBeGreaterThan(3);
    await shoot(page, 'stories');
    expect(problems).toEqual([]);
  });

  it('alert page shows the rule, its hits and the Atom feed link', async () => {
    const { page, problems } = await open(`/alerts/${server.ruleId}`);
    await page.locator('.page.alerts h1').waitFor();
    await expect(page.locator('.page.alerts h1').textContent()).resolves.toBe('Putin: high-intensity signals');
    await page.locator('.page.alerts table tbody tr').first().waitFor();
    expect(await page.locator('.page.alerts table tbody tr').count()).toBeGreaterThan(0);
    const feed = await page.locator('a.feed').getAttribute('href');
    expect(feed).toBe(`/alerts/${server.ruleId}.atom`);
    const response = await fetch(server.url + feed);
    expect(response.headers.get('content-type')).toContain('atom+xml');
    await shoot(page, 'alerts');
    expect(problems).toEqual([]);
  });

  it('switches the interface between English and Dutch with ?ui= and the toggle, and remembers the choice', async () => {
    const { page, problems } = await open('/search?ui=nl');
    await expect(page.locator('.mainnav a.active').textContent()).resolves.toBe('Zoeken');
    await page.locator('.mainnav a', { hasText: 'Citaten' }).click();
    await page.waitForURL(/\/quotes/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Citaten');
    await page.locator('.lang-switch').click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Quotes');
    await page.goto(server.url + '/claims');
    await expect(page.locator('h1').textContent()).resolves.toBe('Claims ledger');
    await page.goto(server.url + '/treaties?ui=nl');
    await page.locator('.treaty-card').first().waitFor();
    await shoot(page, 'treaties-nl');
    await page.goto(server.url + '/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Overzicht');
    expect(problems).toEqual([]);
  });

  it('stays within the window at 1000 px and shows unknown paths as not found', async () => {
    for (const [name, path] of [['overview-1000', '/'], ['article-1000', `/article/${HOSTILE}`], ['actor-1000', '/actor/NATO']]) {
      const { page, problems } = await open(path, 1000);
      await page.locator('.page').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1000);
      await shoot(page, name);
      expect(problems).toEqual([]);
    }
    const { page } = await open('/no/such/page');
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
  });
});
