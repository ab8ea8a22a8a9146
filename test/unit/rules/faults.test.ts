/**
 * One fault per rule gives exactly that finding, at its sheet and cell: the fault table of
 * test/core/rules.faults.test.ts (test/helpers/faults.ts) on in-memory snapshots, read and
 * validated by the core alone.
 */
import { RULES, RULE_IDS } from '../../../src/core/findings/catalog';
import { validate } from '../../../src/core/rules/validate';
import { readPlan } from '../../../src/core/workbook/readPlan';
import type { WorkbookSnapshot } from '../../../src/core/workbook/snapshot';
import { FAULTS, FAULT_BASES, type FaultCase } from '../../helpers/faults';
import { cloneSnapshot, merge, put, removeSheet, templatedSnapshot } from '../../helpers/snapshot';

const bases: Partial<Record<'T2' | 'VP', WorkbookSnapshot>> = {};
beforeAll(async () => {
  bases.T2 = await templatedSnapshot(FAULT_BASES.T2);
  bases.VP = await templatedSnapshot(FAULT_BASES.VP);
});

function inject(snapshot: WorkbookSnapshot, c: FaultCase): WorkbookSnapshot {
  if (c.removeSheet) removeSheet(snapshot, c.removeSheet);
  if (c.merge) merge(snapshot, c.merge);
  for (const [ref, value] of Object.entries(c.cells ?? {})) put(snapshot, ref, value);
  return snapshot;
}

test.each(['T2', 'VP'] as const)('the clean %s workbook has no findings', (base) => {
  expect(validate(readPlan(bases[base]!))).toEqual([]);
});

test('every rule in the catalog has a case', () => {
  const covered = new Set(FAULTS.map((c) => c.rule));
  expect(RULE_IDS.filter((id) => !covered.has(id))).toEqual([]);
});

test.each(FAULTS.map((c) => [c.rule, c] as const))('%s', (rule, c) => {
  const findings = validate(readPlan(inject(cloneSnapshot(bases[c.base ?? 'T2']!), c)));
  expect(findings.map((f) => ({ rule: f.rule, sheet: f.sheet, cell: f.cell }))).toEqual([{ rule, sheet: c.sheet, cell: c.cell }]);
  expect(findings[0]!.severity).toBe(RULES[rule].severity);
  expect(findings[0]!.message).toMatch(/[a-zåäö]/i);
});
