/**
 * The help page (help.html) in a real browser (Debian's Chromium through playwright-core), at the
 * widths Excel gives a task pane and in a phone-sized window: it reflows without sideways
 * scrolling (WCAG 1.4.10) in light and dark colour schemes, and its images load.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { describeWithEngine } from '../helpers/engines';
import { helpPage } from '../../src/help/helpPage';

const ROOT = path.resolve(__dirname, '..', '..');

function executable(command: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim();
  return found ? realpathSync(found) : command;
}

describeWithEngine('Chromium: help.html', ['chromium', 'chromium-browser'], (command) => {
  let work: string;
  let browser: Browser;

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'planrapport-help-page-'));
    writeFileSync(path.join(work, 'help.html'), helpPage({ version: '0.0.0' }));
    cpSync(path.join(ROOT, 'assets'), path.join(work, 'assets'), { recursive: true });
    browser = await chromium.launch({
      executablePath: executable(command),
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it.each([
    [320, 'light'],
    [320, 'dark'],
    [450, 'light'],
  ] as const)('reflows at %i px (%s) without sideways scrolling', async (width, colorScheme) => {
    const page = await browser.newPage({ viewport: { width, height: 800 }, colorScheme });
    try {
      await page.goto(`file://${path.join(work, 'help.html')}`);
      const layout = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        // every element's right edge within the window
        wide: Array.from(document.querySelectorAll('body *'))
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 && !e.classList.contains('skip'))
          .map((e) => `${e.tagName.toLowerCase()}: ${(e.textContent ?? '').slice(0, 40)}`),
        images: Array.from(document.images).map((i) => i.complete && i.naturalWidth > 0),
        fontSize: getComputedStyle(document.body).fontSize,
      }));
      expect(layout).toEqual({ scrollWidth: width, clientWidth: width, wide: [], images: [true], fontSize: '16px' });
    } finally {
      await page.close();
    }
  });
});
