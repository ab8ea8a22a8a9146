/**
 * A finding as the task pane lists it: grouped under its sheet and next to its cell, so the
 * message need not say where again. The message's leading location ("Mål!E3: ",
 * "Indikatorer!F7 (Periodens utfall): ", "Dokument: ") goes when it names the finding's own
 * sheet and cell; a column header in it stays ("Periodens utfall: …"), and a location that is
 * the sentence's subject becomes the header or "Cellen". Quotes become Swedish.
 * What a click selects: the cell or range, the whole sheet when the finding has no cell, and
 * nothing for a sheet that is missing.
 */
import { swedishQuotes } from '../values/text';
import type { Finding } from './finding';

export interface PresentedFinding {
  /** The message without its location, starting with a capital letter, Swedish quotes. */
  text: string;
  /** Where a click takes the user: a range on the sheet, or "" for the sheet itself; undefined when there is nowhere to go. */
  target?: { sheet: string; range: string };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('sv-SE') + text.slice(1);
}

export function presentFinding(f: Finding): PresentedFinding {
  const sheet = escape(f.sheet);
  let text = f.message;
  // "Mål!E3: …", "Indikatorer!F7 (Periodens utfall): …", or as the subject: "Indikatorer!G2 (Utfall) visar …"
  const atCell = f.cell ? new RegExp(`^${sheet}!${escape(f.cell)}(?: \\(([^)]*)\\))?(:?) `).exec(text) : null;
  const atRow = new RegExp(`^${sheet} (rad \\d+): `).exec(text);
  const atSheet = new RegExp(`^${sheet}: `).exec(text);
  if (atCell) {
    const rest = text.slice(atCell[0].length);
    if (atCell[2]) text = atCell[1] ? `${atCell[1]}: ${rest}` : rest;
    else text = `${atCell[1] ?? 'Cellen'} ${rest}`;
  } else if (atRow) text = `${atRow[1]}: ${text.slice(atRow[0].length)}`;
  else if (atSheet) text = text.slice(atSheet[0].length);
  const target = f.rule === 'sheet.missing' ? undefined : { sheet: f.sheet, range: f.cell };
  return { text: capitalise(swedishQuotes(text)), target };
}
