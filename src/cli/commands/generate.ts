import { promises as fs } from 'node:fs';
import { XlsxHost } from '../../hosts/xlsx/xlsxHost';
import { generateReport } from '../../usecases/generate';
import { notATemplate, summaryLine } from '../format';
import { parse, UsageError, writeFileSafely, type Output } from '../io';

export async function generateCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string' }, 'exact-pages': { type: 'boolean' } });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('Ange en (1) arbetsbok, t.ex. planrapport generate plan.xlsx --out rapport.docx.');
  if (!values.out) throw new UsageError('Ange var rapporten ska sparas med --out, t.ex. --out rapport.docx.');
  if (!/\.docx$/i.test(values.out)) throw new UsageError(`${values.out}: rapporten ska sparas som .docx.`);
  const host = await XlsxHost.open(file);
  // --exact-pages: the contents' page numbers from docx's layout engine, as Word lays the pages out (seconds)
  const report = await generateReport(host, { pageNumbers: values['exact-pages'] ? 'layout' : 'estimate' });
  if (!report.validation.reading.isTemplate) {
    out.error(notATemplate(file));
    return 2;
  }
  await writeFileSafely(values.out, (tmp) => fs.writeFile(tmp, report.bytes));
  out.log(`Skrev ${values.out} (${report.model.title}).`);
  out.log(`Validering: ${summaryLine(report.validation)}${report.validation.findings.length ? ` Kör "planrapport validate ${file}" för detaljer.` : ''}`);
  return 0;
}
