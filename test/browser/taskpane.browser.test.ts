/**
 * The production task pane in a real browser (Debian's Chromium through playwright-core):
 * the webpack bundle is built into a temporary folder and served from a local HTTP server;
 * office.js cannot be fetched offline, so its CDN address is answered with a small stand-in
 * that defines Office.onReady and Excel.run over src/simulator/excel/fakeExcel.ts (compiled for the
 * browser with the TypeScript API). Then: template, Word tab, a real download of the .docx.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import ts from 'typescript';
import JSZip from 'jszip';
import { describeWithEngine, hasCommand } from '../helpers/engines';
import { convert } from '../helpers/libreoffice';
import { CHROMIUM_ARGS, buildBundle, executable } from '../helpers/browser';

const ROOT = path.resolve(__dirname, '..', '..');
const OUTPUT = path.join(ROOT, 'test-output');
const SCREENSHOT = path.join(OUTPUT, 'taskpane-word.png');
/** Screenshots of the pane's states at the widths Excel gives a task pane, for people to look at. */
const PANE_SHOTS = path.join(OUTPUT, 'pane');
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * A TypeScript module and its relative imports as one browser script (CommonJS modules in a
 * tiny loader); the entry's exports end up in `window[globalName]`.
 */
function scriptFromTypeScript(entry: string, globalName: string): string {
  const modules: { id: string; code: string; deps: Record<string, string> }[] = [];
  const seen = new Map<string, string>();
  const resolveTs = (from: string, spec: string) => {
    const base = path.resolve(path.dirname(from), spec.replace(/\.js$/, ''));
    const file = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((f) => existsSync(f));
    if (!file) throw new Error(`${from}: hittar inte ${spec}`);
    return file;
  };
  const visit = (file: string): string => {
    const known = seen.get(file);
    if (known) return known;
    const id = path.relative(ROOT, file);
    seen.set(file, id);
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: false, sourceMap: false },
    });
    const deps: Record<string, string> = {};
    for (const [, spec] of outputText.matchAll(/require\("([^"]+)"\)/g)) {
      if (!spec!.startsWith('.')) throw new Error(`${id}: ${spec} är inget relativt TypeScript-modulnamn`);
      deps[spec!] = visit(resolveTs(file, spec!));
    }
    modules.push({ id, code: outputText, deps });
    return id;
  };
  const entryId = visit(entry);
  const defs = modules.map((m) => `${JSON.stringify(m.id)}: { deps: ${JSON.stringify(m.deps)}, fn: function (require, module, exports) {\n${m.code}\n} }`);
  return `(function () {
  var defs = {${defs.join(',\n')}};
  var cache = {};
  function load(id) {
    if (cache[id]) return cache[id].exports;
    var module = { exports: {} };
    cache[id] = module;
    defs[id].fn(function (spec) { return load(defs[id].deps[spec]); }, module, module.exports);
    return module.exports;
  }
  window[${JSON.stringify(globalName)}] = load(${JSON.stringify(entryId)});
})();`;
}

