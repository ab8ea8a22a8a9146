/**
 * A whole planning year on the demo data, through the .xlsx adapter (each step saved and
 * opened again): verksamhetsplan 2025 → tertialrapport 1 → tertialrapport 2 →
 * verksamhetsberättelse → verksamhetsplan 2026, compared cell by cell against each column's
 * declared carry; and verksamhetsberättelse 2020 → plan 2021 with its outcomes carried.
 */
import { buildExampleWorkbook } from '../../src/demo/buildWorkbook';
import { loadTranscription } from '../../src/demo/examples';
import { SHEETS, SHEET_NAMES, type TableSheetSpec } from '../../src/core/layout/layout';
import { mapColumns, readRecords } from '../../src/core/workbook/table';
import { isBlank, type WorkbookSnapshot } from '../../src/core/workbook/snapshot';
import { periodLabel } from '../../src/core/model/period';
import { choiceOf } from '../../src/core/workbook/readPlan';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';
import { nextPeriod, isFillIn, type NextPeriodOptions } from '../../src/usecases/nextPeriod';
import { validateWorkbook } from '../../src/usecases/validate';
import type { Periodicity } from '../../src/core/model/plan';

const TABLES = SHEETS.filter((s): s is TableSheetSpec => s.kind === 'table');
const key = (f: { rule: string; sheet: string; cell: string }) => `${f.rule}|${f.sheet}|${f.cell}`;

async function step(host: XlsxHost, options: NextPeriodOptions): Promise<{ host: XlsxHost; before: WorkbookSnapshot; after: WorkbookSnapshot }> {
  const before = await host.read([...SHEET_NAMES, 'Mina anteckningar']);
  const result = await nextPeriod(host, options);
  expect(result.problems).toEqual([]);
  const reopened = await XlsxHost.fromBuffer(await host.toBuffer());
  return { host: reopened, before, after: await reopened.read([...SHEET_NAMES, 'Mina anteckningar']) };
}

/** Every layout cell of every record row: kept, emptied or rewritten as its column's carry says. */
function compare(before: WorkbookSnapshot, after: WorkbookSnapshot, to: { kind: NextPeriodOptions['kind']; year: number; tertial?: 1 | 2 }) {
  let kept = 0;
  let cleared = 0;
  for (const spec of TABLES) {
    const b = before.sheets[spec.name];
    const a = after.sheets[spec.name];
    if (!b) continue;
    expect(a).toBeDefined();
    const mapB = mapColumns(b, spec.columns);
    const mapA = mapColumns(a!, spec.columns);
    for (const rec of readRecords(b, mapB)) {
      for (const col of spec.columns) {
        const cb = mapB.byKey.get(col.key);
        const ca = mapA.byKey.get(col.key);
        if (!cb || !ca) continue;
        const was = b.values[rec.row - 1]?.[cb - 1] ?? null;
        const now = a!.values[rec.row - 1]?.[ca - 1] ?? null;
        const formula = b.formulas[rec.row - 1]?.[cb - 1];
        const where = `${spec.name}!${col.header} rad ${rec.row}`;
        if (col.carry === 'keep') {
          expect([where, now]).toEqual([where, was]);
          if (!isBlank(was)) kept++;
        } else if (col.carry === 'clear') {
          if (formula) expect([where, a!.formulas[rec.row - 1]?.[ca - 1]]).toEqual([where, formula]);
          else expect([where, now]).toEqual([where, null]);
          if (!formula && !isBlank(was)) cleared++;
        } else if (col.carry === 'period') {
          const periodicity = choiceOf('periodicity', String(rec.cells['periodicity'] ?? '')) as Periodicity | undefined;
          expect([where, now]).toEqual([where, periodLabel(to, periodicity) ?? null]);
        } else if (typeof col.carry === 'object') {
          const fromCol = mapB.byKey.get(col.carry.yearEnd)!;
          const source = b.values[rec.row - 1]?.[fromCol - 1] ?? null;
          // within the year the header (and the value) stay; in the next year it takes the outcome
          const sameYear = String(a!.values[0]![ca - 1]) === String(b.values[0]![cb - 1]);
          expect([where, now]).toEqual([where, sameYear ? was : isBlank(source) ? null : source]);
        }
      }
    }
  }
  return { kept, cleared };
}

