/**
 * A small pull tokenizer for the XML of spreadsheet parts, fed in chunks so that a sheet
 * of any size is read in bounded memory. It knows what the parts Planrapport reads use:
 * start/end/empty tags with quoted attributes (which may contain '>'), text with the five
 * entities and character references, CDATA, comments and processing instructions. A
 * DOCTYPE is refused (no entity expansion, so no XML bombs).
 */

export type XmlEvent =
  | { type: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean; start: number; end: number }
  | { type: 'close'; name: string; start: number; end: number }
  | { type: 'text'; text: string };

export class XmlFormatError extends Error {}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes entities and character references in text or an attribute value. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  if (s.indexOf('&#') < 0) {
    // the common case, without a callback per match; &amp; last so that "&amp;lt;" stays "&lt;"
    return s
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  }
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

/** The local part of a qualified name: `x:c` → `c`. */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** `name="value"` pairs of a tag (quotes ' or "), values decoded. */
export function parseAttributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const n = source.length;
  let i = 0;
  while (i < n) {
    // name
    while (i < n && isSpace(source.charCodeAt(i))) i++;
    const start = i;
    while (i < n) {
      const c = source.charCodeAt(i);
      if (c === 61 /* = */ || isSpace(c) || c === 47 || c === 62) break;
      i++;
    }
    if (i === start) {
      i++;
      continue;
    }
    const name = source.slice(start, i);
    while (i < n && isSpace(source.charCodeAt(i))) i++;
    if (source.charCodeAt(i) !== 61) continue;
    i++;
    while (i < n && isSpace(source.charCodeAt(i))) i++;
    const quote = source.charCodeAt(i);
    if (quote !== 34 && quote !== 39) continue;
    const end = source.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (end < 0) break;
    attrs[name] = decodeEntities(source.slice(i + 1, end));
    i = end + 1;
  }
  return attrs;
}

/**
 * Feed text with `push`, take events with `next` until it returns null (more input is
 * needed), and call `end` after the last chunk. Offsets (`start`, `end`) count characters
 * from the beginning of the whole document.
 */
export class XmlScanner {
  private buf = '';
  private pos = 0;
  /** Characters dropped from the front of `buf` so far. */
  private base = 0;
  private ended = false;
  /** Whether text events are wanted; off, text is skipped cheaply. */
  text = true;

  push(chunk: string): void {
    if (this.pos > 0) {
      this.base += this.pos;
      this.buf = this.buf.slice(this.pos);
      this.pos = 0;
    }
    this.buf += chunk;
  }

  end(): void {
    this.ended = true;
  }

  /** Skips ahead to the next occurrence of `needle` (e.g. "</sheetData"), if it is in the buffer. */
  skipTo(needle: string): boolean {
    const i = this.buf.indexOf(needle, this.pos);
    if (i < 0) {
      // keep a tail that may hold the start of the needle
      this.pos = Math.max(this.pos, this.buf.length - needle.length);
      return false;
    }
    this.pos = i;
    return true;
  }

  next(): XmlEvent | null {
    const buf = this.buf;
    for (;;) {
      if (this.pos >= buf.length) return null;
      const lt = buf.indexOf('<', this.pos);
      if (lt !== this.pos) {
        // text up to the next tag
        if (lt < 0) {
          if (!this.ended) {
            if (!this.text) this.pos = buf.length;
            return null;
          }
          const raw = buf.slice(this.pos);
          this.pos = buf.length;
          if (this.text) return { type: 'text', text: decodeEntities(raw) };
          return null;
        }
        const raw = buf.slice(this.pos, lt);
        this.pos = lt;
        if (this.text) return { type: 'text', text: decodeEntities(raw) };
        continue;
      }
      const c1 = buf.charCodeAt(lt + 1);
      if (Number.isNaN(c1)) return this.needMore();
      if (c1 === 33 /* ! */) {
        if (buf.startsWith('<!--', lt)) {
          const e = buf.indexOf('-->', lt + 4);
          if (e < 0) return this.needMore();
          this.pos = e + 3;
          continue;
        }
        if (buf.startsWith('<![CDATA[', lt)) {
          const e = buf.indexOf(']]>', lt + 9);
          if (e < 0) return this.needMore();
          const text = buf.slice(lt + 9, e);
          this.pos = e + 3;
          if (this.text) return { type: 'text', text };
          continue;
        }
        if (buf.length - lt < 9) return this.needMore();
        throw new XmlFormatError('DOCTYPE eller okänd deklaration i XML-delen');
      }
      if (c1 === 63 /* ? */) {
        const e = buf.indexOf('?>', lt + 2);
        if (e < 0) return this.needMore();
        this.pos = e + 2;
        continue;
      }
      // a tag: find its end, skipping quoted attribute values
      let i = lt + 1;
      let quote = 0;
      for (; i < buf.length; i++) {
        const ch = buf.charCodeAt(i);
        if (quote) {
          if (ch === quote) quote = 0;
        } else if (ch === 34 || ch === 39) quote = ch;
        else if (ch === 62 /* > */) break;
      }
      if (i >= buf.length) return this.needMore();
      const start = this.base + lt;
      const end = this.base + i + 1;
      this.pos = i + 1;
      if (c1 === 47 /* / */) return { type: 'close', name: buf.slice(lt + 2, i).trim(), start, end };
      const selfClosing = buf.charCodeAt(i - 1) === 47;
      const inner = buf.slice(lt + 1, selfClosing ? i - 1 : i);
      let n = 0;
      while (n < inner.length && !isSpace(inner.charCodeAt(n))) n++;
      const name = inner.slice(0, n);
      const attrs = n < inner.length ? parseAttributes(inner.slice(n)) : {};
      return { type: 'open', name, attrs, selfClosing, start, end };
    }
  }

  private needMore(): null {
    if (this.ended) throw new XmlFormatError('XML-delen tar slut mitt i en tagg');
    return null;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
