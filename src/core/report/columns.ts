/**
 * Column widths of the report's tables, in percent of the text width. Both ways of fitting
 * keep every word whole: a column is at least as wide as its widest word, with words as Word
 * breaks lines between them (`words` in report/metrics.ts: at ordinary spaces, not at a
 * no-break space or after "/").
 *
 * - `widenToFit`: tables with declared widths (indicators) keep them, widen a value column
 *   whose header word or figure would not fit, and take the room from the first column, down
 *   to what the names' widest word needs.
 * - `contentWidths`: tables without declared widths (the free tables) get widths from their
 *   content.
 */
import type { TableColumn } from './model';
import { SIZE, TEXT_WIDTH, textWidth, words } from './metrics';

/** Room beside a cell's text: the cell's left and right padding (140 twips) and a little more. */
const PAD = 150;

/** Twips a column needs so that none of its words breaks: its widest header word (bold, small) or cell word, with padding. */
export function wordRoom(header: string, texts: readonly string[]): number {
  return PAD + Math.max(0, ...words(header).map((w) => textWidth(w, SIZE.tableSmall, true)), ...texts.flatMap(words).map((w) => textWidth(w, SIZE.table)));
}

/** The first column keeps at least this share when the value columns can give up room… */
const MIN_FIRST = 22;
/** …and never less than this. */
const HARD_MIN_FIRST = 16;
/** The names' widest word widens the first column up to this share… */
const MAX_NAME_NEED = 40;
/** …when it has at most this many characters. */
const LONGEST_NAME_WORD = 40;

/**
 * Widens the value columns where a header word or a figure would not fit (so "Periodens" or
 * "1 050 000 kr" never breaks in the middle), taking the room from the first column. `rows`
 * hold the value cells (the columns after the first).
 */
export function widenToFit(columns: TableColumn[], rows: readonly (readonly string[])[], names: readonly string[] = []): TableColumn[] {
  // the names' widest word ("verksamhetsförlagd") sets the first column's least share, as far as the value columns have
  // room beyond their own words to give (their header words and figures come first)
  // (a word longer than a name's word can be, pasted without spaces, breaks wherever the column ends)
  const nameWords = names.flatMap(words).filter((w) => w.length <= LONGEST_NAME_WORD);
  const nameNeed = nameWords.length ? Math.ceil((1000 * wordRoom('', nameWords)) / TEXT_WIDTH) / 10 : 0;
  const minFirst = Math.max(MIN_FIRST, Math.min(nameNeed, MAX_NAME_NEED));
  const need = columns.map((column, c) => {
    if (c === 0) return 0;
    const twips = wordRoom(
      column.header,
      rows.map((r) => r[c - 1] ?? ''),
    );
    return Math.ceil((1000 * twips) / TEXT_WIDTH) / 10;
  });
  const widths = columns.map((column, c) => (c === 0 ? 0 : Math.max(column.width, need[c]!)));
  const sum = () => widths.reduce((a, b) => a + b, 0);
  // too little left for the names: the value columns give up what they have beyond their need
  const short = minFirst - (100 - sum());
  if (short > 0) {
    const slack = widths.map((w, c) => (c === 0 ? 0 : w - need[c]!));
    const slackSum = slack.reduce((a, b) => a + b, 0);
    const take = Math.min(1, short / (slackSum || 1));
    widths.forEach((w, c) => (widths[c] = w - slack[c]! * take));
  }
  const rest = 100 - sum();
  // still too little: the names give up some more, and past that everything shares the page
  if (rest < HARD_MIN_FIRST) {
    const scale = (100 - HARD_MIN_FIRST) / sum();
    widths.forEach((w, c) => (widths[c] = w * scale));
    widths[0] = HARD_MIN_FIRST;
  } else widths[0] = rest;
  return columns.map((c, i) => ({ ...c, width: Math.round(widths[i]! * 10) / 10 }));
}

/**
 * Column widths from the content: every column at least as wide as its longest word (so no
 * word breaks), the rest shared by how much text each column holds. In percent.
 */
export function contentWidths(header: readonly string[], rows: readonly (readonly string[])[], columns: number): number[] {
  const need: number[] = [];
  const want: number[] = [];
  for (let c = 0; c < columns; c++) {
    const texts = rows.map((r) => r[c] ?? '');
    const h = header[c] ?? '';
    need[c] = wordRoom(h, texts);
    want[c] = PAD + Math.max(textWidth(h, SIZE.tableSmall, true) / 2, ...texts.map((t) => textWidth(t, SIZE.table)));
  }
  const total = TEXT_WIDTH;
  const widths = [...need];
  let left = total - widths.reduce((a, b) => a + b, 0);
  if (left < 0) return widths.map((w) => (100 * w) / widths.reduce((a, b) => a + b, 0));
  const extra = want.map((w, c) => Math.max(0, w - need[c]!));
  const extraSum = extra.reduce((a, b) => a + b, 0);
  widths.forEach((_, c) => {
    const add = extraSum > 0 ? Math.min(extra[c]!, (left * extra[c]!) / extraSum) : 0;
    widths[c]! += add;
  });
  left = total - widths.reduce((a, b) => a + b, 0);
  // what is left is shared evenly
  if (left > 0) widths.forEach((_, c) => (widths[c]! += left / columns));
  return widths.map((w) => (100 * w) / total);
}
