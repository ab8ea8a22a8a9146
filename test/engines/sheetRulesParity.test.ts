/**
 * Parity between the live checks in the sheets and the core's rules, on fixtures that
 * cover every branch, recalculated by LibreOffice:
 * - Bedömning (förslag) and Kontroll = the core's suggestion() and genderCheck();
 * - every conditional format formula, evaluated by LibreOffice at every data row, is true
 *   exactly where the validator reports the rule it mirrors;
 * - Driftbudget, Budget kostnadsslag and Budget verksamhet formula cells = the core's derived amounts.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DRIFTBUDGET, INDIKATORER, KOSTNADSSLAG, SHEETS, VERKSAMHETSBUDGET, type TableSheetSpec } from '../../src/core/layout/layout';
import { expandFormula } from '../../src/core/layout/formulas';
import { BUDGET_AMOUNT_KEYS, UNIT_BUDGET_AMOUNT_KEYS, type DocumentKind } from '../../src/core/model/plan';
import { genderCheck, suggestion } from '../../src/core/derive/assessment';
import { validate } from '../../src/core/rules/validate';
import { cellAddress } from '../../src/core/cells/address';
import type { SheetRecord } from '../../src/core/workbook/writeRecords';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';
import { toExcelJS } from '../helpers/exceljs';
import { readWorkbook } from '../../src/usecases/readWorkbook';
import { describeWithEngine } from '../helpers/engines';
import { buildFixture, BUDGET_000, CLEAN_T2, type WorkbookRecords } from '../helpers/fixtures';
import { BUDGET_2019 } from '../helpers/records';
import { recalculate } from '../helpers/libreoffice';

function indicatorBranches(): SheetRecord[] {
  const rows: SheetRecord[] = [];
  const directions = ['Högre är bättre', 'Lägre är bättre', null, 'Uppåt'];
  const targets = [0.5, 'Tas fram av nämnd', null];
  const forecasts = [0.6, 0.4, 0.5, null, 'i.u.'];
  const outcomes = [0.55, 0.45, null];
  let i = 0;
  // a yearly indicator with an outcome is assessed on it; others on the forecast first
  for (const Periodicitet of ['År', 'Tertial'])
    for (const Riktning of directions)
      for (const Årsmål of targets)
        for (const forecast of forecasts)
          for (const outcome of outcomes)
            rows.push({
              'Mål-id': 'N1',
              Indikator: `Bedömning ${++i}`,
              Enhet: '%',
              Riktning,
              Periodicitet,
              'Periodens utfall': outcome,
              'Prognos helår': forecast,
              Årsmål,
              Period: '2019',
              Analys: i % 3 === 0 ? 'Analys finns.' : null,
            });
  const gender: [string | null, number | null, number | null, number | null][] = [
    ['st', 25, 15, 10],
    ['st', 25, 15, 11],
    ['ST', 0, 0, 0],
    ['st', 25, null, 10],
    ['%', 0.5, 0.4, 0.6],
    ['%', 0.61, 0.4, 0.6],
    ['%', 0.6004, 0.4, 0.6],
    ['%', 0.6006, 0.4, 0.6],
    ['%', 0.39, 0.4, 0.6],
    ['index', 77, 78, 76],
    ['index', 80, 78, 76],
    ['index', 78.04, 78, 76],
    [null, 3.3, 3.1, 3.5],
    [null, 3.6, 3.1, 3.5],
    ['GWh', 9, 1, 1],
    ['barn/avd.', 16, 15, 17],
  ];
  for (const [unit, total, men, women] of gender) {
    rows.push({
      'Mål-id': 'N1',
      Indikator: `Kön ${++i}`,
      Enhet: unit,
      Periodicitet: 'År',
      'Periodens utfall': total,
      'Utfall män/pojkar': men,
      'Utfall kvinnor/flickor': women,
      Period: '2019',
    });
  }
  return rows;
}

const BUDGET: SheetRecord[] = [
  { Verksamhet: 'A', Radtyp: 'Verksamhet', Utfall: 32.1, Budget: 51.3, Prognos: 48.8, Prestationsförändring: 0 },
  { Verksamhet: 'varav a', Radtyp: 'Varav', Utfall: 13.6, Budget: 16.8, Prognos: 19.9, Prestationsförändring: 0 },
  { Verksamhet: 'B', Radtyp: 'Verksamhet', Utfall: 436.9, Budget: 680.2, Prognos: 670.2, Prestationsförändring: -2 },
  { Verksamhet: 'C', Radtyp: 'Verksamhet', Utfall: -5, Budget: -3.25, Prognos: 1.1 },
  { Verksamhet: 'Övrig', Radtyp: 'Verksamhet' },
  { Verksamhet: 'Summa', Radtyp: 'Summa' },
  { Verksamhet: 'J1', Radtyp: 'Justering', 'Avvikelse efter prestationsförändring': 2.3 },
  { Verksamhet: 'J2', Radtyp: 'Justering', 'Avvikelse efter prestationsförändring': -0.5 },
  { Verksamhet: 'Slutsumma', Radtyp: 'Slutsumma' },
  { Verksamhet: 'J3', Radtyp: 'Justering', 'Avvikelse efter prestationsförändring': 1 },
  { Verksamhet: 'Slutsumma inskriven', Radtyp: 'Slutsumma', 'Avvikelse efter prestationsförändring': 99 },
  { Verksamhet: 'D (text i budget)', Radtyp: 'Verksamhet', Budget: 'tio', Prognos: 3 },
  { Verksamhet: 'E', Radtyp: 'Verksamhet', Budget: 10, Prognos: 8, 'Avvikelse budget prognos': 5, 'Avvikelse efter prestationsförändring': 2 },
  { Verksamhet: 'Summa 2', Radtyp: 'Summa', Utfall: 99 },
  { Verksamhet: 'Slutsumma 2', Radtyp: 'Slutsumma', 'Avvikelse efter prestationsförändring': 7 },
];

const CHANGE = 'Ökning (+)/Minskning (−)';
/** The 2019 plan's budget per verksamhet, then intäkter written positive, blank rows, typed Netto and sums, text in a figure. */
const UNIT_BUDGET: SheetRecord[] = [
  ...BUDGET_2019.slice(0, -1),
  { Verksamhet: 'Intäkter utan minus', Radtyp: 'Verksamhet', Kostnader: 20, Intäkter: 5.5, [CHANGE]: 0 },
  { Verksamhet: 'Tom', Radtyp: 'Verksamhet' },
  { Verksamhet: 'Netto inskrivet fel', Radtyp: 'Verksamhet', Kostnader: 10, Intäkter: -2, Netto: 9 },
  { Verksamhet: 'Netto inskrivet rätt', Radtyp: 'Verksamhet', Kostnader: 10, Intäkter: -2, Netto: 8 },
  { Verksamhet: 'Summa', Radtyp: 'Summa' },
  { Verksamhet: 'Text', Radtyp: 'Verksamhet', Kostnader: 'tio', Intäkter: -1, [CHANGE]: 0.25 },
  { Verksamhet: 'Summa inskriven', Radtyp: 'Summa', Kostnader: 5, [CHANGE]: 99 },
  { Verksamhet: 'Summa 3', Radtyp: 'Summa' },
];

