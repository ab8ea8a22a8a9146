/**
 * @jest-environment jsdom
 *
 * The help page (src/help/helpPage.ts; the manifest's SupportUrl and "Kom igång" link): Swedish,
 * accessible structure, and it names every sheet and column of the layout, the task pane's tabs
 * and buttons, the common findings with what to do, the CLI and privacy.
 */
import { COMMON_FINDINGS, SHEET_INTRO, helpPage } from '../../src/help/helpPage';
import { FREE_TABLE_COLUMNS, LIST_SHEET, SHEETS, TABELLER, headerOf } from '../../src/core/layout/layout';
import { RULE_IDS } from '../../src/core/findings/catalog';
import { DOCUMENT_KIND_LABEL } from '../../src/core/model/plan';

const html = helpPage({ version: '9.9.9' });
const doc = new DOMParser().parseFromString(html, 'text/html');
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ');
const headings = Array.from(doc.querySelectorAll('h1, h2, h3, h4, h5, h6'));

/** The elements from a heading up to the next heading of the same or a higher level. */
function sectionOf(heading: Element): string {
  const level = Number(heading.tagName[1]);
  const start = headings.indexOf(heading);
  const end = headings.slice(start + 1).find((h) => Number(h.tagName[1]) <= level);
  const range = doc.createRange();
  range.setStartBefore(heading);
  if (end) range.setEndBefore(end);
  else range.setEndAfter(doc.querySelector('main')!);
  return range.toString().replace(/\s+/g, ' ');
}

const heading = (level: number, name: string) => {
  const found = headings.find((h) => h.tagName === `H${level}` && text(h).trim() === name);
  if (!found) throw new Error(`ingen <h${level}>${name}</h${level}> på hjälpsidan`);
  return found;
};

describe('help.html', () => {
  it('is a Swedish page readable on a phone-sized pane, without scripts', () => {
    expect(doc.documentElement.getAttribute('lang')).toBe('sv');
    expect(doc.title).toBe('Hjälp – Planrapport');
    expect(doc.querySelector('meta[name=viewport]')?.getAttribute('content')).toBe('width=device-width, initial-scale=1');
    expect(doc.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(html).toContain('overflow-wrap'); // long code and words wrap at 320 px (measured in test/browser/help.browser.test.ts)
    expect(text(doc.querySelector('footer'))).toContain('Planrapport 9.9.9');
  });

  it('has one h1, headings that never skip a level, landmarks, unique ids and working in-page links', () => {
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    headings.reduce((previous, h) => {
      const level = Number(h.tagName[1]);
      expect({ heading: text(h), level: level <= previous + 1 }).toEqual({ heading: text(h), level: true });
      return level;
    }, 0);
    expect(doc.querySelector('main')).not.toBeNull();
    expect(doc.querySelector('nav')?.getAttribute('aria-label')).toBeTruthy();
    const ids = Array.from(doc.querySelectorAll('[id]')).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of Array.from(doc.querySelectorAll('a[href^="#"]'))) expect(ids).toContain(a.getAttribute('href')!.slice(1));
    for (const img of Array.from(doc.querySelectorAll('img'))) expect(img.hasAttribute('alt')).toBe(true);
    expect(ids).toEqual(expect.arrayContaining(['kom-igang', 'flikar', 'blad', 'fynd', 'kommandorad', 'integritet', 'support']));
  });

  it('uses Swedish quotation marks in its text (code, such as a command line, keeps straight ones)', () => {
    const body = doc.body.cloneNode(true) as HTMLElement;
    for (const c of Array.from(body.querySelectorAll('code, pre'))) c.remove();
    expect(text(body).match(/.{0,30}".{0,30}/g) ?? []).toEqual([]);
  });

  it('says what Planrapport is', () => {
    const intro = text(doc.querySelector('main > p'));
    expect(intro).toContain('tillägg till Excel');
    for (const label of Object.values(DOCUMENT_KIND_LABEL)) expect(intro).toContain(label.toLowerCase());
  });

  it('describes each tab and its buttons', () => {
    expect(sectionOf(heading(3, 'Mallar'))).toEqual(expect.stringContaining('Skapa mallar'));
    expect(sectionOf(heading(3, 'Mallar'))).toEqual(expect.stringContaining('Uppdatera mallar'));
    expect(sectionOf(heading(3, 'Validera'))).toEqual(expect.stringContaining('Klar att lämna in'));
    const word = sectionOf(heading(3, 'Word'));
    for (const label of Object.values(DOCUMENT_KIND_LABEL)) expect(word).toContain(`Generera ${label.toLowerCase()}`);
  });

  it('names every sheet of the layout with every column or field, and the hidden list sheet', () => {
    expect(Object.keys(SHEET_INTRO).sort()).toEqual(SHEETS.map((s) => s.name).sort());
    for (const sheet of SHEETS) {
      const section = sectionOf(heading(3, sheet.name));
      const names = sheet.kind === 'fields' ? sheet.fields.map((f) => f.label) : sheet.columns.map((c) => headerOf(c, { year: 2025 }));
      // Tabeller's Kolumn 1 … Kolumn 14 are one entry
      const shown = sheet === TABELLER ? names.filter((n) => !/^Kolumn \d+$/.test(n)).concat('Kolumn 1', `Kolumn ${FREE_TABLE_COLUMNS}`) : names;
      expect({ sheet: sheet.name, missing: shown.filter((n) => !section.includes(n)) }).toEqual({ sheet: sheet.name, missing: [] });
    }
    expect(sectionOf(heading(2, 'Bladen i arbetsboken'))).toContain(LIST_SHEET);
  });

  it('lists the text sections each kind expects (what text.section-missing asks for)', () => {
    const texter = sectionOf(heading(3, 'Texter'));
    for (const label of Object.values(DOCUMENT_KIND_LABEL)) expect(texter).toContain(`${label}:`);
    expect(texter).toContain('Förslag till beslut');
  });

  it('explains the common findings with what to do, and lists every rule of the catalog', () => {
    const findings = sectionOf(heading(2, 'Vanliga fel och varningar'));
    for (const rule of [
      'indicator.analysis-required',
      'goal.analysis-required',
      'budget.sum',
      'indicator.text-in-number',
      'value.amount-unit',
      'text.section-missing',
    ])
      expect(COMMON_FINDINGS.some((f) => f.rules.includes(rule as never))).toBe(true);
    for (const f of COMMON_FINDINGS) {
      const section = sectionOf(heading(3, f.title));
      for (const rule of f.rules) expect(section).toContain(rule);
      expect(section).toContain('Gör så här:');
    }
    for (const id of RULE_IDS) expect(findings).toContain(id);
  });

  it('tells Mac and iPad users how to use the command line, and what happens to their data', () => {
    const cli = sectionOf(heading(2, 'Excel för Mac och iPad: kommandoraden'));
    for (const command of ['planrapport generate', 'planrapport validate', 'planrapport template']) expect(cli).toContain(command);
    expect(sectionOf(heading(2, 'Dina uppgifter'))).toContain('skickar inget av arbetsbokens innehåll');
  });
});
