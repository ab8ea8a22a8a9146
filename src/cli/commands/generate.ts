import { FileError } from '../errors';
import { notATemplate, summaryLine } from '../format';
import { checkWritable, parse, sameFile, UsageError, writeFileSafely, type Output } from '../io';
import { loadGenerate } from '../lazy';
import { openWorkbook } from '../workbook';
import { readLogo } from '../logo';
import { convertToPdf, findSoffice, pdfPathFor, sofficeMissingMessage } from '../pdf';

export async function generateCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = parse(args, {
    out: { type: 'string' },
    'exact-pages': { type: 'boolean' },
    pdf: { type: 'boolean' },
    logo: { type: 'string' },
    'logo-alt': { type: 'string' },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('Ange en (1) arbetsbok, t.ex. planrapport generate plan.xlsx --out rapport.docx.');
  if (!values.out) throw new UsageError('Ange var rapporten ska sparas med --out, t.ex. --out rapport.docx.');
  if (await sameFile(file, values.out)) {
    throw new FileError(
      `--out ${values.out} är samma fil som arbetsboken ${file}, som då skulle skrivas över. Välj ett annat namn för rapporten, t.ex. --out rapport.docx.`,
    );
  }
  if (!/\.docx$/i.test(values.out)) throw new UsageError(`${values.out}: rapporten ska sparas som .docx.`);
  await checkWritable(values.out); // a read-only or misnamed target fails now, not after the work
  if (values['logo-alt'] !== undefined && !values.logo)
    throw new UsageError('--logo-alt är alternativtexten till en logotyp: ange bilden med --logo, t.ex. --logo logga.png.');
  const logo = values.logo ? await readLogo(values.logo, values['logo-alt']) : undefined;
  // --pdf: LibreOffice must be there before anything is written
  const pdf = values.pdf ? pdfPathFor(values.out) : undefined;
  const soffice = pdf ? await findSoffice() : undefined;
  if (pdf && !soffice) throw new FileError(sofficeMissingMessage());
  if (pdf) await checkWritable(pdf);
  const { host } = await openWorkbook(file);
  // --exact-pages: the contents' page numbers from docx's layout engine, as Word lays the pages out (seconds)
  const report = await loadGenerate().generateReport(host, { pageNumbers: values['exact-pages'] ? 'layout' : 'estimate', logo });
  if (!report.validation.reading.isTemplate) {
    out.error(notATemplate(file));
    return 2;
  }
  await writeFileSafely(values.out, report.bytes);
  out.log(`Skrev ${values.out} (${report.model.title}).`);
  if (pdf && soffice) {
    try {
      await writeFileSafely(pdf, await convertToPdf(soffice, report.bytes));
    } catch (e) {
      if (e instanceof FileError) throw new FileError(`${e.message} (Word-dokumentet ${values.out} är skrivet.)`, e.code);
      throw e;
    }
    out.log(`Skrev ${pdf} (taggad PDF för publicering, PDF/UA).`);
  }
  out.log(`Validering: ${summaryLine(report.validation)}${report.validation.findings.length ? ` Kör "planrapport validate ${file}" för detaljer.` : ''}`);
  return 0;
}
