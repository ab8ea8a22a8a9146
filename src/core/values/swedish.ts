/**
 * Swedish values: what controllers type ("0,8 %", "1 050 st", "1 299,1", "−4,3",
 * "Tas fram av nämnd", "i.u.") parsed into numbers or texts, and numbers formatted the
 * Swedish way per unit with Intl sv-SE. Pure: no I/O, no host.
 */

/** A value in an indicator or budget cell: a number, a documented text, or nothing. */
export type Value =
  | { kind: 'empty' }
  | { kind: 'number'; value: number; /** unit written in the cell itself, e.g. "st" in "16 st" */ writtenUnit?: string }
  | { kind: 'text'; text: string };

export const EMPTY: Value = Object.freeze({ kind: 'empty' }) as Value;

const SPACES = /[\s\u00a0\u2007\u2009\u202f]+/g;
const MINUSES = /^[\u2212\u2013\u2012\u2010]/;

/** Normalises the spaces and minus signs a Swedish text may hold. */
export function normaliseNumberText(text: string): string {
  return text.replace(SPACES, ' ').trim().replace(MINUSES, '-');
}

// 1 299,1 · 1299,1 · 1299.1 · -4,3 · +5 · ,5
const NUMBER_PART = /^([+-]?)\s?(\d{1,3}(?: \d{3})+|\d+)?(?:[,.](\d+))?(?=\s|$|%)/;

/** Parses a Swedish number with optional unit text after it: "1 050 st" → { 1050, "st" }. */
export function parseSwedishNumber(text: string): { value: number; unit: string } | undefined {
  const t = normaliseNumberText(text);
  if (t === '' || t === '-' || t === '+') return undefined;
  const m = NUMBER_PART.exec(t);
  if (!m || (m[2] === undefined && m[3] === undefined)) return undefined;
  // "1.050.000" and "1,050,000" are not Swedish numbers; a second separator is not accepted.
  const intPart = (m[2] ?? '0').replace(/ /g, '');
  const fracPart = m[3] ?? '';
  const sign = m[1] === '-' ? -1 : 1;
  const rest = t.slice(m[0].length).trim();
  if (/^[\d,.]/.test(rest)) return undefined;
  const value = sign * Number(`${intPart}${fracPart ? '.' + fracPart : ''}`);
  if (!Number.isFinite(value)) return undefined;
  return { value, unit: rest };
}

/** Texts that mean "percent" after a number. */
const PERCENT_UNITS = new Set(['%', 'procent']);

export interface ParsedCell {
  value: Value;
  /** Set when the cell's own unit disagrees with the row's unit (e.g. "16 st" in a "barn/avd." row). */
  unitMismatch?: string;
}

/**
 * Parses a raw cell value in the row's unit. For `%` rows, numbers are Excel percentages
 * (0,008 is 0,8 %); a text "0,8 %" is turned into 0,008.
 */
export function parseValue(raw: unknown, unit: string): ParsedCell {
  if (raw === null || raw === undefined) return { value: EMPTY };
  if (typeof raw === 'number') {
    return Number.isFinite(raw) ? { value: { kind: 'number', value: raw } } : { value: { kind: 'text', text: String(raw) } };
  }
  if (typeof raw === 'boolean') return { value: { kind: 'text', text: raw ? 'SANT' : 'FALSKT' } };
  if (raw instanceof Date) return { value: { kind: 'text', text: raw.toISOString().slice(0, 10) } };
  if (typeof raw === 'object' && raw !== null && 'error' in raw) {
    return { value: { kind: 'text', text: String((raw as { error: unknown }).error) } };
  }
  const text = String(raw);
  if (text.trim() === '') return { value: EMPTY };
  const n = parseSwedishNumber(text);
  if (!n) return { value: { kind: 'text', text: text.trim() } };
  const written = n.unit;
  const rowUnit = unit.trim();
  if (written === '') return { value: { kind: 'number', value: n.value } };
  if (PERCENT_UNITS.has(written.toLowerCase())) {
    // "0,8 %" is 0,008 whatever the row says; flag it when the row is not a percentage.
    const value: Value = { kind: 'number', value: n.value / 100, writtenUnit: '%' };
    return rowUnit === '%' ? { value } : { value, unitMismatch: '%' };
  }
  if (!/^[\p{L}/.²₂()\s\d-]+$/u.test(written) || written.length > 40) {
    // "+/- 1 %" or "1 % energieffektivisering": not a number in a unit, keep as text
    return { value: { kind: 'text', text: text.trim() } };
  }
  const value: Value = { kind: 'number', value: n.value, writtenUnit: written };
  if (rowUnit === '' || sameUnit(written, rowUnit)) return { value };
  return { value, unitMismatch: written };
}

function sameUnit(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, '').replace(/\.$/, '');
  return norm(a) === norm(b);
}

const formatters = new Map<string, Intl.NumberFormat>();
function nf(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('sv-SE', options);
    formatters.set(key, f);
  }
  return f;
}

/** Avoids "−0" after rounding. */
function clean(n: number, decimals: number): number {
  const r = Number(n.toFixed(decimals));
  return Object.is(r, -0) ? 0 : r;
}

/** A number the Swedish way: decimal comma, grouped thousands, up to `maxDecimals` decimals. */
export function formatNumber(n: number, maxDecimals = 2, minDecimals = 0): string {
  return nf(`n${minDecimals}-${maxDecimals}`, {
    minimumFractionDigits: minDecimals,
    maximumFractionDigits: maxDecimals,
  }).format(clean(n, maxDecimals));
}

/** Excel percentage (0,008) as "0,8 %". */
export function formatPercent(fraction: number, maxDecimals = 2): string {
  return nf(`p${maxDecimals}`, { style: 'percent', maximumFractionDigits: maxDecimals }).format(clean(fraction, maxDecimals + 2));
}

/** Amounts in mnkr, as the driftbudget prints them: one decimal, "1 299,1", "−4,3". */
export function formatMnkr(n: number): string {
  return formatNumber(n, 1, 1);
}

/** Units printed without a unit suffix after the number. */
const BARE_UNITS = new Set(['', 'index', 'antal', 'tal']);

/**
 * A number in its row's unit: "0,8 %", "1 050 st", "16,3 barn/avd.", "3,8" (index). A short
 * unit ("st", "kr", "GWh") stays on the line of its number (a no-break space); a longer one
 * ("barn/avd.", "kg CO2e") may go to the next line of a narrow table column.
 */
export function formatInUnit(n: number, unit: string): string {
  const u = unit.trim();
  if (u === '%') return formatPercent(n);
  const number = formatNumber(n);
  if (BARE_UNITS.has(u.toLowerCase())) return number;
  return `${number}${u.length <= 4 && !/\s/.test(u) ? '\u00a0' : ' '}${u}`;
}

/** Any value as the report prints it. */
export function formatValue(v: Value, unit: string): string {
  switch (v.kind) {
    case 'empty':
      return '';
    case 'text':
      return v.text;
    case 'number':
      return formatInUnit(v.value, unit);
  }
}

/** Numeric content of a value, if any. */
export function numberOf(v: Value): number | undefined {
  return v.kind === 'number' ? v.value : undefined;
}

export function isEmpty(v: Value): boolean {
  return v.kind === 'empty';
}
