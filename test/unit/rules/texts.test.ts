import { EXCEL_CELL_LIMIT, SUPPORTED_TAGS } from '../../../src/core/rules/texts';
import { GOAL_TREE } from '../../helpers/records';
import { DOC, findingsOf, plan, where } from '../../helpers/plans';

type Text = { Avsnitt?: string | null; Text?: string; 'Överordnat avsnitt'?: string };
const texts = (doc: keyof typeof DOC, rows: Text[]) => plan(doc, { Texter: rows });

describe('the sections each kind has', () => {
  test('a tertialrapport: Förslag till beslut, Sammanfattning, Sammanfattande analys', () => {
    expect(where(texts('t2', [{ Avsnitt: 'Förslag till beslut', Text: 'x' }]))).toEqual(['text.section-missing Texter!', 'text.section-missing Texter!']);
    const messages = findingsOf(texts('t2', [{ Avsnitt: 'Förslag till beslut', Text: 'x' }])).map((f) => f.message);
    expect(messages[0]).toContain('avsnittet "Sammanfattning" saknas. En tertialrapport brukar ha det');
    expect(messages[1]).toContain('"Sammanfattande analys"');
  });

  test('an introduction counts when a section lies under it, or when the intro’s own sections come first', () => {
    expect(where(texts('vb', [{ Avsnitt: 'Verksamheten', 'Överordnat avsnitt': 'Sammanfattande analys', Text: 'x' }]))).toEqual([]);
    expect(where(texts('vp', [{ Avsnitt: 'Enhetens uppdrag', Text: 'x' }]))).toEqual([]);
    expect(where(texts('vp', [{ Avsnitt: 'Bilagor', Text: 'x' }]))[0]).toBe('text.section-missing Texter!');
    expect(findingsOf(texts('vb', [{ Avsnitt: 'Bilagor', Text: 'x' }]))[0]!.message).toContain('En verksamhetsberättelse brukar ha det');
  });

  test('headings: case and spaces aside, case-insensitive, found whatever the kind; no Texter sheet, no such finding', () => {
    expect(where(texts('t2', [{ Avsnitt: ' förslag till beslut ' }, { Avsnitt: 'SAMMANFATTNING' }, { Avsnitt: 'Sammanfattande analys' }]))).toEqual([]);
    expect(where({ Dokument: DOC.t2, Mål: GOAL_TREE }, { only: true }).filter((f) => f.startsWith('text.'))).toEqual([]);
  });
});

describe('text cells', () => {
  test('a heading is needed; the same heading twice only under the same parent', () => {
    expect(
      where(
        plan('t2', {
          Texter: [{ Avsnitt: 'Förslag till beslut', Text: 'x' }, { Avsnitt: 'Sammanfattning' }, { Avsnitt: 'Sammanfattande analys' }, { Text: 'utan rubrik' }],
        }),
      ),
    ).toEqual(['text.heading-missing Texter!A5']);
    const rows = [
      { Avsnitt: 'Förslag till beslut' },
      { Avsnitt: 'Sammanfattning' },
      { Avsnitt: 'Sammanfattande analys' },
      { Avsnitt: 'Ekonomi', 'Överordnat avsnitt': 'A' },
      { Avsnitt: 'ekonomi', 'Överordnat avsnitt': 'B' },
    ];
    expect(where(texts('t2', rows))).toEqual([]);
    expect(where(texts('t2', [...rows, { Avsnitt: 'Ekonomi ', 'Överordnat avsnitt': 'A' }]))).toEqual(['text.duplicate-heading Texter!A7']);
  });

  test('markup: tags the report formats and tags it prints as text, in one message', () => {
    const [f] = findingsOf(
      plan('t2', {
        Texter: [
          { Avsnitt: 'Förslag till beslut', Text: '<p>Ja</p> <B>fet</B> <span class="x">x</span> <br/>' },
          { Avsnitt: 'Sammanfattning' },
          { Avsnitt: 'Sammanfattande analys' },
        ],
      }),
    );
    expect(f!.message).toContain('<p>, <b>, <br> blir formatering i rapporten; <span> visas som vanlig text');
    expect([...SUPPORTED_TAGS].sort()).toEqual(['b', 'br', 'em', 'i', 'p', 'strong']);
    // comparisons are no tags
    expect(
      where(texts('t2', [{ Avsnitt: 'Förslag till beslut', Text: '1 < 2 och 3 > 2' }, { Avsnitt: 'Sammanfattning' }, { Avsnitt: 'Sammanfattande analys' }])),
    ).toEqual([]);
  });

  test('stray codes, draft notes, control characters and over-long texts, in every text cell', () => {
    const goal = { ...GOAL_TREE[2]!, Beskrivning: 'Kod 1234=5 kvar.', Analys: 'Bra. (Anneli)\nMer.' };
    const records = plan('t2', {
      Mål: [...GOAL_TREE.slice(0, 2), goal],
      Indikatorer: [
        {
          'Mål-id': 'N1',
          Indikator: 'I\u0007',
          Enhet: 'st',
          Riktning: 'Högre är bättre',
          Periodicitet: 'År',
          'Periodens utfall': 1,
          Årsmål: 1,
          Period: '2019',
          Analys: 'x'.repeat(EXCEL_CELL_LIMIT + 1),
        },
      ],
      Driftbudget: [
        { Verksamhet: 'A', Radtyp: 'Verksamhet', Analys: '<i>kursiv</i>' },
        { Verksamhet: 'S', Radtyp: 'Summa' },
      ],
    });
    expect(where(records)).toEqual([
      'text.markup Mål!F4',
      'text.draft-note Mål!H4',
      'text.control-characters Indikatorer!B2',
      'text.too-long Indikatorer!N2',
      'text.markup Driftbudget!I2',
    ]);
  });
});
