import { readFile } from 'node:fs/promises';
import { onFile } from '../errors';
import { formatImport, saveImport } from '../imports';
import { checkWritable, parse, UsageError, type Output } from '../io';
import { loadImports } from '../lazy';
import { openWorkbook } from '../workbook';

/**
 * `kolada <file.xlsx> (--data <response.json> | --fetch) [--area <id>] [--overwrite] [--dry-run] [--out <to.xlsx>]`:
 * Kolada's figures into Periodens utfall, Utfall kvinnor/flickor, Utfall män/pojkar and Periodens utfall VB.
 */
export async function koladaCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = parse(args, {
    data: { type: 'string' },
    fetch: { type: 'boolean' },
    area: { type: 'string' },
    overwrite: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    out: { type: 'string' },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('Ange en (1) arbetsbok, t.ex. planrapport kolada plan.xlsx --data kolada.json.');
  if (!values.data === !values.fetch) {
    throw new UsageError('Ange antingen --data <svar.json> (ett sparat svar från Kolada) eller --fetch (hämta direkt från api.kolada.se).');
  }
  if (values.out && !/\.xlsx$/i.test(values.out)) throw new UsageError(`${values.out}: arbetsboken ska sparas som .xlsx.`);
  const dryRun = !!values['dry-run'];
  if (!dryRun) await checkWritable(values.out ?? file);
  const imports = loadImports();
  let records;
  if (values.data) {
    const dataFile = values.data;
    const text = await onFile(dataFile, 'read', () => readFile(dataFile, 'utf8'));
    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      throw new UsageError(
        `${dataFile} är ingen JSON-fil. Spara svaret från Kolada som det kommer (t.ex. från https://api.kolada.se/v2/data/kpi/N00945/municipality/0180/year/2024).`,
      );
    }
    try {
      records = imports.parseKoladaResponse(json, dataFile).records;
    } catch (e) {
      if (e instanceof imports.KoladaFormatError) {
        out.error(e.message);
        return 2;
      }
      throw e;
    }
  }
  const { host, fingerprint } = await openWorkbook(file, { fingerprint: !dryRun && !values.out });
  if (!records) {
    const query = await imports.koladaQueryOf(host);
    if (values.area) {
      query.area = values.area.trim();
      query.isUnit = imports.isUnitId(query.area);
    }
    if (!query.area) throw new UsageError('Fyll i Kolada kommun/enhet i fliken Dokument (t.ex. 0180) eller ange --area.');
    if (!query.kpis.length) throw new UsageError('Ingen indikator har Kolada-id. Skriv nyckeltalets id (t.ex. N00945) i kolumnen Kolada-id i Indikatorer.');
    try {
      records = await imports.fetchKolada((url) => fetch(url), query, { base: process.env['PLANRAPPORT_KOLADA_API'] || undefined });
    } catch (e) {
      if (e instanceof imports.KoladaUnavailableError) {
        // on the command line a saved response is the way round it (the pane says only what it can do)
        out.error(
          `${e.message} Du kan också öppna adressen i en webbläsare, spara svaret som fil och läsa in det med "planrapport kolada <arbetsbok> --data <fil.json>".`,
        );
        return 2;
      }
      throw e;
    }
  }
  const options = { overwrite: !!values.overwrite, area: values.area };
  const result = dryRun ? await imports.previewKolada(host, records, options) : await imports.importKolada(host, records, options);
  if (result.problems.length) {
    out.error(result.problems.join('\n'));
    return 2;
  }
  for (const line of formatImport(result, { overwrite: options.overwrite, dryRun })) out.log(line);
  if (dryRun) return 0;
  return result.edits.length ? saveImport(file, values.out, host, fingerprint, out) : 0;
}
