/**
 * The layout declaration holds together: what one part declares, the others can find
 * (lists, columns named by formulas and formats, rule ids). Checked on the declaration
 * itself, whatever its keys are called.
 */
import {
  DOKUMENT,
  DRIFTBUDGET,
  INDIKATORER,
  KOSTNADSSLAG,
  LISTS,
  LIST_ORDER,
  LIST_SHEET,
  SHEETS,
  SHEET_NAMES,
  TEXTER,
  VERKSAMHETSBUDGET,
  columnOf,
  derivedKeys,
  formulaColumnsFor,
  headerMatches,
  headerOf,
  type ColumnSpec,
  type TableSheetSpec,
} from '../../../src/core/layout/layout';
import { expandFormula } from '../../../src/core/layout/formulas';

const tableSheets = () => SHEETS.filter((s): s is TableSheetSpec => s.kind === 'table');
import { RULE_IDS } from '../../../src/core/findings/catalog';

const column = (spec: TableSheetSpec, header: string): ColumnSpec => {
  const c = spec.columns.find((col) => col.header === header);
  if (!c) throw new Error(`${spec.name} has no column ${header}`);
  return c;
};
const headersOf = (spec: TableSheetSpec, keys: Iterable<string>) => [...keys].map((k) => spec.columns.find((c) => c.key === k)!.header);

/** Where each column of the sheet is when its columns stand in layout order. */
const inOrder = (spec: TableSheetSpec) => (key: string) => {
  const i = spec.columns.findIndex((c) => c.key === key);
  return i < 0 ? undefined : i + 1;
};

describe('the sheets', () => {
  test('names are unique, in layout order, with the list sheet last', () => {
    expect(new Set(SHEET_NAMES).size).toBe(SHEET_NAMES.length);
    expect(SHEET_NAMES).toEqual([...SHEETS.map((s) => s.name), LIST_SHEET]);
    expect(SHEETS[0]).toBe(DOKUMENT);
    expect(tableSheets().map((s) => s.name)).toEqual(SHEETS.filter((s) => s !== DOKUMENT).map((s) => s.name));
  });

  test.each(tableSheets().map((s) => [s.name, s] as const))('%s: unique keys and headers, lists that exist', (_, spec) => {
    expect(new Set(spec.columns.map((c) => c.key)).size).toBe(spec.columns.length);
    expect(new Set(spec.columns.map((c) => c.header)).size).toBe(spec.columns.length);
    for (const c of spec.columns) {
      if (c.list) expect(LISTS[c.list]).toBeDefined();
      expect(c.width).toBeGreaterThan(0);
      if (c.kind === 'choice') expect(c.list).toBeDefined();
    }
  });

  test('Dokument: Fält and Värde, unique labels, the contract fields first', () => {
    expect(DOKUMENT.columns.map((c) => c.header)).toEqual(['Fält', 'Värde']);
    const labels = DOKUMENT.fields.map((f) => f.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.slice(0, 8)).toEqual(['Dokumenttyp', 'År', 'Tertial', 'Organisation', 'Handläggare', 'Telefon', 'Till', 'Datum']);
    for (const f of DOKUMENT.fields) if (f.list) expect(LISTS[f.list]).toBeDefined();
  });

  test('every list is on the list sheet, once', () => {
    expect([...LIST_ORDER].sort()).toEqual(Object.keys(LISTS).sort());
    const headers = LIST_ORDER.map((k) => LISTS[k].header);
    expect(new Set(headers).size).toBe(headers.length);
    for (const k of LIST_ORDER) expect(LISTS[k].values.length).toBeGreaterThan(0);
  });
});

