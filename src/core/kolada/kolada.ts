/**
 * Kolada (the national KPI database, api.kolada.se v2): its data responses read, and their
 * figures planned into Indikatorer — T (total) into Periodens utfall, K into Utfall
 * kvinnor/flickor, M into Utfall män/pojkar for the document's year, and T of the year before
 * into Periodens utfall VB. Percentages come as 0–100 and go into `%` rows as fractions.
 * Pure: fetching is src/hosts/kolada; consent and Källa are valueImport.ts.
 */
import { isFollowUp } from '../model/plan';
import { readPlan } from '../workbook/readPlan';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import { emptyImport, IndicatorWriter, tidy, type IndicatorKey, type ValueImport } from '../workbook/valueImport';

/** One gender's figure: `T` total, `K` kvinnor, `M` män; `value` null when Kolada has none (see `status`). */
export interface KoladaValue {
  gender: string;
  value: number | null;
  status?: string;
  count?: number;
}

/** One KPI for one municipality (`/v2/data`) or organisational unit (`/v2/oudata`) and year. */
export interface KoladaRecord {
  kpi: string;
  municipality?: string;
  ou?: string;
  period: number;
  values: KoladaValue[];
}

/** A page of a data response: `{ values, count, next_page?, previous_page? }`. */
export interface KoladaPage {
  records: KoladaRecord[];
  nextPage?: string;
}

/** A response Planrapport cannot read; the message is Swedish. */
export class KoladaFormatError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function record(raw: unknown, at: string): KoladaRecord {
  if (!isObject(raw) || typeof raw['kpi'] !== 'string' || !Array.isArray(raw['values'])) {
    throw new KoladaFormatError(`${at}: posten saknar "kpi" eller "values", så det är inget datasvar från Kolada (/v2/data eller /v2/oudata).`);
  }
  const period = Number(raw['period']);
  if (!Number.isInteger(period)) throw new KoladaFormatError(`${at}: "period" (${JSON.stringify(raw['period'])}) är inget årtal.`);
  const area = (k: string) => (typeof raw[k] === 'string' || typeof raw[k] === 'number' ? String(raw[k]) : undefined);
  const values: KoladaValue[] = raw['values'].map((v, i) => {
    if (!isObject(v) || typeof v['gender'] !== 'string') throw new KoladaFormatError(`${at}, värde ${i + 1}: "gender" saknas.`);
    const value = v['value'] === null || v['value'] === undefined ? null : Number(v['value']);
    if (value !== null && !Number.isFinite(value)) throw new KoladaFormatError(`${at}, värde ${i + 1}: "value" (${JSON.stringify(v['value'])}) är inget tal.`);
    return {
      gender: v['gender'].toUpperCase(),
      value,
      status: typeof v['status'] === 'string' && v['status'] ? v['status'] : undefined,
      count: typeof v['count'] === 'number' ? v['count'] : undefined,
    };
  });
  return { kpi: raw['kpi'].trim().toUpperCase(), municipality: area('municipality'), ou: area('ou'), period, values };
}

/**
 * Reads a data response — one page `{ values: [...] }`, several pages in an array, or the
 * records themselves in an array — into records and the next page's address.
 */
export function parseKoladaResponse(json: unknown, name = 'Svaret'): KoladaPage {
  const pages = Array.isArray(json) && json.every((p) => isObject(p) && Array.isArray(p['values']) && !('kpi' in p)) ? json : [json];
  const records: KoladaRecord[] = [];
  let nextPage: string | undefined;
  pages.forEach((page, p) => {
    const at = pages.length > 1 ? `${name}, sida ${p + 1}` : name;
    const list = Array.isArray(page) ? page : isObject(page) && Array.isArray(page['values']) ? page['values'] : undefined;
    if (!list)
      throw new KoladaFormatError(
        `${at} har inget "values", så det är inget datasvar från Kolada. Spara svaret från t.ex. https://api.kolada.se/v2/data/kpi/N00945/municipality/0180/year/2024.`,
      );
    list.forEach((r, i) => records.push(record(r, `${at}, post ${i + 1}`)));
    if (isObject(page) && typeof page['next_page'] === 'string' && page['next_page']) nextPage = page['next_page'];
  });
  return { records, nextPage };
}

/** Which KPIs, area and years a workbook needs from Kolada (for a fetch). */
export interface KoladaQuery {
  kpis: string[];
  area?: string;
  years: number[];
  /** Organisational units (V15E…) are in /v2/oudata, municipalities in /v2/data. */
  isUnit: boolean;
}

export function isUnitId(area: string): boolean {
  return !/^\d{4}$/.test(area.trim());
}