function fixture(kind: DocumentKind): WorkbookRecords {
  const fields = { ...CLEAN_T2.Dokument };
  if (kind === 'verksamhetsberattelse') Object.assign(fields, { Dokumenttyp: 'Verksamhetsberättelse', Tertial: '' });
  if (kind === 'verksamhetsplan') Object.assign(fields, { Dokumenttyp: 'Verksamhetsplan', Tertial: '' });
  return {
    ...CLEAN_T2,
    Dokument: fields,
    Mål: [
      ...CLEAN_T2.Mål!,
      { Id: 'N3', Nivå: 'Nämndmål', 'Överordnat id': 'KF1', Mål: 'Delvis utan analys', Bedömning: 'Uppfylls delvis' },
      { Id: 'N4', Nivå: 'Nämndmål', 'Överordnat id': 'KF1', Mål: 'Inte med analys', Bedömning: 'Uppfylls inte', Analys: 'Därför.' },
      { Id: 'N5', Nivå: 'Nämndmål', 'Överordnat id': 'KF1', Mål: 'Inte utan analys', Bedömning: 'Uppfylls inte', Analys: '   ' },
    ],
    Indikatorer: indicatorBranches(),
    Aktiviteter: [
      ...CLEAN_T2.Aktiviteter!,
      { 'Mål-id': 'N1', Aktivitet: 'Baklänges', Startdatum: '2019-05-01', Slutdatum: '2019-04-01', Status: 'Avslutad' },
      { 'Mål-id': 'N1', Aktivitet: 'Samma dag', Startdatum: '2019-05-01', Slutdatum: '2019-05-01', Status: 'Avslutad' },
      { 'Mål-id': 'N1', Aktivitet: 'Bara slut', Slutdatum: '2019-05-01', Status: 'Avslutad' },
    ],
    Driftbudget: BUDGET,
    'Budget kostnadsslag': [
      ...BUDGET_000,
      { Kostnadsslag: 'Summa kostnader (inskriven)', Radtyp: 'Summa kostnader', Budget: 1 },
      { Kostnadsslag: 'Text', Radtyp: 'Kostnad', Budget: 'tio' },
      { Kostnadsslag: 'Summa netto igen', Radtyp: 'Summa netto' },
    ],
    'Budget verksamhet': UNIT_BUDGET,
  };
}

