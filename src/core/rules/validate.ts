/**
 * The validator: the findings from reading the workbook, then every rule over the plan.
 * Pure; used by `planrapport validate`, by the task pane's Validera panel and by generate.
 */
import { DOKUMENT, SHEETS } from '../layout/layout';
import { columnIndex } from '../cells/address';
import type { ReadResult } from '../workbook/readPlan';
import { activityRules } from './activities';
import { budgetRules, planBudgetRules, unitBudgetRules } from './budget';
import { RuleContext, type RuleOptions } from './context';
import type { Finding } from '../findings/finding';
import { goalRules } from './goals';
import { indicatorRules } from './indicators';
import { tableRules } from './tables';
import { textRules } from './texts';

function documentRules(ctx: RuleContext, reading: ReadResult) {
  if (!reading.presentSheets.includes(DOKUMENT.name)) return;
  const { info } = ctx.plan;
  const bad = new Set(reading.findings.filter((f) => f.sheet === DOKUMENT.name).map((f) => f.rule));
  const missing = (
    rule: 'document.kind-missing' | 'document.year-missing' | 'document.tertial-missing' | 'document.organisation-missing',
    label: string,
    what: string,
  ) => ctx.reportAt(rule, DOKUMENT.name, '', `Dokument: ${label} saknas. ${what}`);
  if (!info.kind && !bad.has('document.kind'))
    missing('document.kind-missing', 'Dokumenttyp', 'Välj Verksamhetsplan, Tertialrapport eller Verksamhetsberättelse i raden Dokumenttyp.');
  if (!info.year && !bad.has('document.year')) missing('document.year-missing', 'År', 'Skriv året dokumentet gäller i raden År.');
  if (info.kind === 'tertialrapport' && !info.tertial && !bad.has('document.tertial'))
    missing('document.tertial-missing', 'Tertial', 'Skriv 1 eller 2 i raden Tertial.');
  if (!info.organisation) missing('document.organisation-missing', 'Organisation', 'Skriv nämndens eller enhetens namn i raden Organisation.');
}

/** Places findings in sheet order, then by row and column, errors first within a cell. */
function sortFindings(findings: Finding[], sheetOrder: string[]): Finding[] {
  const order = (s: string) => {
    const i = sheetOrder.indexOf(s);
    return i < 0 ? 999 : i;
  };
  const pos = (cell: string) => {
    const m = /^([A-Z]+)(\d+)/.exec(cell);
    if (!m) return [0, 0];
    return [Number(m[2]), columnIndex(m[1]!)];
  };
  // each finding's sort key once, not at every comparison
  return findings
    .map((f, i) => {
      const [r, c] = pos(f.cell);
      return { f, i, s: order(f.sheet), r: r!, c: c! };
    })
    .sort((a, b) => {
      return a.s - b.s || a.r - b.r || a.c - b.c || (a.f.severity === b.f.severity ? 0 : a.f.severity === 'error' ? -1 : 1) || a.i - b.i;
    })
    .map((x) => x.f);
}

export function validate(reading: ReadResult, options: RuleOptions = {}): Finding[] {
  const ctx = new RuleContext(reading.plan, reading.columns, options);
  documentRules(ctx, reading);
  textRules(ctx);
  const goals = goalRules(ctx);
  indicatorRules(ctx, goals);
  activityRules(ctx, goals);
  budgetRules(ctx);
  planBudgetRules(ctx);
  unitBudgetRules(ctx);
  tableRules(ctx);
  const order = SHEETS.map((s) => s.name);
  return sortFindings([...reading.findings, ...ctx.findings], order);
}
