/**
 * Report placement per kind, on in-memory plans: which section goes where, in which order,
 * what prints when the workbook is empty, what starts a new page, and at which heading level.
 */
import { buildReport } from '../../../src/core/report/build';
import type { DocumentKind } from '../../../src/core/model/plan';
import { activity, budgetRow, find, goal, indicator, outlineOf, plan, planBudgetRow, table, text } from './plans';

const headings = (kind: DocumentKind, texts: ReturnType<typeof text>[], year: number | undefined = 2025) =>
  outlineOf(buildReport(plan(kind, { texts, info: { year } })).body);
const noYear = (kind: DocumentKind) => outlineOf(buildReport(plan(kind, { info: { year: undefined } })).body);

describe('an empty workbook: the parts and sections each kind always prints', () => {
  test('verksamhetsplan', () => {
    expect(headings('verksamhetsplan', [])).toEqual([
      '¶ Inledning (1)',
      'Redovisning av ekonomi (1)',
      '  Resursanvändning (2)',
      '  Budget 2025 (2)',
      'Övrigt (1)',
    ]);
  });

  test('tertialrapport', () => {
    expect(headings('tertialrapport', [])).toEqual([
      '¶ Sammanfattande analys (1)',
      'Uppföljning av Kommunfullmäktiges inriktningsmål (1)',
      '¶ Uppföljning av ekonomi (1)',
      '  Uppföljning av driftbudget (2)',
      '  Resultatenheter (2)',
      '  Investeringar (2)',
      '  Försäljningar av anläggningstillgångar (2)',
      '  Verksamhetsprojekt (driftprojekt) (2)',
      '  Omslutningsförändringar (2)',
      '  Budgetjusteringar (2)',
      '  Medel för lokaländamål (2)',
      '  Analys av balansräkning (2)',
      'Övrigt (1)',
      '  Kvalitetsarbete (2)',
      '  Övrigt (2)',
    ]);
  });

  test('verksamhetsberättelse', () => {
    expect(headings('verksamhetsberattelse', [])).toEqual([
      '¶ Sammanfattande analys (1)',
      'Uppföljning av Kommunfullmäktiges inriktningsmål (1)',
      '¶ Uppföljning av ekonomi (1)',
      '  Analys av resultaträkning - uppföljning av driftbudget (2)',
      '  Investeringar (2)',
      '  Medel för lokaländamål (2)',
      'Övrigt (1)',
      '  Systematiskt kvalitetsarbete (2)',
      '  Övrigt (2)',
    ]);
  });

  test('no kind: laid out as a verksamhetsplan', () => {
    expect(outlineOf(buildReport(plan(undefined)).body)).toEqual(headings('verksamhetsplan', []));
  });

  test("the verksamhetsplan's economy is worded by year, its budget section carries the year", () => {
    expect(headings('verksamhetsplan', [], 2022).slice(1, 4)).toEqual(['Uppföljning av ekonomi (1)', '  Resursanvändning (2)', '  Budget 2022 (2)']);
    expect(headings('verksamhetsplan', [], 2023)[1]).toBe('Redovisning av ekonomi (1)');
    expect(noYear('verksamhetsplan').slice(1, 4)).toEqual(['Uppföljning av ekonomi (1)', '  Resursanvändning (2)', '  Budget (2)']);
  });
});

