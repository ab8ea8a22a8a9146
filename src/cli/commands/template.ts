import { checkWritable, exists, parse, parseKind, parseTertial, parseYear, UsageError, writeFileSafely, type Output } from '../io';
import { loadTemplate, loadXlsxHost } from '../lazy';
import { openWorkbook } from '../workbook';

/** Exit status when the workbook changed on disk meanwhile and the result went beside it. */
export const WRITTEN_BESIDE = 1;

export async function templateCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = parse(args, {
    kind: { type: 'string' },
    year: { type: 'string' },
    tertial: { type: 'string' },
    org: { type: 'string' },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1)
    throw new UsageError('Ange en (1) arbetsbok, t.ex. planrapport template plan.xlsx --kind tertialrapport --year 2025 --tertial 1.');
  if (!/\.xlsx$/i.test(file)) throw new UsageError(`${file}: arbetsboken ska vara en .xlsx-fil.`);
  const kind = parseKind(values.kind);
  const year = parseYear(values.year);
  const tertial = parseTertial(values.tertial);
  if (tertial && kind && kind !== 'tertialrapport') throw new UsageError('--tertial gäller bara tertialrapport.');

  const existed = await exists(file);
  if (existed) await checkWritable(file); // a read-only workbook fails now, not after the work
  if (!existed && (!kind || !year)) throw new UsageError(`${file} finns inte: ange --kind och --year för att skapa den.`);
  if (!existed && kind === 'tertialrapport' && !tertial) throw new UsageError('En tertialrapport behöver --tertial 1 eller 2.');
  // what was read is fingerprinted: a save made meanwhile (in Excel, by a colleague) is never overwritten
  const { host, fingerprint } = existed ? await openWorkbook(file, { fingerprint: true }) : { host: loadXlsxHost().create(), fingerprint: undefined };
  const result = await loadTemplate().applyTemplate(host, { kind, year, tertial, organisation: values.org });
  const written = await writeFileSafely(file, await host.toBuffer(), { unchangedSince: fingerprint ?? 'absent' });
  if (written.beside) {
    out.error(
      existed
        ? `${file} ändrades av någon annan (eller ett annat program) medan Planrapport arbetade, så den skrevs inte över. Resultatet sparades i stället som ${written.written}. Stäng arbetsboken i Excel, jämför filerna och kör kommandot igen på den version du vill behålla.`
        : `${file} skapades av någon annan medan Planrapport arbetade, så den skrevs inte över. Den nya mallen sparades i stället som ${written.written}.`,
    );
    return WRITTEN_BESIDE;
  }
  out.log(existed ? `Uppdaterade ${file}.` : `Skapade ${file}.`);
  for (const note of result.notes) if (existed) out.log(`  ${note}`);
  return 0;
}
