/** What `import-previous` and `kolada` print and how they save (Swedish). */
import type { ValueImport } from '../usecases/importValues';
import type { XlsxHost } from '../hosts/xlsx/xlsxHost';
import { writeFileSafely, type Fingerprint, type Output } from './io';

export function formatImport(result: ValueImport, options: { overwrite: boolean; dryRun: boolean }): string[] {
  const lines: string[] = [];
  const written = result.changes.filter((c) => c.action === 'new' || c.action === 'overwrite');
  const kept = result.changes.filter((c) => c.action === 'kept' || c.action === 'formula');
  const cell = (c: ValueImport['changes'][number]) => `${c.sheet}!${c.cell} "${c.indicator}", ${c.column}:`;
  lines.push(written.length ? `${options.dryRun ? 'Skulle ändras' : 'Ändrades'} (${written.length}):` : 'Inga värden att ändra.');
  for (const c of written) lines.push(`  ${cell(c)} ${c.before || '(tom)'} → ${c.after}${c.action === 'overwrite' ? ' (skrevs över)' : ''}`);
  if (kept.length) {
    lines.push(`Behölls (${kept.length}) – ${options.overwrite ? 'formler skrivs aldrig över' : 'ditt värde skrivs bara över med --overwrite'}:`);
    for (const c of kept) lines.push(`  ${cell(c)} ${c.before} behölls (nytt värde: ${c.after})`);
  }
  if (result.unmatched.length) {
    lines.push(`Kunde inte matchas eller saknar värde (${result.unmatched.length}):`);
    for (const u of result.unmatched) lines.push(`  ${u}`);
  }
  for (const n of result.notes) lines.push(n);
  return lines;
}

/** Saves `host` to --out or over `file` (unless someone saved it meanwhile); exit status. */
export async function saveImport(file: string, target: string | undefined, host: XlsxHost, fingerprint: Fingerprint | undefined, out: Output): Promise<number> {
  const written = await writeFileSafely(target ?? file, await host.toBuffer(), target ? {} : { unchangedSince: fingerprint });
  if (written.beside) {
    out.error(
      `${file} ändrades av någon annan (eller ett annat program) medan Planrapport arbetade, så den skrevs inte över. Resultatet sparades i stället som ${written.written}.`,
    );
    return 1;
  }
  out.log(`Sparade ${written.written}.`);
  return 0;
}
