/**
 * Words longer than a line, in what docx's layout engine (docx/layout) is given to lay out.
 *
 * Word breaks a word that is wider than its line before whichever character no longer fits,
 * after moving it to a line of its own. docx's engine does the same, but for each character of
 * such a word it measures again the part of the word on the line, character by character (about
 * 1,5 ms a character), and it copies the word's characters into a new array one by one (its
 * `charactersOf`, which grows with the square of the word's length). `generate --exact-pages`
 * took over 6 minutes of processor time on 60 000-character words in four places.
 *
 * The engine therefore gets a copy of the document's body in which each such word may break
 * before each of its characters (a zero-width space between them, which takes no room) and
 * starts on a line of its own when text comes before it on its line (a line break), as Word
 * puts it there anyway; no-break spaces in it become characters of their width. The engine
 * then lays the word out word by word, a character each, and its lines and pages come out as
 * they do without the copy (test/core/longWords.test.ts compares them) at a fraction of the
 * cost. After `exact` characters, a word may only break every `chunk` characters: cheaper
 * still, but a line then ends up to `chunk - 1` characters early, so the pages after a very
 * long word may come a little later than Word's. The written document keeps its text as it is.
 * What is a word follows the engine's line breaking (its tokenizeText and findLineBreaks),
 * and errs on the side of leaving text as it is; the report has no justified or hyphenated text.
 */
import type { PageNumberEstimator } from 'docx';
import { ARIAL } from '../arialMetrics';

export const ZERO_WIDTH_SPACE = '\u200b';

/** How far long words break as Word breaks them, and how coarsely after that. */
export const LONG_WORDS = { exact: 5000, chunk: 4 } as const;

export interface LongWordOptions {
  /** The widest a line in the document can be, in twips: a word wider than it is wider than any line. */
  lineWidth: number;
  /** The smallest font size of the document's text, in half-points. */
  minSize: number;
  /** Up to this many characters, a long word may break before each of them, as Word breaks it. */
  exact: number;
  /** After those, a long word may break every `chunk` characters. */
  chunk: number;
}

type Element = Record<string, unknown>;

// How docx's engine finds where a line may break in text (its tokenizeText and findLineBreaks)
const SPACES = new Set([' ', '\t', '\n', '\r', '\u2002', '\u2003', '\u2005', '\u3000']);
const DASHES = new Set(['-', '\u2010', '\u2013', '\u2014']);
/** Characters a line never breaks next to: no-break spaces, the word joiner, the byte order mark. */
const GLUE = new Set(['\u00a0', '\u202f', '\u2007', '\u2060', '\ufeff']);
/** Chinese, Japanese and Korean characters: words of their own here (a line may break around most of them). */
const EAST_ASIAN =
  /[\u1100-\u11ff\u2e80-\u2fff\u3000-\u30ff\u3130-\u318f\u31c0-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** A character drawn with the one before it (a mark, a joiner, a variation selector): a line never breaks before it. */
function extendsBefore(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return (
    /\p{M}/u.test(ch) || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0x1f3fb && code <= 0x1f3ff) || (code >= 0xe0020 && code <= 0xe007f)
  );
}

/** What a character is to line breaking, given the one after it (undefined where a word ends anyway). */
function kindOf(ch: string, next: string | undefined): 'space' | 'eastAsian' | 'breakAfter' | 'word' {
  if (SPACES.has(ch)) return 'space';
  if (EAST_ASIAN.test(ch)) return 'eastAsian';
  if (ch === ZERO_WIDTH_SPACE || DASHES.has(ch)) {
    // the engine breaks after a dash unless a digit or a hyphen follows, and never before glue or a mark
    if (next !== undefined && (GLUE.has(next) || extendsBefore(next) || EAST_ASIAN.test(next) || (DASHES.has(ch) && /[\d-]/.test(next)))) return 'word';
    return 'breakAfter';
  }
  return 'word';
}
/** A character without a known width counts as narrow, so that a word is taken as wider than a line only when it surely is. */
const NARROW = 190;

const nameOf = (element: Element): string | undefined => Object.keys(element).find((key) => key !== '_attr');
const isElement = (node: unknown): node is Element => typeof node === 'object' && node !== null && !Array.isArray(node);

