/**
 * The unit tests' in-memory workbook (test/helpers/snapshot.ts) is what the .xlsx adapter
 * reads back from the same records: the same cells, formulas and sheets, the same plan.
 */
import { SHEET_NAMES } from '../../src/core/layout/layout';
import { readPlan } from '../../src/core/workbook/readPlan';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/core/workbook/snapshot';
import { buildFixture } from '../helpers/fixtures';
import { CLEAN_T2, CLEAN_VP, type WorkbookRecords } from '../helpers/records';
import { templatedSnapshot } from '../helpers/snapshot';

/** Rows without trailing empty cells, and no trailing empty rows. */
function trimmed<T>(rows: readonly (readonly T[])[]): T[][] {
  const out = rows.map((row) => {
    const r = Array.from(row, (v) => (v === undefined ? null : v)) as (T | null)[];
    while (r.length && (r[r.length - 1] === null || r[r.length - 1] === '')) r.pop();
    return r as T[];
  });
  while (out.length && out[out.length - 1]!.length === 0) out.pop();
  return out;
}

const view = (sheet: SheetSnapshot) => ({
  values: trimmed(sheet.values),
  formulas: trimmed(sheet.formulas),
  hidden: !!sheet.hidden,
  merges: sheet.merges ?? [],
});
const views = (s: WorkbookSnapshot) => Object.fromEntries(Object.entries(s.sheets).map(([name, sheet]) => [name, view(sheet)]));

test.each([
  ['CLEAN_T2', CLEAN_T2],
  ['CLEAN_VP', CLEAN_VP],
] as [string, WorkbookRecords][])('%s: the .xlsx and the in-memory workbook hold the same', async (_, records) => {
  const xlsx = await (await buildFixture(records)).read(SHEET_NAMES);
  const memory = await templatedSnapshot(records);
  expect(memory.sheetNames).toEqual(xlsx.sheetNames);
  expect(views({ ...memory, sheets: Object.fromEntries(SHEET_NAMES.filter((n) => memory.sheets[n]).map((n) => [n, memory.sheets[n]!])) })).toEqual(views(xlsx));
  expect(readPlan(memory)).toEqual(readPlan(xlsx));
});
