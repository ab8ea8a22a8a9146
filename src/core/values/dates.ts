/** Dates as the sheets hold them (Excel serials, Date objects, ISO texts) and as reports print them. */

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export type IsoDate = string; // YYYY-MM-DD

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isoFromUtc(d: Date): IsoDate {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function isValidIso(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Excel serial (1900 date system) → ISO date. */
export function serialToIso(serial: number): IsoDate | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined;
  return isoFromUtc(new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS));
}

export function isoToSerial(iso: IsoDate): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH_MS) / DAY_MS);
}

/**
 * Reads a date cell: Excel serial, Date (exceljs gives UTC midnight), or a text such as
 * "2019-01-01", "2019-01-01 00:00" or "1/1 2019"? (only ISO-like forms are accepted).
 */
export function readDate(raw: unknown): { iso?: IsoDate; invalid?: string } {
  if (raw === null || raw === undefined || raw === '') return {};
  if (raw instanceof Date) {
    return Number.isNaN(raw.getTime()) ? { invalid: String(raw) } : { iso: isoFromUtc(raw) };
  }
  if (typeof raw === 'number') {
    const iso = serialToIso(raw);
    return iso ? { iso } : { invalid: String(raw) };
  }
  const text = String(raw).trim();
  if (text === '') return {};
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text);
  if (m) {
    const iso = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
    if (isValidIso(iso)) return { iso };
  }
  return { invalid: text };
}
