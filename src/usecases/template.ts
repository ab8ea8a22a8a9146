/** Use-case: create the template sheets, or add what an existing workbook lacks. */
import { planTemplate, TEMPLATE_SHEETS, type TemplateOptions } from '../core/workbook/template';
import type { WorkbookHost } from '../hosts/port';

export interface TemplateResult {
  notes: string[];
  edits: number;
}

export async function applyTemplate(host: WorkbookHost, options: TemplateOptions): Promise<TemplateResult> {
  return host.update(TEMPLATE_SHEETS, (snapshot) => {
    const plan = planTemplate(snapshot, options);
    return { edits: plan.edits, result: { notes: plan.notes, edits: plan.edits.length } };
  });
}
