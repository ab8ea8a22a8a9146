/**
 * The demo reports against the reference documents: the tables of the generated .docx,
 * read from its XML, are checked against the transcriptions' `expect` blocks (rows as the
 * reference documents print them). The oracle's strings are compared as printed; where the
 * reference leaves out the row's unit ("368" in an st row, "55" in a % row), ours must be
 * that number with the unit.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadTranscription, type Transcription } from '../../src/demo/examples';
import { parseSwedishNumber } from '../../src/core/values/swedish';
import { planrapport } from '../helpers/cli';
import { plain, readDocx, type DocBlock, type DocTable, type ParsedDocx } from '../helpers/docx';

const DEMOS = [
  { slug: 'tertialrapport-2-2019-hagersten-liljeholmen', file: '001-plan.json' },
  { slug: 'verksamhetsplan-2025-grupp-och-servicebostader', file: '002-plan.json' },
  { slug: 'verksamhetsberattelse-2020-personligt-stod', file: '003-plan.json' },
] as const;

const GOAL_LABEL = /^(KF:s inriktningsmål:|KF:s mål för verksamhetsområdet:|Nämndmål:|Enhetsmål:)\s*/;
const LEADING_SYMBOL = /^[♀§—✓▶○✕]\s*/;
/** The line under a name that gives its assessment or status as symbol and words ("■ Uppfylls inte", "✓ Avslutad"). */
const MARK_LINE = /\n[●◆■—✓▶○❗⏸✕] (Uppfylls helt|Uppfylls delvis|Uppfylls inte|Ingen|Avslutad|Pågående|Ej påbörjad|Försenad|Pausad|Avbruten)$/u;

function tables(doc: ParsedDocx, first: RegExp): DocTable[] {
  return doc.blocks.filter((b): b is DocTable => b.kind === 'table' && first.test(plain(b.rows[0]?.cells[0] ?? '')) && b.rows[0]!.header);
}

function dataRows(ts: DocTable[]) {
  return ts.flatMap((t) => t.rows.filter((r) => !r.header && !r.spanning));
}

/** Checks one printed cell of ours against the reference's, in the row's unit. */
function sameCell(ours: string, reference: string, unit: string): boolean {
  const o = plain(ours);
  const r = plain(reference);
  if (o === r) return true;
  const ref = parseSwedishNumber(r);
  const mine = parseSwedishNumber(o);
  if (!ref || !mine) return false;
  const u = unit === 'index' ? '' : unit;
  // the reference printed the number without the unit: ours is that number with it
  if (ref.unit === '') return o === (u ? `${r} ${u}` : r) || (u === '%' && o === `${r} %`);
  // the reference printed another unit ("16 st" in a barn/avd. row): same number, our row's unit
  return Math.abs(mine.value - ref.value) < 1e-9 && mine.unit === u;
}

