/**
 * The texts a value cell may hold instead of a number, declared once: the sheets' checks
 * (src/core/layout, as Excel formulas) and the validator (src/core/rules) both follow them.
 * Compared as Excel compares texts with "=": whole text, case ignored.
 */

/** Any value cell: nothing to report ("-", "i.u."). */
export const NO_VALUE_TEXTS = ['-', '–', '—', 'i.u.', 'i.u', 'iu', 'ej aktuell', 'saknas'] as const;

/** An årsmål may also be a direction … */
export const TARGET_TEXTS = ['Öka', 'Minska', 'Bibehålla', 'Oförändrat'] as const;

/** … or begin with one of these ("Tas fram av nämnden", "+/- 1 %"). */
export const TARGET_PREFIXES = ['Tas fram av', '+/-'] as const;

/** The form texts are compared in (Excel's "=" ignores case). */
export function comparable(text: string): string {
  return text.trim().toLowerCase();
}

const NO_VALUE = new Set<string>(NO_VALUE_TEXTS.map(comparable));
const TARGET = new Set<string>(TARGET_TEXTS.map(comparable));

export function isNoValueText(text: string): boolean {
  return NO_VALUE.has(comparable(text));
}

export function isTargetText(text: string): boolean {
  const t = comparable(text);
  return TARGET.has(t) || TARGET_PREFIXES.some((p) => t.startsWith(comparable(p)));
}
