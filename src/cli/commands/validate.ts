import { parse, UsageError, type Output } from '../io';
import { formatFindings, notATemplate } from '../format';
import { loadValidate } from '../lazy';
import { openWorkbook } from '../workbook';

export async function validateCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('Ange en (1) arbetsbok, t.ex. planrapport validate plan.xlsx.');
  const { host } = await openWorkbook(file);
  const report = await loadValidate().validateWorkbook(host);
  if (!report.reading.isTemplate) {
    out.error(notATemplate(file));
    return 2;
  }
  if (values.json) out.log(JSON.stringify(report.findings, null, 2));
  else out.log(formatFindings(file, report));
  return report.errors > 0 ? 1 : 0;
}