describe('formulas, checks and formats name only columns their sheet has', () => {
  test.each(tableSheets().map((s) => [s.name, s] as const))('%s', (_, spec) => {
    const columnOf = inOrder(spec);
    for (const c of spec.columns) {
      const self = columnOf(c.key)!;
      if (c.formula) expect([c.header, expandFormula(c.formula, { row: 5, columnOf, selfColumn: self })]).toEqual([c.header, expect.stringMatching(/^=/)]);
      if (c.check) expect([c.header, expandFormula(c.check.formula, { row: 2, columnOf, selfColumn: self })]).toEqual([c.header, expect.stringMatching(/^=/)]);
    }
    for (const cf of spec.conditionalFormats ?? []) {
      for (const rule of cf.rules) expect(RULE_IDS).toContain(rule);
      for (const key of cf.columns) {
        expect(columnOf(key)).toBeDefined();
        expect(expandFormula(cf.formula, { row: 2, columnOf, selfColumn: columnOf(key) })).toMatch(/^=/);
      }
    }
    if (spec.rowFormulas) {
      const typeColumn = spec.columns.find((c) => c.key === spec.rowFormulas!.typeColumn)!;
      expect(typeColumn.list).toBeDefined();
      for (const [type, formulas] of Object.entries(spec.rowFormulas.byType)) {
        expect(LISTS[typeColumn.list!].values).toContain(type);
        for (const [key, template] of Object.entries(formulas)) {
          expect(columnOf(key)).toBeDefined();
          expect(expandFormula(template!, { row: 5, columnOf })).toMatch(/^=/);
        }
      }
    }
  });
});

describe('headers', () => {
  const previous = INDIKATORER.columns.find((c) => c.headerFor)!;

  test('the year-dependent header carries the year before the document', () => {
    expect(headerOf(previous, { year: 2019 })).toBe('Periodens utfall VB 2018');
    expect(headerOf(previous, {})).toBe('Periodens utfall VB');
    expect(headerOf(column(INDIKATORER, 'Årsmål'), { year: 2019 })).toBe('Årsmål');
    // the only one
    expect(SHEETS.flatMap((s) => s.columns).filter((c) => c.headerFor)).toEqual([previous]);
  });

  test('a header matches exactly after trimming; the year-dependent one with any year', () => {
    expect(headerMatches(column(INDIKATORER, 'Årsmål'), '  Årsmål ')).toBe(true);
    expect(headerMatches(column(INDIKATORER, 'Årsmål'), 'årsmål')).toBe(false);
    expect(headerMatches(column(INDIKATORER, 'Årsmål'), 'Arsmål')).toBe(false);
    expect(headerMatches(previous, 'Periodens utfall VB 2017')).toBe(true);
    expect(headerMatches(previous, 'Periodens utfall VB')).toBe(true);
    expect(headerMatches(previous, 'Periodens utfall VB 17')).toBe(false);
    expect(headerMatches(column(INDIKATORER, 'Periodens utfall'), 'Periodens utfall VB 2018')).toBe(false);
  });
});

describe('derived cells', () => {
  test('Driftbudget derives by row type: deviations on lines, everything on Summa, the last column on Slutsumma', () => {
    const derived = (type: string | undefined) => headersOf(DRIFTBUDGET, Object.keys(formulaColumnsFor(DRIFTBUDGET, type)));
    expect(derived('Verksamhet')).toEqual(['Avvikelse budget prognos', 'Avvikelse efter prestationsförändring']);
    expect(derived('Varav')).toEqual(derived('Verksamhet'));
    expect(derived('Summa').sort()).toEqual(
      ['Utfall', 'Budget', 'Prognos', 'Avvikelse budget prognos', 'Prestationsförändring', 'Avvikelse efter prestationsförändring'].sort(),
    );
    expect(derived('Slutsumma')).toEqual(['Avvikelse efter prestationsförändring']);
    expect(derived('Justering')).toEqual([]);
    expect(derived(undefined)).toEqual([]);
    expect(derived('Okänd')).toEqual([]);
  });

  test('Budget verksamhet derives Netto on Verksamhet rows and every column on Summa rows, after Budget kostnadsslag in the sheets', () => {
    expect(Object.keys(formulaColumnsFor(VERKSAMHETSBUDGET, 'Verksamhet'))).toEqual(['net']);
    expect(Object.keys(formulaColumnsFor(VERKSAMHETSBUDGET, 'Summa'))).toEqual(['costs', 'income', 'net', 'change']);
    expect(VERKSAMHETSBUDGET.columns.map((c) => c.header)).toEqual(['Verksamhet', 'Radtyp', 'Kostnader', 'Intäkter', 'Netto', 'Ökning (+)/Minskning (−)']);
    expect(VERKSAMHETSBUDGET.columns.filter((c) => c.kind === 'amount').map((c) => [c.unit, c.numberFormat])).toEqual(Array(4).fill(['mnkr', '#,##0.0']));
    expect(headerMatches(columnOf(VERKSAMHETSBUDGET, 'change'), 'Ökning (+)/Minskning (-)')).toBe(true);
    expect(SHEETS.map((s) => s.name).slice(-3)).toEqual(['Budget kostnadsslag', 'Budget verksamhet', 'Tabeller']);
  });

  test('Budget kostnadsslag derives its sums; a sheet without row formulas derives nothing by type', () => {
    expect(Object.keys(formulaColumnsFor(KOSTNADSSLAG, 'Summa netto'))).toHaveLength(1);
    expect(formulaColumnsFor(KOSTNADSSLAG, 'Intäkt')).toEqual({});
    expect(formulaColumnsFor(TEXTER, 'Summa')).toEqual({});
  });

  test('Indikatorer has two formula columns that are never read as input', () => {
    expect(headersOf(INDIKATORER, derivedKeys(INDIKATORER))).toEqual(['Bedömning (förslag)', 'Kontroll']);
    expect(derivedKeys(DRIFTBUDGET).size).toBe(0);
  });
});