describe('a planning year on the demo data', () => {
  test('verksamhetsplan 2025 → T1 → T2 → VB → plan 2026: everything that carries is there, nothing cleared survives, the user’s sheets and columns untouched', async () => {
    let host = await buildExampleWorkbook(loadTranscription('002-plan.json'));
    // the user's own sheet and column
    await host.update(SHEET_NAMES, () => ({
      edits: [
        { op: 'addSheet', sheet: 'Mina anteckningar' },
        { op: 'setCells', sheet: 'Mina anteckningar', topLeft: 'A1', rows: [['Att göra'], ['Ring Eva'], [42]] },
        { op: 'setCells', sheet: 'Indikatorer', topLeft: 'Z1', rows: [['Egen kommentar'], ['viktig'], ['följs upp']] },
      ],
      result: undefined,
    }));
    const baseline = new Set((await validateWorkbook(host)).findings.map(key));
    const steps: [NextPeriodOptions, { kind: NextPeriodOptions['kind']; year: number; tertial?: 1 | 2 }][] = [
      [{ kind: 'tertialrapport' }, { kind: 'tertialrapport', year: 2025, tertial: 1 }],
      [
        { kind: 'tertialrapport', date: '2025-09-18' },
        { kind: 'tertialrapport', year: 2025, tertial: 2 },
      ],
      [{ kind: 'verksamhetsberattelse' }, { kind: 'verksamhetsberattelse', year: 2025 }],
      [{ kind: 'verksamhetsplan' }, { kind: 'verksamhetsplan', year: 2026 }],
    ];
    let totalKept = 0;
    for (const [options, to] of steps) {
      const { host: next, before, after } = await step(host, options);
      const { kept } = compare(before, after, to);
      totalKept += kept;
      expect(after.sheets['Mina anteckningar']!.values).toEqual(before.sheets['Mina anteckningar']!.values);
      const own = after.sheets['Indikatorer']!.values.map((r) => r[25] ?? null).slice(0, 3);
      expect(own).toEqual(['Egen kommentar', 'viktig', 'följs upp']);
      const report = await validateWorkbook(next);
      expect(report.reading.plan.info).toMatchObject({ kind: to.kind, year: to.year, organisation: expect.any(String) });
      expect(report.reading.plan.info.tertial).toBe(to.tertial);
      // only what the new period fills in, beside what the plan already had
      const others = report.findings.filter((f) => !isFillIn(f) && !baseline.has(key(f)));
      expect(others).toEqual([]);
      host = next;
    }
    expect(totalKept).toBeGreaterThan(200);
  });

  test('verksamhetsberättelse 2020 → plan 2021: "Periodens utfall VB 2020" holds the VB’s outcomes; outcomes, analyses and assessments emptied', async () => {
    const vb = await buildExampleWorkbook(loadTranscription('003-plan.json'));
    const { host, before, after } = await step(vb, { kind: 'verksamhetsplan' });
    const { cleared } = compare(before, after, { kind: 'verksamhetsplan', year: 2021 });
    expect(cleared).toBeGreaterThan(30);
    const ind = after.sheets['Indikatorer']!;
    const col = (h: string, sheet = ind) => sheet.values[0]!.findIndex((x) => typeof x === 'string' && x === h);
    expect(col('Periodens utfall VB 2020')).toBeGreaterThan(0);
    const b = before.sheets['Indikatorer']!;
    const outcomes = b.values.slice(1).map((r) => r[col('Periodens utfall', b)] ?? null);
    const previous = ind.values.slice(1).map((r) => r[col('Periodens utfall VB 2020')] ?? null);
    expect(outcomes.filter((v) => v !== null).length).toBeGreaterThan(0);
    expect(previous.slice(0, outcomes.length)).toEqual(outcomes);
    const report = await validateWorkbook(host);
    expect(report.findings.filter((f) => !isFillIn(f) && f.rule !== 'text.markup')).toEqual([]);
    expect(report.reading.plan.info).toMatchObject({ kind: 'verksamhetsplan', year: 2021, organisation: 'Enheten för personligt stöd' });
  });
});