const tableSpecs = SHEETS.filter((s): s is TableSheetSpec => s.kind === 'table');

/** Header → column of a sheet as saved. */
function columns(ws: ExcelJS.Worksheet): Map<string, number> {
  const out = new Map<string, number>();
  ws.getRow(1).eachCell((cell, c) => out.set(String(cell.value).trim(), c));
  return out;
}

/** A formula cell's value as LibreOffice saved it (an empty text result is saved without a value). */
function result(cell: ExcelJS.Cell): unknown {
  const v = cell.value as unknown;
  // exceljs leaves a cached 0 out of the value object (cell.result still has it)
  if (v && typeof v === 'object' && 'formula' in (v as object)) return (v as { result?: unknown }).result ?? cell.result ?? '';
  return v;
}

describeWithEngine('sheet formulas = core rules (LibreOffice)', 'soffice', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'planrapport-sheetparity-'));

  test.each(['tertialrapport', 'verksamhetsberattelse', 'verksamhetsplan'] as const)('%s', async (kind) => {
    const host = await buildFixture(fixture(kind));
    const wb = await toExcelJS(host);

    // every conditional format, evaluated as a formula on a scratch sheet at every data row
    const probes: { sheet: string; cell: string; rules: readonly string[]; at: string }[] = [];
    const scratch = wb.addWorksheet('Paritet');
    for (const spec of tableSpecs) {
      const ws = wb.getWorksheet(spec.name)!;
      const cols = columns(ws);
      const keyCol = (key: string) =>
        cols.get(spec.columns.find((c) => c.key === key)?.header ?? '') ??
        [...cols.entries()].find(([h]) => /^Periodens utfall VB/.test(h) && key === 'previousOutcome')?.[1];
      for (const cf of spec.conditionalFormats ?? []) {
        for (const key of cf.columns) {
          const selfColumn = keyCol(key)!;
          for (let row = 2; row <= ws.actualRowCount; row++) {
            const formula = expandFormula(cf.formula, { row, columnOf: keyCol, selfColumn, qualify: spec.name })!;
            const at = `A${probes.length + 1}`;
            scratch.getCell(at).value = { formula: formula.slice(1) } as ExcelJS.CellFormulaValue;
            probes.push({ sheet: spec.name, cell: cellAddress(selfColumn, row), rules: cf.rules, at });
          }
        }
      }
    }
    expect(probes.length).toBeGreaterThan(300);
    const file = path.join(dir, `${kind}.xlsx`);
    await wb.xlsx.writeFile(file);
    const recalculated = recalculate(file, path.join(dir, `lo-${kind}`));

    const lo = new ExcelJS.Workbook();
    await lo.xlsx.readFile(recalculated);
    const reading = await readWorkbook(await XlsxHost.open(recalculated));
    const findings = validate(reading);
    const { plan } = reading;
    expect(plan.info.kind).toBe(kind);

    // Bedömning (förslag) and Kontroll
    const ind = lo.getWorksheet(INDIKATORER.name)!;
    const icols = columns(ind);
    let compared = 0;
    for (const indicator of plan.indicators) {
      const sheetSuggestion = result(ind.getCell(indicator.source.row, icols.get('Bedömning (förslag)')!)) ?? '';
      const sheetCheck = result(ind.getCell(indicator.source.row, icols.get('Kontroll')!)) ?? '';
      const core = genderCheck(indicator);
      const expectedCheck = core === undefined ? '' : core === 'OK' ? 'OK' : core === 'sum' ? 'Män + kvinnor ≠ totalen' : 'Totalen utanför män–kvinnor';
      expect([indicator.name, sheetSuggestion]).toEqual([indicator.name, suggestion(indicator, plan.info.kind)]);
      expect([indicator.name, sheetCheck]).toEqual([indicator.name, expectedCheck]);
      compared++;
    }
    expect(compared).toBe(indicatorBranches().length);
    if (kind !== 'verksamhetsplan') {
      const values = new Set(plan.indicators.map((i) => suggestion(i, kind)));
      expect([...values].sort()).toEqual(['', 'Uppfylls', 'Uppfylls inte']);
    }

    // conditional formats ↔ findings of the rules they mirror
    const sheet = lo.getWorksheet('Paritet')!;
    let marked = 0;
    for (const p of probes) {
      const value = result(sheet.getCell(p.at));
      const flagged = value === true || value === 1;
      const reported = findings.some((f) => f.sheet === p.sheet && f.cell === p.cell && p.rules.includes(f.rule));
      expect([p.sheet, p.cell, p.rules.join(','), flagged]).toEqual([p.sheet, p.cell, p.rules.join(','), reported]);
      if (flagged) marked++;
    }
    expect(marked).toBeGreaterThan(5);

    // Driftbudget formula cells = core
    const budget = lo.getWorksheet(DRIFTBUDGET.name)!;
    const bcols = columns(budget);
    let formulaCells = 0;
    for (const row of plan.budget) {
      for (const key of BUDGET_AMOUNT_KEYS) {
        const header = DRIFTBUDGET.columns.find((c) => c.key === key)!.header;
        const cell = budget.getCell(row.source.row, bcols.get(header)!);
        if (!cell.formula) continue;
        formulaCells++;
        const v = result(cell);
        // a formula cell holds what the cells above it give, as written (typed values included)
        const core = row.expected[key];
        if (core === undefined) expect([row.label, key, typeof v === 'number']).toEqual([row.label, key, false]);
        else expect([row.label, key, v]).toEqual([row.label, key, expect.closeTo(core, 9)]);
      }
    }
    expect(formulaCells).toBeGreaterThan(20);

    // Budget kostnadsslag formula cells = core; the report's sums are the reference's 34 200 · 599 400 · 565 200
    const kost = lo.getWorksheet(KOSTNADSSLAG.name)!;
    const kcol = columns(kost).get('Budget')!;
    let sums = 0;
    for (const row of plan.planBudget) {
      const cell = kost.getCell(row.source.row, kcol);
      if (!cell.formula) continue;
      sums++;
      const v = result(cell);
      if (row.expected === undefined) expect([row.label, typeof v === 'number']).toEqual([row.label, false]);
      else expect([row.label, v]).toEqual([row.label, expect.closeTo(row.expected, 6)]);
    }
    expect(sums).toBe(4);

    // Budget verksamhet formula cells (Netto, the Summa rows) = core; the 2019 plan's total row as the reference adds up
    const unit = lo.getWorksheet(VERKSAMHETSBUDGET.name)!;
    const ucols = columns(unit);
    let unitFormulas = 0;
    for (const row of plan.unitBudget) {
      for (const key of UNIT_BUDGET_AMOUNT_KEYS) {
        const cell = unit.getCell(row.source.row, ucols.get(VERKSAMHETSBUDGET.columns.find((c) => c.key === key)!.header)!);
        if (!cell.formula) continue;
        unitFormulas++;
        const v = result(cell);
        const core = row.expected[key];
        if (core === undefined) expect([row.label, key, typeof v === 'number']).toEqual([row.label, key, false]);
        else expect([row.label, key, v]).toEqual([row.label, key, expect.closeTo(core, 9)]);
      }
    }
    expect(unitFormulas).toBeGreaterThan(15);
    expect(plan.unitBudget.find((r) => r.label === 'Summa')!.amounts).toEqual({
      costs: expect.closeTo(1901.3 + 40, 9),
      income: expect.closeTo(-166.2 + 5.5 - 4, 9),
      net: expect.closeTo(1735.1 + 14.5 + 16, 9),
      change: expect.closeTo(25.8, 9),
    });
    expect(findings.filter((f) => f.sheet === VERKSAMHETSBUDGET.name).map((f) => `${f.rule} ${f.cell}`)).toEqual([
      'unit-budget.net E10',
      // text in Kostnader: #VALUE! in its Netto and in the Netto sums below it
      'value.amount C13',
      'cell.formula-error E13',
      'unit-budget.sum C14',
      'cell.formula-error E14',
      'unit-budget.sum F14',
      'cell.formula-error E15',
    ]);

    expect(
      plan.planBudget
        .filter((r) => r.rowType?.startsWith('Summa'))
        .map((r) => r.amount)
        .slice(0, 3),
    ).toEqual([34200, 599400, 565200]);
  });
});
