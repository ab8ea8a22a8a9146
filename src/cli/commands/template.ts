import { XlsxHost } from '../../hosts/xlsx/xlsxHost';
import { applyTemplate } from '../../usecases/template';
import { exists, parse, parseKind, parseTertial, parseYear, UsageError, writeFileSafely, type Output } from '../io';

export async function templateCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = parse(args, {
    kind: { type: 'string' },
    year: { type: 'string' },
    tertial: { type: 'string' },
    org: { type: 'string' },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('Ange en (1) arbetsbok, t.ex. planrapport template plan.xlsx --kind tertialrapport --year 2025 --tertial 1.');
  if (!/\.xlsx$/i.test(file)) throw new UsageError(`${file}: arbetsboken ska vara en .xlsx-fil.`);
  const kind = parseKind(values.kind);
  const year = parseYear(values.year);
  const tertial = parseTertial(values.tertial);
  if (tertial && kind && kind !== 'tertialrapport') throw new UsageError('--tertial gäller bara tertialrapport.');

  const existed = await exists(file);
  if (!existed && (!kind || !year)) throw new UsageError(`${file} finns inte: ange --kind och --year för att skapa den.`);
  if (!existed && kind === 'tertialrapport' && !tertial) throw new UsageError('En tertialrapport behöver --tertial 1 eller 2.');
  const host = existed ? await XlsxHost.open(file) : XlsxHost.create();
  const result = await applyTemplate(host, { kind, year, tertial, organisation: values.org });
  await writeFileSafely(file, (tmp) => host.save(tmp));
  out.log(existed ? `Uppdaterade ${file}.` : `Skapade ${file}.`);
  for (const note of result.notes) if (existed) out.log(`  ${note}`);
  return 0;
}
