/** Text hygiene shared by the rules and the report: characters a document cannot hold. */

// Control characters other than tab, line feed, carriage return and vertical tab, plus lone
// surrogates and non-characters: XML (and so .docx) cannot hold them. A vertical tab is Word's
// manual line break (Shift+Enter) pasted into a cell, stored by Excel as _x000B_: a line break.
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000c\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Any character that might be invalid (surrogates included): a quick test before the exact one. */
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000-\u0008\u000c\u000e-\u001f\u007f\ud800-\udfff\ufffe\uffff]/;

export function hasInvalidCharacters(text: string): boolean {
  if (!SUSPECT.test(text)) return false;
  INVALID.lastIndex = 0;
  const found = INVALID.test(text);
  INVALID.lastIndex = 0;
  return found;
}

export function stripInvalidCharacters(text: string): string {
  return text.replace(/\v/g, '\n').replace(INVALID, '');
}

/** One line for a message: control characters and runs of whitespace become single spaces. */
export function oneLine(text: string): string {
  return stripInvalidCharacters(text).replace(/\s+/g, ' ').trim();
}

/**
 * Swedish quotation marks for a text shown to a user: straight double quotes become ”, the
 * mark Swedish uses both before and after a quotation (”Skapa mallar”).
 */
export function swedishQuotes(text: string): string {
  return text.replace(/"/g, '”');
}

/** One line as `oneLine` makes it, but no-break spaces stay (a figure and its unit: "50 %", "1 050 st"). */
export function oneLineKeepingNoBreaks(text: string): string {
  return stripInvalidCharacters(text)
    .replace(/[^\S\u00a0\u202f]+/g, ' ')
    .trim();
}
