/** Numbers the product is built around, named once: the code that needs them imports them from here. */

/** Years a document may be for (Dokument's År, the CLI's --year). */
export const YEAR_RANGE = { min: 1990, max: 2100 } as const;

/** Dates the sheets accept (Startdatum, Slutdatum, Datum), ISO. */
export const DATE_RANGE = { min: '2000-01-01', max: '2100-12-31' } as const;

/** What Excel allows. */
export const EXCEL_LIMITS = {
  /** Characters in a cell. */
  cellText: 32_767,
  /** Characters in a data validation's prompt or alert title, and in its message. */
  validationTitle: 32,
  validationMessage: 255,
  /** Characters in a data validation's formula. */
  validationFormula: 255,
} as const;

/**
 * When two numbers count as equal, by how they are printed: a difference below half of the
 * last printed digit is rounding. Amounts in mnkr and indices have one decimal, amounts in
 * tkr none, shares one decimal of a per cent; anything else has room for floating point only.
 */
export const TOLERANCE = { oneDecimal: 0.05, wholeNumber: 0.5, share: 0.0005, exact: 1e-9 } as const;
