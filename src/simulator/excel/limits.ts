/**
 * What real Excel refuses that the office-js stand-in refuses too (each with the error code
 * Excel answers with):
 *
 * - a request over 5 MB, or a response over 5 MB: Excel on the web's payload limit per
 *   context.sync(), both directions (`RequestPayloadSizeLimitExceeded`,
 *   `ResponsePayloadSizeLimitExceeded`; "Resource limits and performance optimization for
 *   Office Add-ins", Excel add-ins section);
 * - a data validation formula Excel does not take (`InvalidArgument`): longer than 255
 *   characters, an array constant (`{1,2}`), a reference to another workbook
 *   (`[Budget.xlsx]Blad1!A1`, `'C:\x\[b.xlsx]Blad1'!A1`) or a structured reference
 *   (`Tabell1[Kolumn]`); and a list typed out in the rule (`Ja,Nej`) longer than 255 characters.
 *
 * Reading a property that was not loaded (`PropertyNotLoaded`) is enforced by the proxies
 * themselves (fakeExcel.ts).
 */

/** Excel on the web's limit for one request and for one response: 5 MB. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** Excel's limit for a data validation formula, and for a list typed out in the rule. */
export const VALIDATION_FORMULA_MAX = 255;

/** Bytes of a value as office-js sends it (JSON, UTF-8). */
export function payloadBytes(value: unknown): number {
  if (value === undefined) return 0;
  const json = JSON.stringify(value);
  return json === undefined ? 0 : new TextEncoder().encode(json).length;
}

/** The formula with its string literals ("…") emptied, so that braces and brackets in text do not count. */
function withoutStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""');
}

/**
 * Why Excel would refuse `formula` in a data validation rule, in Swedish, or undefined when
 * it takes it. `formula` is what goes into formula1, formula2, a custom rule or a list source.
 */
export function validationFormulaProblem(formula: string | number | Date, isListSource = false): string | undefined {
  if (typeof formula !== 'string') return undefined;
  const text = formula.trim();
  if (text.length > VALIDATION_FORMULA_MAX) {
    return `Formeln i dataverifieringen är ${text.length} tecken; Excel tar högst ${VALIDATION_FORMULA_MAX}.`;
  }
  if (!text.startsWith('=')) return undefined; // a constant, or a list typed out (Ja,Nej)
  if (isListSource && text.length === 1) return 'Listkällan är tom.';
  const code = withoutStrings(text);
  if (/\{/.test(code)) return 'Dataverifieringen får inte innehålla matriskonstanter ({…}).';
  if (/\[/.test(code)) return 'Dataverifieringen får inte referera till andra arbetsböcker eller till tabellkolumner ([…]).';
  return undefined;
}

/** Every formula of an office-js DataValidationRule with Excel's objection to it, if any. */
export function validationRuleProblem(rule: unknown): string | undefined {
  if (!rule || typeof rule !== 'object') return 'Regeln saknas.';
  for (const [type, spec] of Object.entries(rule as Record<string, unknown>)) {
    if (!spec || typeof spec !== 'object') continue;
    const s = spec as Record<string, unknown>;
    const candidates: [unknown, boolean][] =
      type === 'list'
        ? [[s.source, true]]
        : type === 'custom'
          ? [[s.formula, false]]
          : [
              [s.formula1, false],
              [s.formula2, false],
            ];
    for (const [value, isList] of candidates) {
      if (value === undefined || value === null) continue;
      if (typeof value !== 'string' && typeof value !== 'number' && !(value instanceof Date)) return `Ogiltigt värde i regeln (${type}).`;
      const problem = validationFormulaProblem(value, isList);
      if (problem) return problem;
    }
  }
  return undefined;
}
