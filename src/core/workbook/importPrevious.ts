/**
 * Last year's outcomes from last year's verksamhetsberättelse: fills "Periodens utfall VB
 * <år−1>" of this workbook by matching its indicators with the VB's — by Kolada-id where both
 * have one, else by name (normalised; the goal id settles a name that occurs twice). Pure;
 * what did not match is reported, and typed values are kept unless the user allows
 * overwriting (see valueImport.ts).
 */
import type { Indicator } from '../model/plan';
import { periodName } from '../model/period';
import type { WorkbookSnapshot } from './snapshot';
import { readPlan } from './readPlan';
import { emptyImport, IndicatorWriter, valueInput, type ValueImport } from './valueImport';

export interface ImportPreviousOptions {
  overwrite?: boolean;
  /** How the source is named in messages and in Källa, e.g. its file name. */
  sourceName?: string;
}

/** The form names are compared in: case, spaces, dashes and a closing full stop do not matter. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[.:;,\s]+$/, '')
    .trim();
}

function unitForm(unit: string): string {
  return unit.trim().toLowerCase().replace(/\.$/, '');
}

interface Match {
  source?: Indicator;
  why?: string;
}

function matcher(sources: readonly Indicator[]) {
  const byKolada = new Map<string, Indicator[]>();
  const byName = new Map<string, Indicator[]>();
  for (const s of sources) {
    if (s.koladaId) byKolada.set(s.koladaId.trim().toUpperCase(), [...(byKolada.get(s.koladaId.trim().toUpperCase()) ?? []), s]);
    const n = normaliseName(s.name);
    if (n) byName.set(n, [...(byName.get(n) ?? []), s]);
  }
  return (target: Indicator): Match => {
    const id = target.koladaId?.trim().toUpperCase();
    const viaId = id ? byKolada.get(id) : undefined;
    if (viaId?.length === 1) return { source: viaId[0] };
    const named = (viaId && viaId.length > 1 ? viaId : byName.get(normaliseName(target.name))) ?? [];
    if (named.length === 1) return { source: named[0] };
    if (named.length > 1) {
      const sameGoal = named.filter((s) => s.goalId === target.goalId);
      if (sameGoal.length === 1) return { source: sameGoal[0] };
      return {
        why: `finns ${named.length} gånger i verksamhetsberättelsen (rad ${named.map((s) => s.source.row).join(', ')}); ge dem samma Mål-id som här eller ett Kolada-id`,
      };
    }
    return { why: 'finns inte i verksamhetsberättelsen (varken samma Kolada-id eller samma namn)' };
  };
}

export function planImportPrevious(target: WorkbookSnapshot, source: WorkbookSnapshot, options: ImportPreviousOptions = {}): ValueImport {
  const result = emptyImport();
  const here = readPlan(target).plan;
  const there = readPlan(source).plan;
  const sourceName = options.sourceName ?? 'den andra arbetsboken';
  if (!here.info.year) {
    result.problems.push('År saknas i fliken Dokument, så Planrapport vet inte vilket års utfall som behövs. Fyll i År och försök igen.');
    return result;
  }
  const year = here.info.year - 1;
  if (there.info.kind !== 'verksamhetsberattelse' || there.info.year !== year) {
    const what =
      there.info.kind && there.info.year
        ? periodName({ kind: there.info.kind, year: there.info.year, tertial: there.info.tertial })
        : 'ingen läsbar Dokumenttyp och År';
    result.problems.push(`${sourceName} har ${what}, men Periodens utfall VB ${year} ska komma från verksamhetsberättelsen för ${year}. Välj den arbetsboken.`);
    return result;
  }
  const writer = IndicatorWriter.open(target, result, !!options.overwrite, here.info.year);
  if (!writer) return result;
  if (!writer.has('previousOutcome')) {
    result.problems.push(`Kolumnen "Periodens utfall VB ${year}" saknas i Indikatorer. Kör "planrapport template" (eller Uppdatera mallar) först.`);
    return result;
  }
  const match = matcher(there.indicators);
  const used = new Set<Indicator>();
  for (const ind of here.indicators) {
    const label = ind.name || `rad ${ind.source.row}`;
    const { source: s, why } = match(ind);
    if (!s) {
      result.unmatched.push(`Indikatorer rad ${ind.source.row} "${label}": ${why}.`);
      continue;
    }
    used.add(s);
    if (unitForm(s.unit) !== unitForm(ind.unit)) {
      result.unmatched.push(
        `Indikatorer rad ${ind.source.row} "${label}": enheten är ${ind.unit || 'tal'} här men ${s.unit || 'tal'} i verksamhetsberättelsen (rad ${s.source.row}); värdet fördes inte över.`,
      );
      continue;
    }
    const value = valueInput(s.outcome);
    if (value === undefined) {
      result.unmatched.push(`Indikatorer rad ${ind.source.row} "${label}": Periodens utfall saknas i verksamhetsberättelsen (rad ${s.source.row}).`);
      continue;
    }
    if (writer.propose(ind.source.row, 'previousOutcome', value, ind.unit, label))
      writer.source(ind.source.row, 'Utfall VB', `Utfall VB ${year}: ${sourceName}`);
  }
  for (const s of there.indicators) {
    if (!used.has(s) && s.name) result.notes.push(`I verksamhetsberättelsen men inte här: "${s.name}" (rad ${s.source.row}).`);
  }
  writer.finish();
  return result;
}