describe('texts go where the outline puts them', () => {
  // an always-printed section that is missing goes before the first present always-printed one that follows it in the
  // outline, else at the end of its part (after sections that are not always printed, as Uppföljning av intern kontroll)
  test('known sections under their part, in the order of the sheet; the always-printed ones fill in around them', () => {
    expect(
      headings('tertialrapport', [text('Verksamhet'), text('Analys av balansräkning'), text('Investeringar'), text('Uppföljning av intern kontroll')]),
    ).toEqual([
      '¶ Sammanfattande analys (1)',
      '  Verksamhet (2)',
      'Uppföljning av Kommunfullmäktiges inriktningsmål (1)',
      '¶ Uppföljning av ekonomi (1)',
      '  Uppföljning av driftbudget (2)',
      '  Resultatenheter (2)',
      '  Försäljningar av anläggningstillgångar (2)',
      '  Verksamhetsprojekt (driftprojekt) (2)',
      '  Omslutningsförändringar (2)',
      '  Budgetjusteringar (2)',
      '  Medel för lokaländamål (2)',
      '  Analys av balansräkning (2)',
      '  Investeringar (2)',
      'Övrigt (1)',
      '  Uppföljning av intern kontroll (2)',
      '  Kvalitetsarbete (2)',
      '  Övrigt (2)',
    ]);
  });

  test('a part prints only with content unless the outline prints it always', () => {
    const vp = headings('verksamhetsplan', [text('Egenkontroller'), text('Agenda 2030')]);
    expect(vp.slice(-3)).toEqual(['Systematiskt kvalitetsarbete (1)', '  Egenkontroller (2)', 'Agenda 2030 (1)']);
    expect(headings('verksamhetsplan', [])).not.toContain('Agenda 2030 (1)');
  });

  test("a text with a part's own name is the part's text; Övrigt › Övrigt stays a section of its own in the follow-ups", () => {
    const vp = buildReport(plan('verksamhetsplan', { texts: [text('Inledning', 'Om enheten.'), text('Övrigt', 'Övrigt.')] }));
    expect(find(vp.body, 'Inledning')!.blocks.map((b) => b.kind)).toEqual(['richText']);
    expect(find(vp.body, 'Övrigt')!.children).toEqual([]);
    const t2 = buildReport(plan('tertialrapport', { texts: [text('Övrigt', 'Övrigt.')] }));
    expect(outlineOf(t2.body).slice(-3)).toEqual(['Övrigt (1)', '  Kvalitetsarbete (2)', '  Övrigt (2)']);
    expect(find(t2.body, 'Övrigt')!.children[1]!.blocks).toHaveLength(1);
  });

  test('an unknown section follows the part of the text before it; the first goes under the intro', () => {
    expect(headings('verksamhetsberattelse', [text('Egen rubrik'), text('Investeringar'), text('Ännu en')]).slice(0, 7)).toEqual([
      '¶ Sammanfattande analys (1)',
      '  Egen rubrik (2)',
      'Uppföljning av Kommunfullmäktiges inriktningsmål (1)',
      '¶ Uppföljning av ekonomi (1)',
      '  Analys av resultaträkning - uppföljning av driftbudget (2)',
      '  Investeringar (2)',
      '  Ännu en (2)',
    ]);
  });

  test('Överordnat avsnitt: a part, a section (one level down), or a new part after the outline’s', () => {
    const lines = headings('verksamhetsplan', [
      text('Mål för året', 'x', 'Inledning'),
      text('Delmål', 'y', 'Mål för året'),
      text('Lokaler', 'z', 'Fastigheter'),
    ]);
    expect(lines.slice(0, 3)).toEqual(['¶ Inledning (1)', '  Mål för året (2)', '    Delmål (3)']);
    expect(lines.slice(-2)).toEqual(['Fastigheter (1)', '  Lokaler (2)']);
  });

  test('names match whatever their case, spacing and abbreviations', () => {
    expect(headings('tertialrapport', [text('medel  för LOKALÄNDAMÅL')])).toContain('  medel för LOKALÄNDAMÅL (2)');
    expect(headings('tertialrapport', [text('medel  för LOKALÄNDAMÅL')])).not.toContain('  Medel för lokaländamål (2)');
    // "Budget <year>" belongs to the budget section, but only the document's year stands for it
    expect(headings('verksamhetsplan', [text('Budget 2031')]).slice(1, 5)).toEqual([
      'Redovisning av ekonomi (1)',
      '  Budget 2031 (2)',
      '  Resursanvändning (2)',
      '  Budget 2025 (2)',
    ]);
  });

  test('front sections go before the table of contents and Bilagor after it, in every kind', () => {
    for (const kind of ['verksamhetsplan', 'tertialrapport', 'verksamhetsberattelse'] as const) {
      const model = buildReport(
        plan(kind, { texts: [text('Sammanfattning'), text('Bilagor', 'Bilaga 1\nBilaga 2'), text('Förslag till beslut'), text('Ärendets beredning')] }),
      );
      expect(model.frontSections.map((s) => s.heading)).toEqual(['Sammanfattning', 'Förslag till beslut', 'Ärendets beredning']);
      expect(model.attachments.map((b) => b.runs[0]!.text)).toEqual(['Bilaga 1', 'Bilaga 2']);
      expect(find(model.body, 'Sammanfattning')).toBeUndefined();
    }
  });

  test('a row without heading or text is left out; a text without heading is "Text"', () => {
    const model = buildReport(
      plan('tertialrapport', {
        texts: [
          { ...text(''), text: '' },
          { ...text(''), text: 'Utan rubrik.' },
        ],
      }),
    );
    expect(outlineOf(model.body).slice(0, 2)).toEqual(['¶ Sammanfattande analys (1)', '  Text (2)']);
  });
});

