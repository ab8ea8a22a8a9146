/**
 * DOM helpers for the small parts Planrapport edits (workbook, styles, relationships,
 * content types, the parts of a worksheet around its cells). Parsing keeps every element,
 * attribute, namespace declaration and processing instruction, so what Planrapport does not
 * touch is serialised back as it was. A DOCTYPE is refused: no entity expansion.
 */
import { DOMParser, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';
import { XmlFormatError } from './scanner';

export type { Document, Element };

const ELEMENT_NODE = 1;

export function parseXml(text: string, part: string): Document {
  if (/<!DOCTYPE/i.test(text.slice(0, 4096)) || /<!ENTITY/i.test(text.slice(0, 65536))) {
    throw new XmlFormatError(`${part}: XML-delen innehåller en DOCTYPE (stöds inte)`);
  }
  try {
    return new DOMParser({
      onError: (level: string, message: string) => {
        if (level !== 'warning') throw new XmlFormatError(`${part}: ${message}`);
      },
    }).parseFromString(text, 'text/xml') as unknown as Document;
  } catch (e) {
    if (e instanceof XmlFormatError) throw e;
    throw new XmlFormatError(`${part}: ${(e as Error).message}`);
  }
}

export function serializeXml(doc: Document): string {
  let s = new XMLSerializer().serializeToString(doc as unknown as Node);
  // keep the declaration on its own line as Office writes it
  s = s.replace(/^(<\?xml[^>]*\?>)(?!\r?\n)/, '$1\r\n');
  return s;
}

export function local(node: Node | Element): string {
  return (node as Element).localName ?? (node as Element).nodeName;
}

export function childElements(parent: Element | Document, name?: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === ELEMENT_NODE && (!name || local(n) === name)) out.push(n as Element);
  }
  return out;
}

export function firstChild(parent: Element | Document, name: string): Element | undefined {
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === ELEMENT_NODE && local(n) === name) return n as Element;
  }
  return undefined;
}

export function rootElement(doc: Document): Element {
  const el = doc.documentElement;
  if (!el) throw new XmlFormatError('XML-delen saknar rotelement');
  return el as Element;
}

/** A new element in the parent's namespace and with its prefix. */
export function createChild(parent: Element, name: string): Element {
  const doc = parent.ownerDocument!;
  const qualified = parent.prefix ? `${parent.prefix}:${name}` : name;
  return doc.createElementNS(parent.namespaceURI, qualified) as Element;
}

/**
 * Inserts `child` among the parent's children at the place the schema's sequence gives
 * (`order` lists local names), before the first existing child that comes later.
 */
export function insertInOrder(parent: Element, child: Element, order: readonly string[]): Element {
  const rank = order.indexOf(local(child));
  if (rank >= 0) {
    for (let n = parent.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== ELEMENT_NODE) continue;
      const r = order.indexOf(local(n));
      if (r > rank) {
        parent.insertBefore(child as unknown as Node, n);
        return child;
      }
    }
  }
  parent.appendChild(child as unknown as Node);
  return child;
}

/** The child with this local name, created in schema order when missing. */
export function ensureChild(parent: Element, name: string, order: readonly string[]): Element {
  return firstChild(parent, name) ?? insertInOrder(parent, createChild(parent, name), order);
}

export function removeNode(node: Element): void {
  node.parentNode?.removeChild(node as unknown as Node);
}

/** Attribute by local name, whatever its prefix. */
export function attr(el: Element, name: string): string | null {
  if (el.hasAttribute(name)) return el.getAttribute(name);
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs.item(i)!;
    if ((a.localName ?? a.name) === name && a.name.includes(':')) return a.value;
  }
  return null;
}

/** The prefix the document uses for a namespace (declared on the root), if any. */
export function prefixFor(root: Element, namespace: string): string | undefined {
  const attrs = root.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs.item(i)!;
    if (a.name.startsWith('xmlns:') && a.value === namespace) return a.name.slice(6);
  }
  return undefined;
}