describe('what the next period does with each column is declared once, in the layout', () => {
  const CARRIES = new Set(['keep', 'clear', 'period', 'derived']);
  test.each(tableSheets().map((s) => [s.name, s] as const))('%s: every column declares its carry', (_, spec) => {
    for (const c of spec.columns) {
      expect(c.carry).toBeDefined();
      if (typeof c.carry === 'string') expect(CARRIES).toContain(c.carry);
      else {
        // the year-end value comes from a value column of the same sheet
        const from = spec.columns.find((x) => x.key === (c.carry as { yearEnd: string }).yearEnd);
        expect(from).toBeDefined();
        expect(from!.kind).toBe(c.kind);
        expect(from!.carry).toBe('clear');
      }
      // formula columns keep their formulas; nothing typed is derived
      expect(c.carry === 'derived').toBe(c.kind === 'derived');
      if (c.carry === 'period') expect(c.kind).toBe('period');
    }
  });

  test('Dokument: every field declares its carry; kind, year, tertial and date follow the new period, contacts stay', () => {
    for (const f of DOKUMENT.fields) expect(['keep', 'period']).toContain(f.carry);
    expect(DOKUMENT.fields.filter((f) => f.carry === 'period').map((f) => f.label)).toEqual(['Dokumenttyp', 'År', 'Tertial', 'Datum', 'Dnr', 'Bilaga']);
    for (const label of ['Organisation', 'Handläggare', 'Telefon', 'Till', 'Kolada kommun/enhet', 'Avsändare', 'Postadress', 'E-post']) {
      expect(DOKUMENT.fields.find((f) => f.label === label)?.carry).toBe('keep');
    }
  });

  test('outcomes, forecasts, analyses, assessments and statuses are cleared; goals, targets, dates and budget carry', () => {
    const carryOf = (spec: TableSheetSpec, header: string) => column(spec, header).carry;
    for (const h of ['Periodens utfall', 'Utfall män/pojkar', 'Utfall kvinnor/flickor', 'Prognos helår', 'Analys', 'Bedömning', 'Källa']) {
      expect([h, carryOf(INDIKATORER, h)]).toEqual([h, 'clear']);
    }
    for (const h of ['Mål-id', 'Indikator', 'Enhet', 'Riktning', 'Periodicitet', 'Årsmål', 'KF:s årsmål', 'Kolada-id']) {
      expect([h, carryOf(INDIKATORER, h)]).toEqual([h, 'keep']);
    }
    expect(carryOf(INDIKATORER, 'Periodens utfall VB')).toEqual({ yearEnd: 'outcome' });
    expect(carryOf(DRIFTBUDGET, 'Budget')).toBe('keep');
    for (const h of ['Utfall', 'Prognos', 'Analys']) expect(carryOf(DRIFTBUDGET, h)).toBe('clear');
    expect(TEXTER.columns.map((c) => c.carry)).toEqual(['keep', 'clear', 'keep']);
    for (const c of KOSTNADSSLAG.columns) expect(c.carry).toBe('keep');
  });
});
