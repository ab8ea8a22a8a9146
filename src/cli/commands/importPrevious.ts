import path from 'node:path';
import { SHEET_NAMES } from '../../core/layout/layout';
import { FileError } from '../errors';
import { formatImport, saveImport } from '../imports';
import { checkWritable, parse, sameFile, UsageError, type Output } from '../io';
import { loadImports } from '../lazy';
import { openWorkbook } from '../workbook';

/** `import-previous <this.xlsx> --from <last-vb.xlsx> [--overwrite] [--dry-run] [--out <to.xlsx>]`. */
export async function importPreviousCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = parse(args, {
    from: { type: 'string' },
    overwrite: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    out: { type: 'string' },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('Ange en (1) arbetsbok, t.ex. planrapport import-previous plan-2026.xlsx --from vb-2025.xlsx.');
  if (!values.from) throw new UsageError('Ange förra årets verksamhetsberättelse med --from, t.ex. --from vb-2025.xlsx.');
  if (await sameFile(file, values.from)) throw new FileError(`--from ${values.from} är samma fil som ${file}. Ange förra årets verksamhetsberättelse.`);
  if (values.out && !/\.xlsx$/i.test(values.out)) throw new UsageError(`${values.out}: arbetsboken ska sparas som .xlsx.`);
  if (values.out && (await sameFile(values.from, values.out)))
    throw new FileError(`--out ${values.out} är verksamhetsberättelsen, som aldrig skrivs över. Välj ett annat namn.`);
  const dryRun = !!values['dry-run'];
  if (!dryRun) await checkWritable(values.out ?? file);
  const { host, fingerprint } = await openWorkbook(file, { fingerprint: !dryRun && !values.out });
  const source = await (await openWorkbook(values.from)).host.read(SHEET_NAMES);
  const { previewImportPrevious, importPrevious } = loadImports();
  const options = { overwrite: !!values.overwrite, sourceName: path.basename(values.from) };
  const result = dryRun ? await previewImportPrevious(host, source, options) : await importPrevious(host, source, options);
  if (result.problems.length) {
    out.error(result.problems.join('\n'));
    return 2;
  }
  for (const line of formatImport(result, { overwrite: options.overwrite, dryRun })) out.log(line);
  if (dryRun) return 0;
  return result.edits.length ? saveImport(file, values.out, host, fingerprint, out) : 0;
}