export function koladaQuery(snapshot: WorkbookSnapshot): KoladaQuery {
  const { info, indicators } = readPlan(snapshot).plan;
  const kpis = [...new Set(indicators.map((i) => i.koladaId?.trim().toUpperCase()).filter((k): k is string => !!k))];
  const years = info.year ? (info.kind && isFollowUp(info.kind) ? [info.year - 1, info.year] : [info.year - 1]) : [];
  const area = info.koladaArea?.trim() || undefined;
  return { kpis, area, years, isUnit: area ? isUnitId(area) : false };
}

const GENDER_COLUMN: Record<string, IndicatorKey> = { T: 'outcome', K: 'outcomeWomen', M: 'outcomeMen' };
const GENDER_WORD: Record<string, string> = { T: 'totalt', K: 'kvinnor', M: 'män' };

export interface KoladaImportOptions {
  overwrite?: boolean;
  /** The municipality or unit; default the Dokument field Kolada kommun/enhet. */
  area?: string;
}

export function planKoladaImport(snapshot: WorkbookSnapshot, records: readonly KoladaRecord[], options: KoladaImportOptions = {}): ValueImport {
  const result = emptyImport();
  const { info, indicators } = readPlan(snapshot).plan;
  if (!info.year) {
    result.problems.push('År saknas i fliken Dokument, så Planrapport vet inte vilket års värden som ska hämtas. Fyll i År och försök igen.');
    return result;
  }
  const areaOf = (r: KoladaRecord) => r.ou ?? r.municipality ?? '';
  let area = options.area?.trim() || info.koladaArea?.trim();
  if (!area) {
    const areas = [...new Set(records.map(areaOf))];
    if (areas.length !== 1) {
      result.problems.push(
        `Fyll i Kolada kommun/enhet i fliken Dokument (t.ex. 0180 för Stockholm eller enhetens id som V15E018000101); svaret har värden för ${areas.length ? areas.join(', ') : 'ingen kommun eller enhet'}.`,
      );
      return result;
    }
    area = areas[0]!;
    result.notes.push(`Dokument saknar Kolada kommun/enhet; värdena gäller ${area}, den enda i svaret. Fyll gärna i fältet.`);
  }
  const writer = IndicatorWriter.open(snapshot, result, !!options.overwrite, info.year);
  if (!writer) return result;
  const followUp = !!info.kind && isFollowUp(info.kind);
  const years = followUp ? [info.year, info.year - 1] : [info.year - 1];
  const byKey = new Map<string, KoladaRecord>();
  for (const r of records) if (areaOf(r) === area) byKey.set(`${r.kpi}|${r.period}`, r);
  const usedKpis = new Set<string>();
  const withId = indicators.filter((i) => i.koladaId?.trim());
  if (!withId.length) result.notes.push('Ingen indikator har Kolada-id. Skriv nyckeltalets id (t.ex. N00945) i kolumnen Kolada-id.');

  for (const ind of withId) {
    const kpi = ind.koladaId!.trim().toUpperCase();
    const label = ind.name || `rad ${ind.source.row}`;
    const row = ind.source.row;
    const where = `Indikatorer rad ${row} "${label}" (${kpi})`;
    const factor = ind.unit.trim() === '%' ? 0.01 : 1;
    const written: string[] = [];
    let found = false;
    for (const year of years) {
      const r = byKey.get(`${kpi}|${year}`);
      if (!r) continue;
      found = true;
      usedKpis.add(kpi);
      const previous = year !== info.year;
      for (const v of r.values) {
        const key: IndicatorKey | undefined = previous ? (v.gender === 'T' ? 'previousOutcome' : undefined) : GENDER_COLUMN[v.gender];
        if (!key) continue;
        if (v.value === null) {
          result.unmatched.push(`${where}: ${year}, ${GENDER_WORD[v.gender] ?? v.gender}: värde saknas i Kolada${v.status ? ` (status ${v.status})` : ''}.`);
          continue;
        }
        if (!writer.has(key)) continue;
        if (writer.propose(row, key, tidy(v.value * factor), ind.unit, label)) written.push(`${year}`);
      }
    }
    if (!found) result.unmatched.push(`${where}: inga värden för ${area} år ${years.slice().sort().join(' och ')} i svaret från Kolada.`);
    if (written.length) writer.source(row, 'Kolada', `Kolada ${kpi} (${area}, ${[...new Set(written)].sort().join(', ')})`);
  }
  const others = [...new Set(records.filter((r) => !usedKpis.has(r.kpi) && !withId.some((i) => i.koladaId!.trim().toUpperCase() === r.kpi)).map((r) => r.kpi))];
  if (others.length) result.unmatched.push(`I svaret men utan indikator med det Kolada-id:t: ${others.join(', ')}.`);
  const otherAreas = [...new Set(records.map(areaOf).filter((a) => a !== area))];
  if (otherAreas.length) result.notes.push(`Värden för ${otherAreas.join(', ')} i svaret användes inte (arbetsboken gäller ${area}).`);
  writer.finish();
  return result;
}
