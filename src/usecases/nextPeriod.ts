/**
 * Use-case: the next period of the planning year ("Ny period", `planrapport next`). One
 * transaction: the next period's edits (src/core/workbook/nextPeriod.ts, following each
 * column's declared `carry`) and, over their result, the template's (new columns and
 * fields, the year's headers, formulas, checks). Host-agnostic: the CLI runs it on a copy
 * of the file it writes to --out; the task pane on the open workbook (see README).
 */
import { planNextPeriod, type NextPeriodOptions, type NextPeriodPlan } from '../core/workbook/nextPeriod';
import { applyToSnapshot } from '../core/workbook/simulate';
import { planTemplate, TEMPLATE_SHEETS } from '../core/workbook/template';
import type { Finding } from '../core/findings/finding';
import type { WorkbookHost } from '../hosts/port';
import type { ValidationReport } from './validate';

export type { NextPeriodOptions } from '../core/workbook/nextPeriod';

export interface NextPeriodResult extends NextPeriodPlan {
  /** The template's notes over the result (columns and fields added). */
  templateNotes: string[];
}

export async function nextPeriod(host: WorkbookHost, options: NextPeriodOptions): Promise<NextPeriodResult> {
  return host.update(TEMPLATE_SHEETS, (snapshot) => {
    const plan = planNextPeriod(snapshot, options);
    if (plan.problems.length || !plan.to) return { edits: [], result: { ...plan, templateNotes: [] } };
    const template = planTemplate(applyToSnapshot(snapshot, plan.edits), { kind: plan.to.kind, year: plan.to.year, tertial: plan.to.tertial });
    const added = template.edits.filter((e) => e.op === 'addSheet');
    const rest = template.edits.filter((e) => e.op !== 'addSheet');
    return { edits: [...added, ...plan.edits, ...rest], result: { ...plan, templateNotes: template.notes } };
  });
}

/**
 * The findings that only ask for what a new period fills in: outcomes, forecasts, assessments,
 * statuses and texts. After `nextPeriod` a workbook that validated before has no others.
 */
export const FILL_IN_RULES: ReadonlySet<string> = new Set([
  'indicator.outcome-missing',
  'indicator.forecast-missing',
  'goal.assessment-missing',
  'activity.overdue',
  'text.section-missing',
]);

export function isFillIn(f: Finding): boolean {
  return FILL_IN_RULES.has(f.rule);
}

/** The findings of a validation that are not "fill in". */
export function otherFindings(report: ValidationReport): Finding[] {
  return report.findings.filter((f) => !isFillIn(f));
}
