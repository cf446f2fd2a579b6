/**
 * End to end in a real browser: the server on a temp folder with the demo organisation (real scans of the demo
 * repositories and the demo Prowler and Terraform state files), driven through Debian's Chromium with
 * playwright-core. Signs in, filters findings, opens a finding with its cloud resource, accepts risks in bulk
 * and sees the secure score change, opens the graph and exports CSV. Screenshots of each view go to
 * test-artifacts/screenshots/. Skipped (with the reason) only when /usr/bin/chromium is missing.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../scanners/core/package.js';
import { seedDemoData } from '../../server/demo/seed.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../server/helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = packagePath('test-artifacts/screenshots');
const HAS_CHROMIUM = existsSync(CHROMIUM);

if (!HAS_CHROMIUM) {
  console.warn(`Skipping the dashboard end-to-end tests: ${CHROMIUM} is missing (apt-get install chromium).`);
}

/** Parses RFC 4180 CSV (quoted cells, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      row.push(cell);
      cell = '';
    } else if (character === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += character;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe.skipIf(!HAS_CHROMIUM)('the dashboard in a browser', () => {
  let server: TestServer;
  let url: string;
  let browser: Browser;
  let page: Page;
  const cspViolations: string[] = [];
  const shots: string[] = [];

  /** Waits until the code-to-cloud analysis has caught up with every change. */
  const analysisDone = async () => {
    const deadline = Date.now() + 30_000;
    while (await server.app.storage.cloud.analysisPending(server.organizationId)) {
      if (Date.now() > deadline) throw new Error('the analysis did not finish in 30 s');
      server.app.analysisRunner.wake();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  const shoot = async (name: string) => {
    const file = path.join(SCREENSHOTS, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    shots.push(file);
  };

  /** The organisation's secure score as the overview's gauge says it. */
  const overviewScore = async () => {
    await page.goto(`${url}/`);
    const label = await page.getAttribute('.gauge svg[role=img]', 'aria-label');
    const match = /Organisation: ([\d.]+)%/.exec(label ?? '');
    expect(match, `gauge label: ${label}`).not.toBeNull();
    return Number(match![1]);
  };

  beforeAll(async () => {
    server = await startTestServer({ codeToCloud: { analysis: { pollMs: 100 } } });
    const seeded = await seedDemoData(server.app.storage, server.organizationId);
    expect(seeded).toMatchObject({ seeded: true, cloudImports: 2 });
    url = await server.app.listen({ host: '127.0.0.1', port: 0 });
    server.app.analysisRunner.wake();
    await analysisDone();
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-sync',
      ],
    });
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs in and shows the overview with the score, charts, priorities and attack paths', async () => {
    await page.goto(`${url}/findings?severity=high`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', ADMIN_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${url}/findings?severity=high`);
    await page.click('nav a[href="/"]');
    await page.waitForURL(`${url}/`);
    expect(await page.textContent('h1')).toBe('Overview');
    // Every chart is an image with a label, and its numbers are in a table too.
    const charts = await page.$$eval('figure svg[role=img]', (svgs) =>
      svgs.map((svg) => svg.getAttribute('aria-label') ?? ''),
    );
    expect(charts.length).toBeGreaterThanOrEqual(4);
    for (const label of charts) expect(label.length).toBeGreaterThan(10);
    expect(await page.locator('figure details.chart-data table').count()).toBeGreaterThanOrEqual(3);
    // The demo's top priority is the public, unencrypted orders database, deployed and linked by trace tag.
    const topPriority = page.locator('#priorities-heading + table tbody tr').first();
    expect(await topPriority.textContent()).toContain('RDS');
    expect(await topPriority.textContent()).toContain('linked by trace tag');
    expect(await page.textContent('#paths-heading')).toMatch(/Attack paths: [1-9]/);
    // The toxic combination of the demo: the public bastion, its admin role, the orders database.
    expect(await page.textContent('section[aria-labelledby=paths-heading]')).toContain(
      'Internet-exposed instance bastion → instance profile acme-prod-bastion → role acme-prod-bastion-role with admin privileges → database acme-prod-orders with sensitive data',
    );
    // Keyboard: the first Tab reaches the skip link, which moves to the content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Skip to the content');
    await shoot('overview');
  });

  it('filters findings, keeping the filter in the URL, and the rows change', async () => {
    await page.click('nav a[href="/findings"]');
    await page.waitForURL(`${url}/findings`);
    const allRows = await page.locator('table.findings tbody tr').count();
    expect(allRows).toBeGreaterThan(10);
    await page.selectOption('select[name=severity]', 'high');
    await page.selectOption('select[name=status]', 'open');
    await page.selectOption('select[name=deployed]', 'true');
    await page.click('form.filters button[type=submit]');
    await page.waitForURL((address) => address.searchParams.get('severity') === 'high');
    const address = new URL(page.url());
    expect(Object.fromEntries(address.searchParams)).toMatchObject({
      severity: 'high',
      status: 'open',
      deployed: 'true',
    });
    const rows = page.locator('table.findings tbody tr');
    const filtered = await rows.count();
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(allRows);
    for (const text of await rows.allTextContents()) {
      expect(text).toMatch(/\bhigh\b/);
      expect(text).toMatch(/\bopen\b/);
    }
    // Reloading the URL keeps the filter form as it was.
    await page.reload();
    expect(await page.inputValue('select[name=severity]')).toBe('high');
    expect(await page.inputValue('select[name=deployed]')).toBe('true');
    await shoot('findings-filtered');
  });

  it('opens a finding with its deployed cloud resource, runtime checks and priority', async () => {
    await page.goto(`${url}/findings?deployed=true&status=open&sort=priority`);
    await page.click('table.findings tbody tr:first-child td a[href^="/findings/"]');
    await page.waitForURL(/\/findings\/\d+$/);
    const deployed = page.locator('table.deployed');
    expect(await deployed.textContent()).toContain('123456789012');
    expect(await deployed.textContent()).toContain('trace tag');
    expect(await page.textContent('main')).toMatch(/Priority \d+ of 100/);
    const codeLink = await page.getAttribute('a:text("Open the file at the scanned commit")', 'href');
    expect(codeLink).toMatch(
      /^https:\/\/github\.com\/acme-demo\/platform-infra\/blob\/[0-9a-f]+\/main\.tf#L\d+$/,
    );
    await shoot('finding');
    await deployed.locator('a[href^="/cloud/resources/"]').first().click();
    await page.waitForURL(/\/cloud\/resources\/\d+$/);
    expect(await page.textContent('main')).toContain('Runtime checks');
    expect(await page.textContent('main')).toContain('platform-infra');
    await shoot('cloud-resource');
    await page.click('main p a[href^="/cloud/accounts/"]');
    await page.waitForURL(/\/cloud\/accounts\/\d+$/);
    expect(await page.textContent('h1')).toContain('123456789012');
    await shoot('cloud-account');
  });

  it('accepts risks in bulk, and the secure score changes', async () => {
    const before = await overviewScore();
    await page.goto(`${url}/findings?deployed=true&status=open&sort=priority`);
    const boxes = page.locator('table.findings input[type=checkbox][name=ids]');
    const selected = await boxes.count();
    expect(selected).toBeGreaterThan(1);
    for (let index = 0; index < selected; index++) await boxes.nth(index).check();
    await page.selectOption('select[name=action]', 'risk_accepted');
    await page.fill(
      'textarea[name=reason]',
      'Compensating control: private subnet only, reviewed by security',
    );
    await page.click('form.bulk button[type=submit]');
    await page.waitForURL((address) => address.searchParams.get('bulk') === 'risk_accepted');
    expect(await page.textContent('p.notice')).toContain(`Accepted the risk of ${selected} findings.`);
    // The list keeps its filter: the accepted findings are no longer open.
    expect(new URL(page.url()).searchParams.get('deployed')).toBe('true');
    expect(await page.locator('table.findings tbody tr').count()).toBe(0);
    await analysisDone();
    const after = await overviewScore();
    expect(after).not.toBe(before);
    // Accepted risks are exempt from the score, so the organisation's score rises.
    expect(after).toBeGreaterThan(before);
    await shoot('overview-after-risk-acceptance');
  });

  it('shows the graph view with attack paths and the code-to-cloud links, as pictures and lists', async () => {
    await page.click('nav a[href="/graph"]');
    await page.waitForURL(`${url}/graph`);
    const pictures = page.locator('svg.graph-svg[role=img]');
    expect(await pictures.count()).toBeGreaterThanOrEqual(2);
    const nodeLinks = page.locator('svg.graph-svg a.node');
    expect(await nodeLinks.count()).toBeGreaterThan(0);
    const lists = await page.locator('ul.graph-list').allTextContents();
    expect(lists.join(' ')).toContain('acme-prod-orders');
    expect(lists.join(' ')).toContain('deployed as');
    expect(lists.join(' ')).toContain('Internet');
    expect(await page.textContent('#path-1')).toContain('role acme-prod-bastion-role with admin privileges');
    expect(await page.locator('#path-1 ~ .graph svg a.node').count()).toBeGreaterThanOrEqual(3);
    await shoot('graph');
    await page.click('nav a[href="/posture"]');
    await page.waitForURL(`${url}/posture`);
    expect(await page.textContent('main')).toContain(
      'GitLab and Azure DevOps settings are not collected yet',
    );
    await shoot('posture');
    await page.goto(`${url}/`);
    await page.click('#repositories-heading + table a[href^="/repositories/"]');
    await page.waitForURL(/\/repositories\/\d+$/);
    await shoot('repository');
  });

  it('exports the current filter as CSV', async () => {
    await page.goto(`${url}/findings?category=iac&severity=medium`);
    const summary = await page.textContent('.list-summary span');
    const total = Number(/of (\d+)/.exec(summary ?? '')![1]);
    expect(total).toBeGreaterThan(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a:text("Export these findings as CSV")'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^palisade-findings-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    const rows = parseCsv(text.replace(/^\uFEFF/, ''));
    expect(rows[0]!.slice(0, 4)).toEqual(['id', 'severity', 'priority', 'status']);
    const data = rows.slice(1);
    expect(data).toHaveLength(total);
    for (const row of data) {
      expect(row[1]).toBe('medium');
      expect(row[6]).toBe('iac');
    }
  });

  it('ran under the CSP without violations and saved a screenshot of each view', () => {
    expect(cspViolations).toEqual([]);
    expect(shots.length).toBeGreaterThanOrEqual(9);
    for (const file of shots) expect(statSync(file).size).toBeGreaterThan(10_000);
  });
});