/** A w:t element's text, and where it is: its run's children and its index among them. */
interface Leaf {
  run: unknown[];
  index: number;
  text: string;
}

/**
 * What comes between a paragraph's texts, to its words (as docx's engine reads it): a line break;
 * a tab or a bookmark, after which a word is one of its own; a field's mark, which shows nothing;
 * anything else (a symbol, a no-break hyphen, a picture), which may be part of a word. A word
 * ends at each of them here, but moves to a line of its own only after the first two.
 */
type Stop = 'line' | 'break' | 'mark' | 'content';
type Item = { leaf: Leaf } | { stop: Stop };

/** Elements that the layout does not show and that do not end a word. */
const IGNORED = new Set([
  'w:pPr',
  'w:rPr',
  'w:instrText',
  'w:delInstrText',
  'w:lastRenderedPageBreak',
  'w:bookmarkEnd',
  'w:proofErr',
  'w:commentRangeStart',
  'w:commentRangeEnd',
  'w:permStart',
  'w:permEnd',
]);
const STOPS: Record<string, Stop> = { 'w:br': 'line', 'w:cr': 'line', 'w:tab': 'break', 'w:ptab': 'break', 'w:bookmarkStart': 'break', 'w:fldChar': 'mark' };

function collect(children: unknown[], items: Item[]): void {
  for (const child of children) {
    if (!isElement(child)) continue;
    const name = nameOf(child);
    if (name === undefined || IGNORED.has(name)) continue;
    const content = child[name];
    if (name === 'w:r' && Array.isArray(content)) {
      content.forEach((part, index) => {
        if (!isElement(part)) return;
        const partName = nameOf(part);
        if (partName === undefined || IGNORED.has(partName)) return;
        if (partName === 'w:t') {
          const value = part['w:t'];
          const text = typeof value === 'string' ? value : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').join('') : '';
          items.push({ leaf: { run: content, index, text } });
        } else items.push({ stop: STOPS[partName] ?? 'content' });
      });
    } else if ((name === 'w:hyperlink' || name === 'w:smartTag') && Array.isArray(content)) collect(content, items);
    else items.push({ stop: STOPS[name] ?? 'content' });
  }
}

/**
 * A change to a leaf's text at the character at `at`: a line break or a zero-width space before
 * it, or another character in its place.
 */
interface Change {
  at: number;
  before: 'lineBreak' | 'zeroWidthSpace' | undefined;
  replace?: string;
}

/**
 * Characters a line never breaks next to, as characters of the same width that it may: docx's
 * engine would leave a run of them (no-break spaces) unbroken, at its cost for a long word.
 */
const UNGLUED: Record<string, string> = { '\u00a0': 't', '\u202f': 'i', '\u2007': '0', '\u2060': ZERO_WIDTH_SPACE, '\ufeff': ZERO_WIDTH_SPACE };

