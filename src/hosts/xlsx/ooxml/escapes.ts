/**
 * SpreadsheetML's `_xHHHH_` escapes (ECMA-376 Part 1, 22.9.2.19 ST_Xstring): characters
 * XML cannot carry (control characters such as a vertical tab from Shift+Enter, or a
 * carriage return that XML would normalise away) are written as `_x000B_`, `_x000D_`;
 * a literal text "_x0041_" is written with its underscore escaped: `_x005F_x0041_`.
 */

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeXstring(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Characters XML 1.0 cannot hold, plus CR (normalised by parsers) and TAB/LF kept as they are. */
const NEEDS_ESCAPE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;

export function encodeXstring(s: string): string {
  return s.replace(NEEDS_ESCAPE, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** Escapes text for XML content or a double-quoted attribute value. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;'));
}

/** Escapes text for XML element content (quotes need no escape there). */
export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;'));
}

/** Cell text as written in an inline string or a shared string. */
export function xmlText(s: string): string {
  return escapeText(encodeXstring(s));
}
