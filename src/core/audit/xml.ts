/**
 * The parts of a .docx as plain element trees: local names, attributes by local name, children
 * in order (text as strings). A host adapter parses the package (src/hosts/docx) and hands the
 * checker these; the checker itself does no I/O and knows no XML library.
 */
export interface XElement {
  /** Local name: `p` for `w:p`. */
  name: string;
  /** Attributes by local name: `val` for `w:val`. */
  attrs: Readonly<Record<string, string>>;
  children: readonly (XElement | string)[];
}

/** The XML parts of a Word document the accessibility check reads. */
export interface DocxParts {
  /** word/document.xml */
  document: XElement;
  /** word/styles.xml */
  styles?: XElement;
  /** docProps/core.xml */
  core?: XElement;
  /** word/settings.xml */
  settings?: XElement;
  /** word/header*.xml and word/footer*.xml, by part name. */
  headersFooters?: readonly { part: string; root: XElement }[];
}

export function isElement(n: XElement | string): n is XElement {
  return typeof n !== 'string';
}

export function elements(el: XElement | undefined, name?: string): XElement[] {
  if (!el) return [];
  const out: XElement[] = [];
  for (const c of el.children) if (isElement(c) && (!name || c.name === name)) out.push(c);
  return out;
}

export function child(el: XElement | undefined, name: string): XElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (isElement(c) && c.name === name) return c;
  return undefined;
}

/** A chain of children: `path(tbl, 'tblPr', 'tblBorders')`. */
export function path(el: XElement | undefined, ...names: string[]): XElement | undefined {
  let at = el;
  for (const n of names) at = child(at, n);
  return at;
}

export function val(el: XElement | undefined, name = 'val'): string | undefined {
  return el?.attrs[name];
}

/** All descendants with this local name (document order), not descending into matches. */
export function descendants(el: XElement | undefined, name: string, out: XElement[] = []): XElement[] {
  if (!el) return out;
  for (const c of el.children) {
    if (!isElement(c)) continue;
    if (c.name === name) out.push(c);
    else descendants(c, name, out);
  }
  return out;
}

/** The plain text of an element (its text nodes joined), for the simple parts (core properties). */
export function textContent(el: XElement | undefined): string {
  if (!el) return '';
  return el.children.map((c) => (isElement(c) ? textContent(c) : c)).join('');
}

/** A tree from a compact description, for tests and callers that build parts by hand. */
export function el(name: string, attrs: Record<string, string> = {}, ...children: (XElement | string)[]): XElement {
  return { name, attrs, children };
}
