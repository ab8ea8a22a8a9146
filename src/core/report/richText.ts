/**
 * Rich text in text cells, as controllers write it and as exported texts hold it:
 * paragraphs on their own lines, "- " bullets, "1. " numbered items, short lines that
 * head what follows, and the tags <p>, <br>, <i>, <b> (also <em>, <strong>) turned into
 * formatting. Any other markup is kept as plain text, never dropped. Pure.
 */
import { stripInvalidCharacters } from '../values/text';
import { isLoneFirstName } from '../values/firstNames';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type RichBlock =
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'subheading'; runs: Run[] }
  | { kind: 'bullet'; runs: Run[] }
  | { kind: 'numbered'; runs: Run[]; /** a new list starts here */ start: boolean };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'", ndash: '–', mdash: '—' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower in ENTITIES) return ENTITIES[lower]!;
    if (lower.startsWith('#x')) return safeChar(parseInt(lower.slice(2), 16), whole);
    if (lower.startsWith('#')) return safeChar(parseInt(lower.slice(1), 10), whole);
    return whole;
  });
}

function safeChar(code: number, fallback: string): string {
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return fallback;
  const c = String.fromCodePoint(code);
  return stripInvalidCharacters(c) === c ? c : fallback;
}

/** Tags that become structure or formatting; every other tag stays in the text as written. */
const TAG = /<(\/?)(p|br|i|b|em|strong)(\s[^<>]*)?\s*(\/?)>/gi;

interface Token {
  text: string;
  bold: boolean;
  italic: boolean;
}

/**
 * Splits marked-up text into lines of formatted runs: <p> and <br> break lines, <b>/<i>
 * toggle formatting. Unknown tags and stray "<" are plain text.
 */
function tokenise(text: string): Token[][] {
  const lines: Token[][] = [[]];
  let bold = 0;
  let italic = 0;
  let last = 0;
  const push = (s: string) => {
    // a number keeps its unit on the same line: "192 mnkr", "4,0 %"
    s = s.replace(/(\d) (mnkr|mkr|tkr|kr|st|%|procent)(?=[\s.,;:)!?]|$)/g, '$1\u00a0$2');
    const parts = s.split(/\r\n|\r|\n/);
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1]!.push({ text: decodeEntities(part), bold: bold > 0, italic: italic > 0 });
    });
  };
  for (const m of text.matchAll(TAG)) {
    push(text.slice(last, m.index));
    last = m.index! + m[0].length;
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    if (tag === 'br') lines.push([]);
    else if (tag === 'p') {
      if (lines[lines.length - 1]!.length) lines.push([]);
    } else if (tag === 'b' || tag === 'strong') bold = Math.max(0, bold + (closing ? -1 : 1));
    else italic = Math.max(0, italic + (closing ? -1 : 1));
  }
  push(text.slice(last));
  return lines;
}

function toRuns(tokens: Token[]): Run[] {
  const runs: Run[] = [];
  for (const t of tokens) {
    const prev = runs[runs.length - 1];
    if (prev && !!prev.bold === t.bold && !!prev.italic === t.italic) prev.text += t.text;
    else runs.push({ text: t.text, ...(t.bold ? { bold: true } : {}), ...(t.italic ? { italic: true } : {}) });
  }
  // trim the line's ends, collapse inner runs of spaces (from <p> … </p> markup)
  if (runs.length) {
    runs[0]!.text = runs[0]!.text.replace(/^[ \t\u00a0]+/, '');
    runs[runs.length - 1]!.text = runs[runs.length - 1]!.text.replace(/[ \t]+$/, '');
  }
  for (const r of runs) r.text = r.text.replace(/[ \t]{2,}/g, ' ');
  return runs.filter((r) => r.text !== '');
}

function stripPrefix(runs: Run[], length: number): Run[] {
  const out = runs.map((r) => ({ ...r }));
  let left = length;
  while (left > 0 && out.length) {
    const first = out[0]!;
    if (first.text.length <= left) {
      left -= first.text.length;
      out.shift();
    } else {
      first.text = first.text.slice(left);
      left = 0;
    }
  }
  if (out.length) out[0]!.text = out[0]!.text.replace(/^\s+/, '');
  return out.filter((r) => r.text !== '');
}

const BULLET = /^\s*[-–•*]\s+/;
const NUMBERED = /^\s*(\d{1,3})[.)]\s+/;

/**
 * A short line without closing punctuation that heads what follows: a paragraph (a long
 * line, or one that ends a sentence) or a list. A run of short lines is a list, not headings.
 */
function looksLikeSubheading(line: string, next: string | undefined, previous: string | undefined): boolean {
  const t = line.trim();
  if (!next || BULLET.test(t) || NUMBERED.test(t)) return false;
  if (t.length < 3 || t.length > 80 || t.split(/\s+/).length > 12) return false;
  if (/[.,;:!?)\]]$/.test(t) || !/^[A-ZÅÄÖÉÜ]/.test(t)) return false;
  // a first name left alone on a line in a draft is no heading (the validator points at it)
  if (isLoneFirstName(t)) return false;
  const n = next.trim();
  // short lines after one that announces them ("Arbetet riktar sig till:") are the list it announces
  if (previous !== undefined && /:\s*$/.test(previous) && n.length <= 80 && !BULLET.test(n) && !NUMBERED.test(n)) return false;
  return n.length > 80 || /[.!?:]$/.test(n) || BULLET.test(n) || NUMBERED.test(n);
}

function withoutBold(runs: Run[]): Run[] {
  return runs.map((r) => (r.italic ? { text: r.text, italic: true } : { text: r.text }));
}

export function parseRichText(input: string | undefined): RichBlock[] {
  if (!input) return [];
  const text = stripInvalidCharacters(input);
  const lines = tokenise(text)
    .map((tokens) => ({ runs: toRuns(tokens) }))
    .map((l) => ({ ...l, plain: l.runs.map((r) => r.text).join('') }));
  const blocks: RichBlock[] = [];
  let inNumbered = false;
  lines.forEach((line, i) => {
    if (line.plain.trim() === '') {
      inNumbered = false;
      return;
    }
    const bullet = BULLET.exec(line.plain);
    const numbered = NUMBERED.exec(line.plain);
    if (bullet) {
      blocks.push({ kind: 'bullet', runs: stripPrefix(line.runs, bullet[0].length) });
      return;
    }
    if (numbered) {
      const n = Number(numbered[1]);
      blocks.push({ kind: 'numbered', runs: stripPrefix(line.runs, numbered[0].length), start: !inNumbered || n === 1 });
      inNumbered = true;
      return;
    }
    inNumbered = false;
    const next = lines.slice(i + 1).find((l) => l.plain.trim() !== '')?.plain;
    // the line right before (a blank line between them ends a list)
    const previous = i > 0 ? lines[i - 1]!.plain : undefined;
    const allBold = line.runs.every((r) => r.bold);
    if (looksLikeSubheading(line.plain, next, previous) || (allBold && next !== undefined && line.plain.length <= 100)) {
      blocks.push({ kind: 'subheading', runs: withoutBold(line.runs) });
      return;
    }
    blocks.push({ kind: 'paragraph', runs: line.runs });
  });
  return blocks;
}

/** The text of blocks without formatting (for tests and search). */
export function plainText(blocks: readonly RichBlock[]): string {
  return blocks.map((b) => b.runs.map((r) => r.text).join('')).join('\n');
}
