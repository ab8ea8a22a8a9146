import path from 'node:path';
import { periodName } from '../../core/model/period';
import { isValidIso } from '../../core/values/dates';
import { FileError } from '../errors';
import { summaryLine } from '../format';
import { checkWritable, exists, parse, parseKind, parseTertial, parseYear, sameFile, UsageError, writeFileSafely, type Output } from '../io';
import { loadNextPeriod } from '../lazy';
import { openWorkbook } from '../workbook';

/** `next <from.xlsx> --kind <kind> [--year] [--tertial] [--date] --out <to.xlsx>`: the next period, written to --out only. */
export async function nextCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = parse(args, {
    kind: { type: 'string' },
    year: { type: 'string' },
    tertial: { type: 'string' },
    date: { type: 'string' },
    out: { type: 'string' },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    throw new UsageError('Ange en (1) arbetsbok, t.ex. planrapport next plan-2025.xlsx --kind tertialrapport --tertial 1 --out tertial-1-2025.xlsx.');
  }
  const kind = parseKind(values.kind);
  if (!kind) throw new UsageError('Ange vilken period som ska skapas med --kind (verksamhetsplan, tertialrapport eller verksamhetsberattelse).');
  const year = parseYear(values.year);
  const tertial = parseTertial(values.tertial);
  if (tertial && kind !== 'tertialrapport') throw new UsageError('--tertial gäller bara tertialrapport.');
  if (values.date !== undefined && !isValidIso(values.date)) throw new UsageError(`Datumet "${values.date}" ska skrivas ÅÅÅÅ-MM-DD, t.ex. 2025-05-20.`);
  if (!values.out) throw new UsageError('Ange var den nya arbetsboken ska sparas med --out, t.ex. --out tertial-1-2025.xlsx. Ursprungsfilen ändras aldrig.');
  if (!/\.xlsx$/i.test(values.out)) throw new UsageError(`${values.out}: den nya arbetsboken ska sparas som .xlsx.`);
  if (await sameFile(file, values.out)) {
    throw new FileError(
      `--out ${values.out} är samma fil som ${file}, som aldrig skrivs över av next. Välj ett nytt namn, t.ex. --out ${path.basename(values.out, '.xlsx')}-ny.xlsx.`,
    );
  }
  if (await exists(values.out)) {
    throw new FileError(`${values.out} finns redan och skrivs inte över. Välj ett annat namn eller flytta bort den filen först.`);
  }
  await checkWritable(values.out);
  const { host } = await openWorkbook(file);
  const { nextPeriod, validateWorkbook, otherFindings } = loadNextPeriod();
  const result = await nextPeriod(host, { kind, year, tertial, date: values.date });
  if (result.problems.length) {
    out.error(result.problems.join('\n'));
    return 2;
  }
  await writeFileSafely(values.out, await host.toBuffer(), { unchangedSince: 'absent' });
  out.log(`Skrev ${values.out}: ${periodName(result.to!)}, från ${file} (${periodName(result.from!)}, som inte ändrades).`);
  const carried = result.carried.filter((c) => c.rows > 0).map((c) => `${c.sheet} ${c.rows}`);
  if (carried.length) out.log(`  Fördes över (rader): ${carried.join(', ')}.`);
  const cleared = result.cleared.map((c) => `${c.sheet} ${c.header} ${c.cells}`);
  out.log(cleared.length ? `  Tömdes för den nya perioden (celler): ${cleared.join(', ')}.` : '  Inget behövde tömmas.');
  if (result.previousOutcomes) out.log(`  ${result.previousOutcomes} utfall från verksamhetsberättelsen fördes till Periodens utfall VB ${result.from!.year}.`);
  for (const note of [...result.notes, ...result.templateNotes]) out.log(`  ${note}`);
  const report = await validateWorkbook(host);
  const others = otherFindings(report);
  const fillIn = report.findings.length - others.length;
  const which = !report.findings.length
    ? ''
    : others.length === 0
      ? ' Alla är sådant som ska fyllas i för den nya perioden (utfall, prognoser, bedömningar, statusar, texter).'
      : ` ${fillIn} av dem är sådant som ska fyllas i för den nya perioden; ${others.length} fanns redan eller gäller annat.`;
  out.log(`Validering: ${summaryLine(report)}${which} Kör "planrapport validate ${values.out}" för detaljer.`);
  return 0;
}