describe('the demo reports match the reference documents', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'planrapport-report-'));
  const docs: Record<string, ParsedDocx> = {};
  const data: Record<string, Transcription> = {};

  beforeAll(async () => {
    const r = planrapport('demo', '--out', dir);
    expect(r.status).toBe(0);
    for (const d of DEMOS) {
      docs[d.slug] = await readDocx(readFileSync(path.join(dir, `${d.slug}.docx`)));
      data[d.slug] = loadTranscription(d.file);
    }
  });

  test('demo writes the three reports', () => {
    expect(
      readdirSync(dir)
        .filter((f) => f.endsWith('.docx'))
        .sort(),
    ).toEqual(DEMOS.map((d) => `${d.slug}.docx`).sort());
  });

  test.each(DEMOS.map((d) => d.slug))('%s: well-formed XML, title, headings, contents, numbered pages', (slug) => {
    const doc = docs[slug]!;
    expect(doc.xmlErrors).toEqual([]);
    const title = doc.blocks.find((b): b is Extract<DocBlock, { kind: 'p' }> => b.kind === 'p' && b.style === 'Title');
    expect(title?.text.startsWith(data[slug]!.expect.title)).toBe(true);
    expect(doc.blocks.some((b) => b.kind === 'p' && /^Heading[1-5]$/.test(b.style))).toBe(true);
    // the table of contents is written with its entries and page numbers
    const toc = doc.blocks.filter((b): b is Extract<DocBlock, { kind: 'p' }> => b.kind === 'p' && /^TOC\d$/.test(b.style));
    expect(toc.length).toBeGreaterThan(5);
    for (const e of toc) expect(e.text).toMatch(/\t\d+$/);
    // "Sid x (y)" in the headers of page 1 and the later pages, as the city's documents number them; header rows repeat
    const headers = Object.entries(doc.parts)
      .filter(([n]) => /word\/header\d*\.xml/.test(n))
      .map(([, x]) => x);
    expect(headers.filter((x) => /Sid <\/w:t>/.test(x) && />\s*PAGE\s*</.test(x) && />\s*NUMPAGES\s*</.test(x))).toHaveLength(2);
    for (const t of doc.blocks.filter((b): b is DocTable => b.kind === 'table' && b.rows.length > 1 && b.rows[0]!.header)) expect(t.rows[0]!.header).toBe(true);
  });

  test.each([
    [
      'tertialrapport-2-2019-hagersten-liljeholmen',
      [
        'Indikator',
        'Periodens utfall',
        'Utfall män/pojkar',
        'Utfall kvinnor/flickor',
        'Periodens utfall VB 2018',
        'Prognos helår',
        'Årsmål',
        'KF:s årsmål',
        'Period',
      ],
      ['Aktivitet', 'Startdatum', 'Slutdatum', 'Avvikelse'],
    ],
    ['verksamhetsplan-2025-grupp-och-servicebostader', ['Indikator', 'Årsmål', 'KF:s årsmål', 'Periodicitet'], ['Aktivitet', 'Startdatum', 'Slutdatum']],
  ] as const)('%s: table headers exactly as the contract writes them (no hidden characters)', (slug, indicatorHeader, activityHeader) => {
    const doc = docs[slug]!;
    for (const [first, header] of [
      [/^Indikator$/, indicatorHeader],
      [/^Aktivitet$/, activityHeader],
    ] as const) {
      const found = tables(doc, first);
      expect(found.length).toBeGreaterThan(0);
      for (const t of found) expect(t.rows[0]!.cells).toEqual(header);
    }
  });

  test.each(DEMOS.map((d) => d.slug))('%s: every indicator row as in the reference', (slug) => {
    const expected = data[slug]!.expect.indicatorRows;
    const units = data[slug]!.sheets['Indikatorer']!.map((r) => String(r['Enhet'] ?? ''));
    const rows = dataRows(tables(docs[slug]!, /^Indikator$/));
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, i) => {
      const want = expected[i]!;
      expect(plain(row.cells[0]!).replace(MARK_LINE, '').replace(LEADING_SYMBOL, '')).toBe(plain(want.name));
      want.cells.forEach((cell, j) => {
        const ours = row.cells[j + 1]!;
        if (!sameCell(ours, cell, units[i]!)) throw new Error(`${want.name}, kolumn ${j + 2}: "${plain(ours)}" ≠ "${cell}" (enhet ${units[i]})`);
      });
    });
  });

  test('tertialrapport: formatted as in the reference ("0,8 %", "1 050 st", "Tertial 2 2019")', () => {
    const rows = dataRows(tables(docs['tertialrapport-2-2019-hagersten-liljeholmen']!, /^Indikator$/));
    const byName = (name: string) =>
      rows
        .find((r) => plain(r.cells[0]!).startsWith(name))!
        .cells.slice(1)
        .map(plain);
    expect(byName('Andel personer som har ekonomiskt bistånd')).toEqual(['0,8 %', '1 %', '0,77 %', '0,87 %', '0,8 %', '0,8 %', '1,6 %', 'Tertial 2 2019']);
    expect(byName('Antal aspiranter som fått Stockholmsjobb')).toEqual(['17 st', '10 st', '7 st', '16 st', '25 st', '25 st', '1 050 st', 'Tertial 2 2019']);
  });

  test.each(['tertialrapport-2-2019-hagersten-liljeholmen', 'verksamhetsberattelse-2020-personligt-stod'])(
    '%s: every indicator row with a target and an outcome or forecast is assessed, as symbol and words',
    (slug) => {
      const sheet = data[slug]!.sheets['Indikatorer']!;
      const rows = dataRows(tables(docs[slug]!, /^Indikator$/));
      let assessed = 0;
      rows.forEach((row, i) => {
        const r = sheet[i]!;
        const comparable = typeof r['Årsmål'] === 'number' && (typeof r['Periodens utfall'] === 'number' || typeof r['Prognos helår'] === 'number');
        if (!comparable) return;
        expect(`${plain(row.cells[0]!)}`).toMatch(MARK_LINE);
        assessed++;
      });
      expect(assessed).toBeGreaterThan(1);
      if (slug.startsWith('tertial')) {
        // 55 % against an årsmål of 70 %: not met
        const parents = rows.find((r) => plain(r.cells[0]!).includes('Andel föräldrar som anser att de på ett enkelt sätt kan kommunicera digitalt'))!;
        expect(plain(parents.cells[0]!)).toMatch(/\n■ Uppfylls inte$/);
      }
    },
  );

  test.each(DEMOS.map((d) => d.slug))('%s: every activity row with its dates', (slug) => {
    const expected = data[slug]!.expect.activityRows;
    const rows = dataRows(tables(docs[slug]!, /^Aktivitet$/));
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, i) => {
      expect(plain(row.cells[0]!).replace(MARK_LINE, '').replace(LEADING_SYMBOL, '')).toBe(plain(expected[i]!.name));
      expect(row.cells.slice(1, 3)).toEqual(expected[i]!.cells.slice(0, 2));
    });
  });

  test.each(DEMOS.map((d) => d.slug))('%s: goal headings in order, each with its Bedömning', (slug) => {
    const doc = docs[slug]!;
    const goals = data[slug]!.sheets['Mål']!;
    const headings: { text: string; next: string }[] = [];
    doc.blocks.forEach((b, i) => {
      if (b.kind !== 'p' || !/^Heading[1-5]$/.test(b.style) || !GOAL_LABEL.test(b.text)) return;
      const next = doc.blocks[i + 1];
      headings.push({ text: plain(b.text).replace(GOAL_LABEL, ''), next: next?.kind === 'p' ? plain(next.text) : '' });
    });
    expect(headings.map((h) => h.text)).toEqual(data[slug]!.expect.goalTexts.map(plain));
    const followUp = data[slug]!.kind !== 'verksamhetsplan';
    headings.forEach((h, i) => {
      const assessment = goals[i]!['Bedömning'] as string | undefined;
      const symbol = { 'Uppfylls helt': '●', 'Uppfylls delvis': '◆', 'Uppfylls inte': '■', Ingen: '—' }[assessment ?? ''];
      if (followUp && assessment) expect([h.text, h.next]).toEqual([h.text, `Bedömning: ${symbol} ${assessment}`]);
      else expect(h.next.startsWith('Bedömning')).toBe(false);
    });
  });

  test('tertialrapport: the whole driftbudget table with the reference numbers', () => {
    const expected = data['tertialrapport-2-2019-hagersten-liljeholmen']!.expect.driftbudgetRows!;
    const [budget] = tables(docs['tertialrapport-2-2019-hagersten-liljeholmen']!, /^Netto \(mnkr\)$/);
    expect(budget).toBeDefined();
    const rows = budget!.rows.filter((r) => !r.header);
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, i) => {
      const want = expected[i]!;
      expect(plain(row.cells[0]!)).toBe(want[0]);
      want.slice(1).forEach((cell, j) => {
        const ours = plain(row.cells[j + 1]!).replace(/^\+/, '');
        if (cell === '') return expect([want[0], j, ours]).toEqual([want[0], j, '']);
        // one decimal everywhere ("9,0" where the reference printed "9")
        expect(ours).toMatch(/^-?\d{1,3}( \d{3})*,\d$/);
        expect([want[0], j, parseSwedishNumber(ours)!.value]).toEqual([want[0], j, parseSwedishNumber(cell)!.value]);
      });
    });
    const summa = rows.find((r) => plain(r.cells[0]!) === 'Summa SDN')!;
    expect(summa.cells.slice(1).map((c) => plain(c).replace(/^\+/, ''))).toEqual(['1 299,1', '1 956,5', '1 968,8', '-12,3', '5,7', '-6,6']);
  });

  test('tertialrapport: every free table (Resultatenheter, Investeringar, …) is in the report', () => {
    const doc = docs['tertialrapport-2-2019-hagersten-liljeholmen']!;
    for (const t of data['tertialrapport-2-2019-hagersten-liljeholmen']!.otherTables) {
      const found = doc.blocks.some((b) => b.kind === 'table' && b.rows.some((r) => r.cells.map(plain).join('|') === t.rows[0]!.map(plain).join('|')));
      expect([t.caption, found]).toEqual([t.caption, true]);
    }
  });
});