describe('the goal tree, the economy and the title page', () => {
  const goals = [
    goal('A', '1. En stad för alla', { level: 'KF:s inriktningsmål' }),
    goal('B', '1.1 Mål', { level: 'KF:s mål för verksamhetsområdet', parentId: 'A' }),
    goal('C', 'Nämndmålet', { level: 'Nämndmål', parentId: 'B' }),
  ];

  test('follow-ups: the goals under their heading after the intro, from level 2', () => {
    const model = buildReport(plan('tertialrapport', { goals, indicators: [indicator('C', 'Andel')], activities: [activity('none', 'Utan mål')] }));
    expect(outlineOf(model.body).slice(0, 6)).toEqual([
      '¶ Sammanfattande analys (1)',
      'Uppföljning av Kommunfullmäktiges inriktningsmål (1)',
      '  KF:s inriktningsmål: 1. En stad för alla (2)',
      '    KF:s mål för verksamhetsområdet: 1.1 Mål (3)',
      '      Nämndmål: Nämndmålet (4)',
      '  Indikatorer och aktiviteter utan mål (2)',
    ]);
  });

  test('verksamhetsplan: the goals are main parts after the intro, which alone starts on a new page', () => {
    const model = buildReport(plan('verksamhetsplan', { goals }));
    expect(outlineOf(model.body).slice(0, 5)).toEqual([
      '¶ Inledning (1)',
      'KF:s inriktningsmål: 1. En stad för alla (1)',
      '  KF:s mål för verksamhetsområdet: 1.1 Mål (2)',
      '    Nämndmål: Nämndmålet (3)',
      'Redovisning av ekonomi (1)',
    ]);
  });

  test('the driftbudget in the follow-ups only, the budget by kostnadsslag in the verksamhetsplan only', () => {
    const parts = { budget: [budgetRow('Förskola', { budget: 10 })], planBudget: [planBudgetRow('Intäkter', 'Intäkt', 100)] };
    const kinds = (kind: DocumentKind) => outlineOf(buildReport(plan(kind, parts)).body, true).filter((l) => /budgetTable|planBudget/.test(l));
    expect(kinds('tertialrapport')).toEqual(['  Uppföljning av driftbudget (2) [budgetTable]']);
    expect(kinds('verksamhetsberattelse')).toEqual(['  Analys av resultaträkning - uppföljning av driftbudget (2) [budgetTable]']);
    expect(kinds('verksamhetsplan')).toEqual(['  Budget 2025 (2) [planBudget]']);
  });

  test('tables go under the section they name; those naming none under the economy heading, no heading made up', () => {
    const model = buildReport(
      plan('verksamhetsplan', {
        texts: [text('Agenda 2030')],
        tables: [table('Mål 2030', 'Agenda 2030', ['Mål', 'Antal'], [['a', 1]]), table('Övrig', 'Finns inte', ['A'], [['b']])],
      }),
    );
    expect(outlineOf(model.body, true)).toEqual([
      '¶ Inledning (1)',
      'Redovisning av ekonomi (1) [freeTable]',
      '  Resursanvändning (2)',
      '  Budget 2025 (2)',
      'Övrigt (1)',
      'Agenda 2030 (1) [richText, freeTable]',
    ]);
  });

  test('a table naming a section the outline knows gets that section where the outline puts it, though it has no text', () => {
    const vp = buildReport(
      plan('verksamhetsplan', {
        info: { year: 2019 },
        texts: [text('Resursanvändning')],
        tables: [table('Budget 2019', 'Budget 2019', ['Verksamhet (mnkr)', 'Kostnader'], [['Förskola', 612.8]])],
      }),
    );
    expect(outlineOf(vp.body, true).slice(1, 4)).toEqual(['Uppföljning av ekonomi (1)', '  Resursanvändning (2) [richText]', '  Budget 2019 (2) [freeTable]']);
    // "Budget" names the year's section too
    const plain = buildReport(plan('verksamhetsplan', { info: { year: 2019 }, tables: [table('B', 'Budget', ['A', 'B'], [['x', 1]])] }));
    expect(outlineOf(plain.body, true).filter((l) => l.includes('Budget'))).toEqual(['  Budget 2019 (2) [freeTable]']);
    // in a tertialrapport, Investeringar comes after the driftbudget and Resultatenheter as the outline has them
    const t2 = buildReport(
      plan('tertialrapport', {
        info: { year: 2019 },
        texts: [text('Omslutningsförändringar')],
        tables: [table('Investeringar', 'Investeringar', ['Mnkr', 'Budget 2019'], [['Svandamsparken', 6]])],
      }),
    );
    const economy = outlineOf(t2.body, true).filter((l) => l.startsWith('  ') && !l.startsWith('    '));
    expect(economy.slice(0, 4)).toEqual([
      '  Uppföljning av driftbudget (2)',
      '  Resultatenheter (2)',
      '  Investeringar (2) [freeTable]',
      '  Försäljningar av anläggningstillgångar (2)',
    ]);
    const all = [vp, plain, t2].flatMap((m) => outlineOf(m.body));
    expect(all.filter((l) => /Tabeller/.test(l))).toEqual([]);
  });

  test('the organisation under the title and in the page header of a tertialrapport; in the title of the others', () => {
    const t2 = buildReport(plan('tertialrapport', { info: { organisation: 'Nämnden', year: 2019 } }));
    expect([t2.title, t2.subtitle, t2.header]).toEqual(['Tertialrapport 2 för 2019', 'Nämnden', 'Tertialrapport 2 för 2019 – Nämnden']);
    const vp = buildReport(plan('verksamhetsplan', { info: { organisation: 'Enheten' } }));
    expect([vp.title, vp.subtitle, vp.header]).toEqual(['Verksamhetsplan 2025 för Enheten', undefined, 'Verksamhetsplan 2025 för Enheten']);
  });
});
