/**
 * Table-driven fault injection: one fault per rule, injected into a copy of a clean
 * workbook, gives exactly that finding — at the right sheet and cell, with its rule id —
 * and `validate` exits 1 for an error (0 for a warning).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { RULES, RULE_IDS, type RuleId } from '../../src/core/findings/catalog';
import type { Finding } from '../../src/core/findings/finding';
import { CLEAN_T2, CLEAN_VP, fixtureBuffer, loadWorkbook, set } from '../helpers/fixtures';

interface Case {
  rule: RuleId;
  base?: 'T2' | 'VP';
  inject: (wb: ExcelJS.Workbook) => void;
  sheet: string;
  cell: string;
}

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
const CONTROL_MARK = 'KONTROLLTECKEN';

/** Writes the workbook as Excel would store a control character: _x0007_ in the XML. */
async function writeWithControlCharacters(wb: ExcelJS.Workbook, file: string) {
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
    const xml = await zip.file(name)!.async('string');
    if (xml.includes(CONTROL_MARK)) zip.file(name, xml.split(CONTROL_MARK).join('_x0007_'));
  }
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
}

const CASES: Case[] = [
  { rule: 'sheet.missing', inject: (wb) => wb.removeWorksheet(wb.getWorksheet('Aktiviteter')!.id), sheet: 'Aktiviteter', cell: '' },
  { rule: 'sheet.beyond-limit', inject: (wb) => set(wb, 'Indikatorer!B1048576', 'Glömt värde'), sheet: 'Indikatorer', cell: 'B1048576' },
  { rule: 'sheet.merged-cells', inject: (wb) => wb.getWorksheet('Texter')!.mergeCells('D2:E2'), sheet: 'Texter', cell: 'D2:E2' },
  { rule: 'column.missing', inject: (wb) => set(wb, 'Aktiviteter!G1', null), sheet: 'Aktiviteter', cell: 'G1' },
  { rule: 'column.renamed', inject: (wb) => set(wb, 'Indikatorer!K1', 'Arsmål'), sheet: 'Indikatorer', cell: 'K1' },
  { rule: 'column.duplicate', inject: (wb) => set(wb, 'Indikatorer!T1', 'Period'), sheet: 'Indikatorer', cell: 'T1' },
  { rule: 'column.year', inject: (wb) => set(wb, 'Indikatorer!I1', 'Periodens utfall VB 2017'), sheet: 'Indikatorer', cell: 'I1' },
  { rule: 'cell.formula-error', inject: (wb) => set(wb, 'Indikatorer!G2', { error: '#DIV/0!' } as ExcelJS.CellErrorValue), sheet: 'Indikatorer', cell: 'G2' },
  { rule: 'value.choice', inject: (wb) => set(wb, 'Mål!E3', 'Kanske'), sheet: 'Mål', cell: 'E3' },
  { rule: 'value.amount', inject: (wb) => set(wb, 'Driftbudget!C2', 'tio'), sheet: 'Driftbudget', cell: 'C2' },
  { rule: 'value.amount-unit', inject: (wb) => set(wb, 'Driftbudget!C2', '12 tkr'), sheet: 'Driftbudget', cell: 'C2' },
  { rule: 'value.date', inject: (wb) => set(wb, 'Aktiviteter!C2', 'första januari'), sheet: 'Aktiviteter', cell: 'C2' },
  { rule: 'value.unit', inject: (wb) => set(wb, 'Indikatorer!K3', '20 kr'), sheet: 'Indikatorer', cell: 'K3' },
  { rule: 'indicator.number-as-text', inject: (wb) => set(wb, 'Indikatorer!K3', '20'), sheet: 'Indikatorer', cell: 'K3' },
  { rule: 'document.kind', inject: (wb) => set(wb, 'Dokument!B2', 'Budget'), sheet: 'Dokument', cell: 'B2' },
  { rule: 'document.kind-missing', inject: (wb) => set(wb, 'Dokument!B2', null), sheet: 'Dokument', cell: '' },
  { rule: 'document.year', inject: (wb) => set(wb, 'Dokument!B3', 'tjugo'), sheet: 'Dokument', cell: 'B3' },
  { rule: 'document.year-missing', inject: (wb) => set(wb, 'Dokument!B3', null), sheet: 'Dokument', cell: '' },
  { rule: 'document.tertial', inject: (wb) => set(wb, 'Dokument!B4', 3), sheet: 'Dokument', cell: 'B4' },
  { rule: 'document.tertial-missing', inject: (wb) => set(wb, 'Dokument!B4', null), sheet: 'Dokument', cell: '' },
  { rule: 'document.organisation-missing', inject: (wb) => set(wb, 'Dokument!B5', null), sheet: 'Dokument', cell: '' },
  { rule: 'text.heading-missing', inject: (wb) => set(wb, 'Texter!A4', null), sheet: 'Texter', cell: 'A4' },
  { rule: 'text.section-missing', inject: (wb) => set(wb, 'Texter!A2', 'Beslut'), sheet: 'Texter', cell: '' },
  { rule: 'text.duplicate-heading', inject: (wb) => set(wb, 'Texter!A4', 'Sammanfattning'), sheet: 'Texter', cell: 'A4' },
  { rule: 'text.markup', inject: (wb) => set(wb, 'Texter!B3', '<p>Nämnden</p><span>bedöms</span> nå sina mål.'), sheet: 'Texter', cell: 'B3' },
  // exceljs drops control characters when it writes; Excel writes them as _xHHHH_, which the file patch below puts in
  { rule: 'text.control-characters', inject: (wb) => set(wb, 'Texter!B3', `Nämnden${CONTROL_MARK} bedöms nå sina mål.`), sheet: 'Texter', cell: 'B3' },
  { rule: 'text.draft-note', inject: (wb) => set(wb, 'Texter!B3', 'Nämnden bedöms nå sina mål. (Anneli)\nNästa stycke.'), sheet: 'Texter', cell: 'B3' },
  { rule: 'text.too-long', inject: (wb) => set(wb, 'Texter!B3', 'Lång text. '.repeat(4000)), sheet: 'Texter', cell: 'B3' },
  { rule: 'goal.id-missing', inject: (wb) => set(wb, 'Mål!A5', null), sheet: 'Mål', cell: 'A5' },
  { rule: 'goal.duplicate-id', inject: (wb) => set(wb, 'Mål!A5', 'N1'), sheet: 'Mål', cell: 'A5' },
  { rule: 'goal.level-missing', inject: (wb) => set(wb, 'Mål!B5', null), sheet: 'Mål', cell: 'B5' },
  { rule: 'goal.text-missing', inject: (wb) => set(wb, 'Mål!D5', null), sheet: 'Mål', cell: 'D5' },
  { rule: 'goal.parent-missing', inject: (wb) => set(wb, 'Mål!C5', 'KF9'), sheet: 'Mål', cell: 'C5' },
  { rule: 'goal.parent-level', inject: (wb) => set(wb, 'Mål!C5', 'IM1'), sheet: 'Mål', cell: 'C5' },
  {
    rule: 'goal.order',
    inject: (wb) => {
      const ws = wb.getWorksheet('Mål')!;
      ws.getRow(6).values = ['N3', 'Nämndmål', 'KF2', 'Nytt nämndmål', 'Uppfylls helt'];
      ws.getRow(7).values = ['KF2', 'KF:s mål för verksamhetsområdet', 'IM1', '1.2 Nytt KF-mål'];
    },
    sheet: 'Mål',
    cell: 'A6',
  },
  { rule: 'goal.assessment-missing', inject: (wb) => set(wb, 'Mål!E5', null), sheet: 'Mål', cell: 'E5' },
  { rule: 'goal.assessment-in-plan', base: 'VP', inject: (wb) => set(wb, 'Mål!E4', 'Uppfylls helt'), sheet: 'Mål', cell: 'E4' },
  {
    rule: 'goal.analysis-required',
    inject: (wb) => {
      set(wb, 'Mål!E3', 'Uppfylls delvis');
      set(wb, 'Mål!H3', null);
    },
    sheet: 'Mål',
    cell: 'H3',
  },
  {
    rule: 'goal.assessment-better-than-parts',
    inject: (wb) => {
      set(wb, 'Mål!E5', 'Uppfylls delvis');
      set(wb, 'Mål!H5', 'Arbetet är försenat.');
    },
    sheet: 'Mål',
    cell: 'E3',
  },
  { rule: 'indicator.goal-missing', inject: (wb) => set(wb, 'Indikatorer!A4', 'X9'), sheet: 'Indikatorer', cell: 'A4' },
  { rule: 'indicator.goal-level', inject: (wb) => set(wb, 'Indikatorer!A4', 'IM1'), sheet: 'Indikatorer', cell: 'A4' },
  { rule: 'indicator.name-missing', inject: (wb) => set(wb, 'Indikatorer!B4', null), sheet: 'Indikatorer', cell: 'B4' },
  { rule: 'indicator.duplicate', inject: (wb) => set(wb, 'Indikatorer!B4', 'Antal B'), sheet: 'Indikatorer', cell: 'B4' },
  { rule: 'indicator.text-in-number', inject: (wb) => set(wb, 'Indikatorer!F3', 'tjugofem'), sheet: 'Indikatorer', cell: 'F3' },
  { rule: 'indicator.percent-scale', inject: (wb) => set(wb, 'Indikatorer!K4', 10), sheet: 'Indikatorer', cell: 'K4' },
  { rule: 'indicator.outcome-missing', inject: (wb) => set(wb, 'Indikatorer!F3', null), sheet: 'Indikatorer', cell: 'F3' },
  { rule: 'indicator.forecast-missing', inject: (wb) => set(wb, 'Indikatorer!J3', null), sheet: 'Indikatorer', cell: 'J3' },
  { rule: 'indicator.gender-sum', inject: (wb) => set(wb, 'Indikatorer!G3', 14), sheet: 'Indikatorer', cell: 'F3' },
  { rule: 'indicator.gender-range', inject: (wb) => set(wb, 'Indikatorer!G2', 0.7), sheet: 'Indikatorer', cell: 'F2' },
  { rule: 'indicator.analysis-required', inject: (wb) => set(wb, 'Indikatorer!J2', 0.5), sheet: 'Indikatorer', cell: 'N2' },
  { rule: 'indicator.period', inject: (wb) => set(wb, 'Indikatorer!M2', 'Tertial 1 2019'), sheet: 'Indikatorer', cell: 'M2' },
  { rule: 'indicator.period-year', inject: (wb) => set(wb, 'Indikatorer!M2', 'Tertial 2 2018'), sheet: 'Indikatorer', cell: 'M2' },
  { rule: 'indicator.target-less-ambitious', inject: (wb) => set(wb, 'Indikatorer!K2', 0.45), sheet: 'Indikatorer', cell: 'K2' },
  { rule: 'activity.goal-missing', inject: (wb) => set(wb, 'Aktiviteter!A2', 'X'), sheet: 'Aktiviteter', cell: 'A2' },
  { rule: 'activity.name-missing', inject: (wb) => set(wb, 'Aktiviteter!B2', null), sheet: 'Aktiviteter', cell: 'B2' },
  { rule: 'activity.date-order', inject: (wb) => set(wb, 'Aktiviteter!D3', date('2018-12-01')), sheet: 'Aktiviteter', cell: 'D3' },
  { rule: 'activity.overdue', inject: (wb) => set(wb, 'Aktiviteter!D2', date('2019-06-30')), sheet: 'Aktiviteter', cell: 'E2' },
  { rule: 'budget.label-missing', inject: (wb) => set(wb, 'Driftbudget!A4', null), sheet: 'Driftbudget', cell: 'A4' },
  { rule: 'budget.row-type-missing', inject: (wb) => set(wb, 'Driftbudget!B6', null), sheet: 'Driftbudget', cell: 'B6' },
  { rule: 'budget.sum', inject: (wb) => set(wb, 'Driftbudget!C5', 99), sheet: 'Driftbudget', cell: 'C5' },
  { rule: 'budget.final-sum', inject: (wb) => set(wb, 'Driftbudget!H7', 99), sheet: 'Driftbudget', cell: 'H7' },
  { rule: 'budget.deviation', inject: (wb) => set(wb, 'Driftbudget!F2', 5), sheet: 'Driftbudget', cell: 'F2' },
  { rule: 'budget.part-exceeds-whole', inject: (wb) => set(wb, 'Driftbudget!D3', 25), sheet: 'Driftbudget', cell: 'D3' },
  {
    rule: 'budget.part-without-whole',
    inject: (wb) => {
      set(wb, 'Driftbudget!B6', 'Varav');
      set(wb, 'Driftbudget!H6', null);
    },
    sheet: 'Driftbudget',
    cell: 'B6',
  },
  { rule: 'budget.sum-missing', inject: (wb) => set(wb, 'Driftbudget!B5', 'Justering'), sheet: 'Driftbudget', cell: 'B7' },
  { rule: 'plan-budget.row-type-missing', base: 'VP', inject: (wb) => set(wb, 'Budget kostnadsslag!B3', null), sheet: 'Budget kostnadsslag', cell: 'B3' },
  { rule: 'plan-budget.sum', base: 'VP', inject: (wb) => set(wb, 'Budget kostnadsslag!C15', 599000), sheet: 'Budget kostnadsslag', cell: 'C15' },
];

