/**
 * Builds an example workbook from a transcription, through the same template and the same
 * layout-driven writer as everything else: template → records → template again (which
 * puts the Driftbudget formulas on the rows that now exist).
 */
import { DOKUMENT, TABELLER, SHEET_NAMES, FREE_TABLE_COLUMNS } from '../core/layout/layout';
import { parseSwedishNumber } from '../core/values/swedish';
import type { Edit } from '../core/workbook/edits';
import { appendRecords, setFields, type RecordValue, type SheetRecord } from '../core/workbook/writeRecords';
import { XlsxHost } from '../hosts/xlsx/xlsxHost';
import { applyTemplate } from '../usecases/template';
import type { Transcription } from './examples';

function organisationOf(t: Transcription): string | undefined {
  const row = t.sheets[DOKUMENT.name]?.find((r) => r['Fält'] === 'Organisation');
  return typeof row?.['Värde'] === 'string' ? row['Värde'] : undefined;
}

/** A printed table cell ("1 905", "0,0", "i.u.") as a cell value: numbers become numbers. */
function tableCell(text: string): RecordValue {
  if (text.trim() === '') return null;
  const n = parseSwedishNumber(text);
  return n && n.unit === '' ? n.value : text;
}

function isSumRow(label: string): boolean {
  return /^(summa|totalt)\b/i.test(label.trim()) || /,\s*totalt$/i.test(label.trim());
}

/** otherTables → rows of the Tabeller sheet: a Rubrik row, then Rad/Summa rows. */
export function freeTableRecords(t: Transcription): SheetRecord[] {
  const records: SheetRecord[] = [];
  const row = (table: string, section: string | undefined, kind: string, cells: RecordValue[]): SheetRecord => {
    const r: SheetRecord = { Tabell: table, Avsnitt: section ?? null, Tabellrad: kind };
    cells.slice(0, FREE_TABLE_COLUMNS).forEach((v, i) => (r[`Kolumn ${i + 1}`] = v));
    return r;
  };
  for (const table of t.otherTables) {
    records.push(row(table.caption, table.section, 'Rubrik', table.header));
    for (const cells of table.rows) {
      records.push(row(table.caption, table.section, isSumRow(cells[0] ?? '') ? 'Summa' : 'Rad', cells.map(tableCell)));
    }
  }
  return records;
}

export async function buildExampleWorkbook(t: Transcription): Promise<XlsxHost> {
  const host = XlsxHost.create();
  const options = { kind: t.kind, year: t.year, tertial: t.tertial, organisation: organisationOf(t) };
  await applyTemplate(host, options);
  await host.update(SHEET_NAMES, (snapshot) => {
    const edits: Edit[] = [];
    const fields: Record<string, RecordValue> = {};
    for (const r of t.sheets[DOKUMENT.name] ?? []) fields[String(r['Fält'])] = r['Värde'] ?? null;
    edits.push(...setFields(snapshot, fields));
    for (const [sheet, records] of Object.entries(t.sheets)) {
      if (sheet === DOKUMENT.name) continue;
      const { edits: e, unplaced } = appendRecords(snapshot, sheet, records, { leaveDerived: true });
      if (unplaced.length) throw new Error(`${t.source}: ${sheet} har kolumner som mallen saknar: ${unplaced.join(', ')}`);
      edits.push(...e);
    }
    if (t.otherTables.length) edits.push(...appendRecords(snapshot, TABELLER.name, freeTableRecords(t)).edits);
    return { edits, result: undefined };
  });
  await applyTemplate(host, options);
  return host;
}