/** Stands in for https://appsforoffice.microsoft.com/lib/1/hosted/office.js. */
function officeStub(): string {
  return `${scriptFromTypeScript(path.join(ROOT, 'src', 'simulator', 'excel', 'fakeExcel.ts'), '__fakeExcel')}
(function () {
  var book = new window.__fakeExcel.FakeWorkbook();
  window.__planrapportBook = book;
  window.Excel = { run: function (batch) { return book.run(batch); } };
  var info = { host: 'Excel', platform: 'OfficeOnline' };
  // ?theme=dark: Office reports its Black theme
  var dark = /[?&]theme=dark/.test(location.search);
  window.Office = {
    HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac', iOS: 'iOS' },
    context: { officeTheme: dark ? { isDarkTheme: true, bodyBackgroundColor: '#262626' } : { isDarkTheme: false, bodyBackgroundColor: '#FFFFFF' } },
    onReady: function (callback) {
      return Promise.resolve(info).then(function (i) { if (callback) callback(i); return i; });
    },
  };
})();`;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves `dir` on 127.0.0.1 at a free port. */
async function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = path.join(dir, path.normalize(pathname === '/' ? '/taskpane.html' : pathname));
    if (!file.startsWith(dir + path.sep) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

interface BookState {
  sheets: string[];
  runs: number;
  syncs: number;
}

function bookState(page: Page): Promise<BookState> {
  return page.evaluate(() => {
    const book = (window as unknown as { __planrapportBook: { sheets: { name: string }[]; runs: number; syncs: number } }).__planrapportBook;
    return { sheets: book.sheets.map((s) => s.name), runs: book.runs, syncs: book.syncs };
  });
}

/** The book's state once the pane has made no Excel.run for a second. */
async function settled(page: Page): Promise<BookState> {
  let last = await bookState(page);
  for (let quiet = 0; quiet < 10;) {
    await page.waitForTimeout(100);
    const now = await bookState(page);
    quiet = now.runs === last.runs ? quiet + 1 : 0;
    last = now;
  }
  return last;
}

describeWithEngine('Chromium', ['chromium', 'chromium-browser'], (command) => {
  let work: string;
  let server: Server | undefined;
  let origin: string;
  let context: BrowserContext | undefined;
  let page: Page;
  const problems: string[] = [];
  const blocked: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'planrapport-browser-'));
    const dist = path.join(work, 'dist');
    const stub = officeStub();
    await buildBundle(dist);
    ({ server, origin } = await serve(dist));

    context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
      executablePath: executable(command),
      headless: true,
      args: CHROMIUM_ARGS,
      acceptDownloads: true,
      viewport: { width: 360, height: 900 },
      locale: 'sv-SE',
      timeout: 30_000,
    });
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === 'appsforoffice.microsoft.com') return route.fulfill({ status: 200, contentType: 'text/javascript', body: stub });
      if (url.origin === origin || url.protocol === 'blob:' || url.protocol === 'data:') return route.continue();
      blocked.push(url.href);
      return route.abort('blockedbyclient');
    });
    // records the type of every Blob the pane turns into a download URL
    await context.addInitScript(() => {
      const w = window as unknown as { __blobTypes: string[] };
      const create = URL.createObjectURL.bind(URL);
      w.__blobTypes = [];
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        w.__blobTypes.push(blob instanceof Blob ? blob.type : 'MediaSource');
        return create(blob);
      };
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  }, 330_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (work) rmSync(work, { recursive: true, force: true });
  }, 30_000);

  test('template, then "Generera tertialrapport" downloads a real .docx', async () => {
    await page.goto(`${origin}/taskpane.html`);
    await page.getByRole('heading', { name: 'Planrapport' }).waitFor({ timeout: 15_000 });

    // an empty workbook is offered the template
    await page.getByText(/har inga Planrapport-flikar/).waitFor();
    expect(await page.getByRole('tab', { name: 'Word' }).isDisabled()).toBe(true);
    await page.getByLabel('År').fill('2019');
    await page.getByLabel('Organisation').fill('Testnämnden');
    await page.getByRole('button', { name: 'Skapa mallar' }).click();
    await page.getByRole('heading', { name: 'Mallarna är skapade' }).waitFor();
    await page.getByText('Tertialrapport 1 för 2019').first().waitFor();
    const created = await bookState(page);
    expect(created.sheets).toEqual(expect.arrayContaining(['Dokument', 'Mål', 'Indikatorer']));

    // the Word tab: one read, a real download
    await page.getByRole('tab', { name: 'Word' }).click();
    const generate = page.getByRole('button', { name: 'Generera tertialrapport' });
    await generate.waitFor();
    // the template's own writes are changes too: the handlers for the added sheets (one run) and
    // the header's debounced re-read of Dokument (one run) come first
    const ready = await settled(page);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), generate.click()]);
    expect(download.suggestedFilename()).toBe('Tertialrapport 1 för 2019.docx');
    const saved = path.join(work, 'download', download.suggestedFilename());
    await download.saveAs(saved);
    const bytes = readFileSync(saved);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const zip = await JSZip.loadAsync(bytes);
    expect(zip.file('word/document.xml')).toBeTruthy();
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain(`${DOCX_MIME}.main+xml`);
    expect(await page.evaluate(() => (window as unknown as { __blobTypes: string[] }).__blobTypes)).toEqual([DOCX_MIME]);

    await page.getByText('Word-dokumentet är klart: Tertialrapport 1 för 2019.docx', { exact: true }).waitFor();
    await page
      .getByRole('main')
      .getByText(/^(Inga fel\.|.* – se fliken Validera\.)$/)
      .waitFor();
    const after = await bookState(page);
    expect(after.runs - ready.runs).toBe(1);
    expect(after.syncs - ready.syncs).toBeLessThanOrEqual(1);
    expect(after.sheets).toEqual(created.sheets);

    expect(await generate.isEnabled()).toBe(true);
    await page.mouse.move(0, 0);
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true, animations: 'disabled' });

    // "Ladda ner igen": the same bytes once more
    const [again] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner igen' }).click()]);
    const savedAgain = path.join(work, 'download', 'again.docx');
    await again.saveAs(savedAgain);
    expect(readFileSync(savedAgain).equals(bytes)).toBe(true);
    expect((await bookState(page)).runs).toBe(after.runs);

    expect(problems).toEqual([]);
    expect(blocked).toEqual([]);

    if (hasCommand('soffice')) {
      const pdf = convert(saved, 'pdf', path.join(work, 'pdf')).output;
      expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } else {
      console.warn('soffice finns inte i PATH – hoppar över PDF-konverteringen av den nedladdade filen.');
    }
  }, 120_000);

  /** The page scrolls sideways when its content is wider than the pane. */
  async function horizontalOverflow(p: Page): Promise<number> {
    return p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  }

  async function shot(p: Page, name: string) {
    mkdirSync(PANE_SHOTS, { recursive: true });
    await p.mouse.move(0, 0);
    await p.screenshot({ path: path.join(PANE_SHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
    expect([name, await horizontalOverflow(p)]).toEqual([name, 0]);
  }

  /** A user types into the fake workbook (Excel's change events fire). */
  function type(p: Page, cells: [string, string, string | number][]) {
    return p.evaluate((cs) => {
      const book = (window as unknown as { __planrapportBook: { edit(s: string, a: string, v: string | number): void } }).__planrapportBook;
      for (const [sheet, address, value] of cs) book.edit(sheet, address, value);
    }, cells);
  }

  test.each([320, 450])(
    'at %i px: every state without sideways scrolling, screenshots in test-output/pane',
    async (width) => {
      const p = await context!.newPage();
      p.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      try {
        await p.setViewportSize({ width, height: 720 });
        await p.goto(`${origin}/taskpane.html`);
        await p.getByRole('button', { name: 'Skapa mallar' }).waitFor({ timeout: 15_000 });
        await shot(p, `${width}-1-tom-arbetsbok`);
        await p.getByLabel('År').fill('2025');
        await p.getByLabel('Organisation').fill('Hägersten-Liljeholmens stadsdelsnämnd');
        await p.getByRole('button', { name: 'Skapa mallar' }).click();
        await p.getByRole('heading', { name: 'Mallarna är skapade' }).waitFor();
        await shot(p, `${width}-2-mallar-skapade`);

        await p.getByRole('tab', { name: 'Validera' }).click();
        await p.getByRole('heading', { name: 'Inte klar att lämna in' }).waitFor();
        await shot(p, `${width}-3-tom-mall-inte-klar`);

        await type(p, [
          ['Texter', 'A2', 'Sammanfattande analys'],
          ['Texter', 'B2', 'Verksamheten har i stort sett nått sina mål.'],
          ['Mål', 'A2', 'N1'],
          ['Mål', 'B2', 'Nämndmål'],
          ['Mål', 'D2', 'Alla barn får en god start i livet'],
          ['Mål', 'E2', 'Uppfylls delvis'],
          ['Indikatorer', 'A2', 'N1'],
          ['Indikatorer', 'B2', 'Antal barn i förskola'],
          ['Indikatorer', 'C2', 'st'],
          ['Indikatorer', 'F2', 'sjutton'],
        ]);
        await p.getByText(/Arbetsboken har ändrats sedan dess/).waitFor();
        await shot(p, `${width}-4-andrad-validerar-igen`);
        await p.getByRole('button', { name: /^Fel: F2 / }).waitFor({ timeout: 10_000 });
        await shot(p, `${width}-5-fynd`);
        await p.getByRole('button', { name: /^Fel: F2 / }).click();
        await p.waitForFunction(
          () => (window as unknown as { __planrapportBook: { selected?: { address: string } } }).__planrapportBook.selected?.address === 'F2',
        );

        await p.getByRole('tab', { name: 'Word' }).click();
        const [download] = await Promise.all([
          p.waitForEvent('download', { timeout: 30_000 }),
          p.getByRole('button', { name: 'Generera tertialrapport' }).click(),
        ]);
        expect(download.suggestedFilename()).toMatch(/^Tertialrapport 1 för 2025\.docx$/);
        await p.getByRole('button', { name: 'Ladda ner igen' }).waitFor();
        await shot(p, `${width}-6-word-klart`);

        // the same pane when Office is dark, and under forced colours (Windows' contrast themes)
        await p.goto(`${origin}/taskpane.html?theme=dark`);
        await p.getByRole('button', { name: 'Skapa mallar' }).waitFor({ timeout: 15_000 });
        await shot(p, `${width}-7-mork`);
        expect(await p.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(255, 255, 255)');
        await p.getByLabel('År').fill('2025');
        await p.getByRole('button', { name: 'Skapa mallar' }).click();
        await p.getByRole('button', { name: 'Gå till Validera' }).click();
        await p.getByRole('heading', { name: 'Inte klar att lämna in' }).waitFor();
        await type(p, [
          ['Mål', 'A2', 'N1'],
          ['Mål', 'D2', 'Alla barn får en god start i livet'],
          ['Indikatorer', 'A2', 'N1'],
          ['Indikatorer', 'B2', 'Antal barn i förskola'],
          ['Indikatorer', 'F2', 'sjutton'],
        ]);
        await p.getByRole('button', { name: /^Fel: F2 / }).waitFor({ timeout: 10_000 });
        await shot(p, `${width}-8-mork-fynd`);
        await p.emulateMedia({ forcedColors: 'active' });
        await p.goto(`${origin}/taskpane.html`);
        await p.getByRole('button', { name: 'Skapa mallar' }).waitFor({ timeout: 15_000 });
        await shot(p, `${width}-9-hog-kontrast`);
      } finally {
        await p.close();
      }
      expect(problems).toEqual([]);
    },
    120_000,
  );
});
