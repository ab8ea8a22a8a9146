/**
 * The outline declaration (report/outline.ts): its shape per kind, one document's outline
 * worded for its year, and the validator's text.section-missing rule reading it.
 */
import { DOCUMENT_KINDS, type DocumentKind } from '../../../src/core/model/plan';
import { documentOutline, isSection, OUTLINES, sectionKey, worded, type TextPart } from '../../../src/core/report/outline';
import { RuleContext } from '../../../src/core/rules/context';
import { textRules } from '../../../src/core/rules/texts';
import type { ColumnMap } from '../../../src/core/workbook/table';
import { plan, text } from './plans';

describe('the declaration', () => {
  test.each(DOCUMENT_KINDS.map((k) => [k]))('%s: one intro, one economy and one goal tree, in that order; section names unique within a part', (kind) => {
    const { parts } = OUTLINES[kind];
    const roles = parts.map((p) => (p.part === 'goals' ? 'goals' : p.role)).filter(Boolean);
    expect(roles).toEqual(['intro', 'goals', 'economy']);
    for (const p of parts.filter((p): p is TextPart => p.part === 'texts')) {
      const keys = p.sections.map((s) => sectionKey(s.heading));
      expect(new Set(keys).size).toBe(keys.length);
    }
    const holders = parts.flatMap((p) => (p.part === 'texts' ? p.sections.filter((s) => s.holds).map((s) => [p.role, s.holds]) : []));
    expect(holders).toEqual([['economy', kind === 'verksamhetsplan' ? 'planBudget' : 'driftbudget']]);
  });

  test('front sections and attachments are the same for every kind; only the tertialrapport expects front sections', () => {
    for (const kind of DOCUMENT_KINDS) {
      expect(OUTLINES[kind].front.map((f) => f.heading)).toEqual(['Förslag till beslut', 'Sammanfattning', 'Ärendets beredning']);
      expect(OUTLINES[kind].attachments).toBe('Bilagor');
    }
    const expected = (kind: DocumentKind) => OUTLINES[kind].front.filter((f) => f.expected).map((f) => f.heading);
    expect(DOCUMENT_KINDS.map(expected)).toEqual([[], ['Förslag till beslut', 'Sammanfattning'], []]);
  });

  test('the table of contents goes two levels deep in a verksamhetsplan, three in the follow-ups', () => {
    expect(DOCUMENT_KINDS.map((k) => OUTLINES[k].tocLevels)).toEqual([2, 3, 3]);
  });
});

describe("one document's outline", () => {
  test('headings worded for the year', () => {
    const economy = { text: 'Redovisning av ekonomi', before: { year: 2023, text: 'Uppföljning av ekonomi' } };
    expect([2022, 2023, 2030, undefined].map((y) => worded(economy, y))).toEqual([
      'Uppföljning av ekonomi',
      'Redovisning av ekonomi',
      'Redovisning av ekonomi',
      'Uppföljning av ekonomi',
    ]);
    expect(worded('Övrigt', 2020)).toBe('Övrigt');
    expect(documentOutline('verksamhetsplan', 2024).economy.heading).toBe('Redovisning av ekonomi');
  });

  test('a section with the year prints with it and takes texts with any year', () => {
    const budget = documentOutline('verksamhetsplan', 2025).economy.sections.find((s) => s.holds === 'planBudget')!;
    expect([budget.printed, budget.key]).toEqual(['Budget 2025', 'budget']);
    expect(documentOutline('verksamhetsplan', undefined).economy.sections[1]!.printed).toBe('Budget');
    expect(['budget', 'budget 2031', 'budgetar', 'budgetjusteringar'].map((k) => isSection(budget, k))).toEqual([true, true, false, false]);
  });

  test('the intro, the economy and the goals of each kind', () => {
    expect(
      DOCUMENT_KINDS.map((k) => [documentOutline(k, 2020).intro.heading, documentOutline(k, 2020).economy.heading, documentOutline(k, 2020).goals.heading]),
    ).toEqual([
      ['Inledning', 'Uppföljning av ekonomi', undefined],
      ['Sammanfattande analys', 'Uppföljning av ekonomi', 'Uppföljning av Kommunfullmäktiges inriktningsmål'],
      ['Sammanfattande analys', 'Uppföljning av ekonomi', 'Uppföljning av Kommunfullmäktiges inriktningsmål'],
    ]);
  });

  test('section names match whatever their case, spacing and "o." / "m." abbreviations', () => {
    expect(sectionKey('  Stöd o. service  m.m. ')).toBe(sectionKey('stöd och service med m.'));
    expect(sectionKey('Medel  för\nLOKALÄNDAMÅL')).toBe('medel för lokaländamål');
  });
});

describe('the validator reads the outline (text.section-missing)', () => {
  const texter = { byKey: new Map(), headerByKey: new Map(), lastUsedColumn: 2, unknownHeaders: [], duplicates: [] } as ColumnMap;
  const missing = (kind: DocumentKind, texts: ReturnType<typeof text>[]) => {
    const ctx = new RuleContext(plan(kind, { texts }), { Texter: texter });
    textRules(ctx);
    return ctx.findings.filter((f) => f.rule === 'text.section-missing').map((f) => /avsnittet "([^"]+)"/.exec(f.message)![1]);
  };

  test('each kind misses the sections its outline expects', () => {
    const front = [text('Ärendets beredning')];
    expect(missing('tertialrapport', front)).toEqual(['Förslag till beslut', 'Sammanfattning', 'Sammanfattande analys']);
    expect(missing('verksamhetsberattelse', front)).toEqual(['Sammanfattande analys']);
    expect(missing('verksamhetsplan', front)).toEqual(['Inledning']);
  });

  test('the intro is present by name, by a section under it, or when the intro’s own sections come first', () => {
    expect(missing('verksamhetsplan', [text('Bilagor'), text('inledning ')])).toEqual([]);
    expect(missing('verksamhetsplan', [text('Bilagor'), text('Mål', 'x', 'Inledning')])).toEqual([]);
    expect(missing('verksamhetsberattelse', [text('Verksamhet')])).toEqual([]);
    expect(missing('tertialrapport', [text('Sammanfattning'), text('Förslag till beslut'), text('Sammanfattande analys')])).toEqual([]);
  });

  test('no finding without a kind or a Texter sheet', () => {
    const ctx = new RuleContext(plan(undefined), { Texter: texter });
    textRules(ctx);
    const noSheet = new RuleContext(plan('tertialrapport'), {});
    textRules(noSheet);
    expect([...ctx.findings, ...noSheet.findings]).toEqual([]);
  });

  test('the message names the section and the kind', () => {
    const ctx = new RuleContext(plan('verksamhetsberattelse', { texts: [text('Sammanfattning')] }), { Texter: texter });
    textRules(ctx);
    expect(ctx.findings.map((f) => [f.sheet, f.cell, f.message])).toEqual([
      [
        'Texter',
        '',
        'Texter: avsnittet "Sammanfattande analys" saknas. En verksamhetsberättelse brukar ha det; lägg till en rad med Avsnitt "Sammanfattande analys" och texten.',
      ],
    ]);
  });
});