/** The changes a paragraph needs, by leaf; empty when it has no word wider than any line. */
function changesOf(items: Item[], o: LongWordOptions): Map<Leaf, Change[]> {
  const changes = new Map<Leaf, Change[]>();
  const add = (leaf: Leaf, change: Change) => {
    const list = changes.get(leaf);
    if (list) list.push(change);
    else changes.set(leaf, [change]);
  };
  // wider than the widest line in the smallest size, with room for the engine's widths differing from ours
  const limit = (1.02 * o.lineWidth * 1000) / (o.minSize * 10);
  /** Text before the word on its line: docx's engine (and Word) moves a word wider than the line to the next. */
  let started = false;
  /** Whether a line may break before the next word (it is a word of its own to the engine). */
  let breakable = true;
  let startedBefore = false;
  // the current word: where each of its characters is, and its width in 1/1000 em
  let word: { leaf: Leaf; at: number; ch: string; extends: boolean }[] = [];
  let width = 0;
  let previous = '';
  const end = () => {
    if (width > limit) {
      let sinceBreak = 0;
      word.forEach((c, i) => {
        let before: Change['before'];
        if (i === 0) before = startedBefore ? 'lineBreak' : undefined;
        else if (!c.extends && (i < o.exact || ++sinceBreak >= o.chunk)) before = 'zeroWidthSpace';
        if (before === 'zeroWidthSpace') sinceBreak = 0;
        const replace = UNGLUED[c.ch];
        if (before || replace) add(c.leaf, replace ? { at: c.at, before, replace } : { at: c.at, before });
      });
    }
    word = [];
    width = 0;
  };
  // the paragraph's characters in order, each with where it is, and what ends words and lines
  const units: ({ ch: string; leaf: Leaf; at: number } | { stop: Stop })[] = [];
  for (const item of items) {
    if ('stop' in item) units.push(item);
    else {
      let at = 0;
      for (const ch of item.leaf.text) {
        units.push({ ch, leaf: item.leaf, at });
        at += ch.length;
      }
    }
  }
  units.forEach((unit, i) => {
    if ('stop' in unit) {
      end();
      if (unit.stop === 'line') started = false;
      if (unit.stop === 'content') started = true;
      breakable = unit.stop === 'line' || unit.stop === 'break';
      return;
    }
    const after = units[i + 1];
    const kind = kindOf(unit.ch, after && 'ch' in after ? after.ch : undefined);
    if (kind === 'space' || kind === 'eastAsian') {
      end();
      if (kind === 'eastAsian') started = true;
      breakable = true;
      return;
    }
    if (!word.length) startedBefore = started && breakable;
    word.push({ leaf: unit.leaf, at: unit.at, ch: unit.ch, extends: extendsBefore(unit.ch) || previous === '\u200d' });
    width += ARIAL.regular[unit.ch.codePointAt(0)!] ?? NARROW;
    started = true;
    previous = unit.ch;
    if (kind === 'breakAfter') {
      end();
      breakable = true;
    }
  });
  end();
  return changes;
}

function textElement(text: string): Element {
  return { 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, text] };
}

function apply(changes: Map<Leaf, Change[]>): void {
  // last leaf first, so that the indexes of the runs' other children stay as collected
  for (const [leaf, list] of [...changes].reverse()) {
    const parts: Element[] = [];
    let text = '';
    let from = 0;
    for (const { at, before, replace } of list) {
      text += leaf.text.slice(from, at);
      from = at;
      if (before === 'lineBreak') {
        if (text) parts.push(textElement(text));
        parts.push({ 'w:br': {} });
        text = '';
      } else if (before === 'zeroWidthSpace') text += ZERO_WIDTH_SPACE;
      if (replace !== undefined) {
        text += replace;
        from = at + 1;
      }
    }
    text += leaf.text.slice(from);
    if (text) parts.push(textElement(text));
    leaf.run.splice(leaf.index, 1, ...parts);
  }
}

function paragraph(p: Element, o: LongWordOptions): Element {
  const items: Item[] = [];
  const content = p['w:p'];
  if (!Array.isArray(content)) return p;
  collect(content, items);
  if (!changesOf(items, o).size) return p;
  // the same paragraph, changed: its copy's leaves are collected again in the same order
  const copy = structuredClone(p);
  const copied: Item[] = [];
  collect(copy['w:p'] as unknown[], copied);
  apply(changesOf(copied, o));
  return copy;
}

function transform(node: unknown, o: LongWordOptions): unknown {
  if (Array.isArray(node)) {
    let changed = false;
    const out = node.map((child) => {
      const t = transform(child, o);
      if (t !== child) changed = true;
      return t;
    });
    return changed ? out : node;
  }
  if (!isElement(node)) return node;
  const name = nameOf(node);
  if (name === undefined) return node;
  if (name === 'w:p') return paragraph(node, o);
  const content = node[name];
  if (typeof content !== 'object' || content === null) return node;
  const t = transform(content, o);
  return t === content ? node : { ...node, [name]: t };
}

/**
 * The body with its words wider than any line made cheap to lay out (see the module's
 * comment). The body itself is not changed; without such words it is returned as it is.
 */
export function breakLongWords<T>(body: T, options: LongWordOptions): T {
  return transform(body, options) as T;
}

/** An estimator that lays out the body with its long words broken (see breakLongWords). */
export function boundedEstimator(estimator: PageNumberEstimator, options: LongWordOptions): PageNumberEstimator {
  const estimate = (body: Parameters<PageNumberEstimator>[0], context: Parameters<PageNumberEstimator>[1]) => estimator(breakLongWords(body, options), context);
  return estimator.listNumbers ? Object.assign(estimate, { listNumbers: estimator.listNumbers }) : estimate;
}