async function validateFile(file: string): Promise<{ code: number; findings: Finding[]; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['validate', file, '--json'], { log: (t) => (stdout += t), error: (t) => (stderr += t) });
  return { code, findings: stdout ? (JSON.parse(stdout) as Finding[]) : [], stderr };
}

describe('one fault per rule gives exactly that finding', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'planrapport-faults-'));
  const bases: Record<string, Buffer> = {};

  beforeAll(async () => {
    bases['T2'] = await fixtureBuffer(CLEAN_T2);
    bases['VP'] = await fixtureBuffer(CLEAN_VP);
  });

  test.each(['T2', 'VP'])('the clean %s workbook has no findings', async (base) => {
    const file = path.join(dir, `clean-${base}.xlsx`);
    writeFileSync(file, bases[base]!);
    const r = await validateFile(file);
    expect(r.findings).toEqual([]);
    expect(r.code).toBe(0);
  });

  test('every rule in the catalog has a case', () => {
    const covered = new Set(CASES.map((c) => c.rule));
    expect(RULE_IDS.filter((id) => !covered.has(id))).toEqual([]);
  });

  test.each(CASES.map((c) => [c.rule, c] as const))('%s', async (rule, c) => {
    const wb = await loadWorkbook(bases[c.base ?? 'T2']!);
    c.inject(wb);
    const file = path.join(dir, `${rule}.xlsx`);
    await writeWithControlCharacters(wb, file);
    const r = await validateFile(file);
    expect(r.findings.map((f) => ({ rule: f.rule, sheet: f.sheet, cell: f.cell }))).toEqual([{ rule, sheet: c.sheet, cell: c.cell }]);
    expect(r.findings[0]!.severity).toBe(RULES[rule].severity);
    expect(r.findings[0]!.message).toMatch(/[a-zåäö]/i);
    expect(r.code).toBe(RULES[rule].severity === 'error' ? 1 : 0);
  });
});
