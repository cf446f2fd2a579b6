/**
 * Screenshots of the dashboard in headless Chromium, to look at. Runs only when PALISADE_SCREENSHOTS names
 * an output folder and Debian's chromium is installed (`apt-get install chromium`), so `npm test` skips it.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../server/demo/seed.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from './helpers.js';

const OUTPUT = process.env.PALISADE_SCREENSHOTS;
const CHROMIUM = '/usr/bin/chromium';

describe.skipIf(!OUTPUT || !existsSync(CHROMIUM))('dashboard screenshots', () => {
  let server: TestServer;
  let url: string;

  beforeAll(async () => {
    server = await startTestServer();
    await seedDemoData(server.app.storage, server.organizationId);
    url = await server.app.listen({ host: '127.0.0.1', port: 0 });
    mkdirSync(OUTPUT!, { recursive: true });
  });
  afterAll(async () => server?.close());

  it('signs in and captures the overview, the findings list and a finding', async () => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.goto(`${url}/`);
      await page.fill('input[name=username]', 'admin');
      await page.fill('input[name=password]', ADMIN_PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForURL(`${url}/`);
      expect(await page.textContent('h1')).toBe('Overview');
      // The stylesheet applied: the header is dark, not the browser's default white.
      const headerColour = "getComputedStyle(document.querySelector('header.top')).backgroundColor";
      expect(await page.evaluate(headerColour)).toBe('rgb(29, 36, 48)');
      const shots: string[] = [];
      const shoot = async (name: string) => {
        const file = path.join(OUTPUT!, name);
        await page.screenshot({ path: file, fullPage: true });
        shots.push(file);
      };
      await shoot('overview.png');
      await page.click('a[href="/findings"]');
      await shoot('findings.png');
      await page.click('table.findings a');
      await shoot('finding.png');
      expect(violations).toEqual([]);
      for (const file of shots) expect(statSync(file).size).toBeGreaterThan(10_000);
    } finally {
      await browser.close();
    }
  });
});
