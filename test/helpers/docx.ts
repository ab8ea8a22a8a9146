/**
 * Reading a .docx the way a test needs: the body as a flat list of paragraphs (with style)
 * and tables (rows of cell texts, with header and spanning rows marked), parsed from
 * word/document.xml with a real XML parser that reports malformed XML.
 */
import JSZip from 'jszip';
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';

export interface DocParagraph {
  kind: 'p';
  style: string;
  text: string;
}

export interface DocRow {
  header: boolean;
  /** One cell spanning the whole table (the analysis rows). */
  spanning: boolean;
  cells: string[];
}

export interface DocTable {
  kind: 'table';
  rows: DocRow[];
}

export type DocBlock = DocParagraph | DocTable;

export interface ParsedDocx {
  blocks: DocBlock[];
  xml: string;
  parts: Record<string, string>;
  /** Problems the XML parser reported (must be none). */
  xmlErrors: string[];
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function children(node: Node, name: string): Element[] {
  const out: Element[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && (c as Element).localName === name) out.push(c as Element);
  return out;
}

function descendants(node: Element, name: string): Element[] {
  return Array.from(node.getElementsByTagNameNS(W, name));
}

function paragraphText(p: Element): string {
  let text = '';
  for (const el of descendants(p, '*')) {
    if (el.localName === 't') text += el.textContent ?? '';
    else if (el.localName === 'tab') text += '\t';
    else if (el.localName === 'br') text += '\n';
  }
  return text;
}

function styleOf(p: Element): string {
  const pPr = children(p, 'pPr')[0];
  const style = pPr && children(pPr, 'pStyle')[0];
  return style?.getAttributeNS(W, 'val') ?? style?.getAttribute('w:val') ?? '';
}

export async function readDocx(bytes: Uint8Array | Buffer): Promise<ParsedDocx> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (name.endsWith('.xml') || name.endsWith('.rels')) parts[name] = await zip.file(name)!.async('string');
  const xml = parts['word/document.xml'] ?? '';
  const xmlErrors: string[] = [];
  for (const [name, content] of Object.entries(parts)) {
    new DOMParser({ onError: (level: string, msg: string) => void (level !== 'warning' && xmlErrors.push(`${name}: ${msg}`)) }).parseFromString(
      content,
      'text/xml',
    );
  }
  const doc = new DOMParser({ onError: () => undefined }).parseFromString(xml, 'text/xml');
  const body = doc.getElementsByTagNameNS(W, 'body')[0]!;
  const blocks: DocBlock[] = [];
  const walk = (node: Element) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const el = c as Element;
      if (el.localName === 'p') blocks.push({ kind: 'p', style: styleOf(el), text: paragraphText(el) });
      else if (el.localName === 'tbl') {
        const grid = children(children(el, 'tblGrid')[0]!, 'gridCol').length;
        const rows = children(el, 'tr').map((tr) => {
          const trPr = children(tr, 'trPr')[0];
          const cells = children(tr, 'tc');
          const span = cells.length === 1 && Number(children(children(cells[0]!, 'tcPr')[0]!, 'gridSpan')[0]?.getAttribute('w:val') ?? 1) === grid && grid > 1;
          return {
            header: !!trPr && children(trPr, 'tblHeader').length > 0,
            spanning: span,
            cells: cells.map((tc) => children(tc, 'p').map(paragraphText).join('\n')),
          };
        });
        blocks.push({ kind: 'table', rows });
      } else if (el.localName === 'sdt') {
        const content = children(el, 'sdtContent')[0];
        if (content) walk(content);
      }
    }
  };
  walk(body);
  return { blocks, xml, parts, xmlErrors };
}

/** No-break spaces as spaces, the minus sign as "-", no zero-width spaces: for comparing printed text. */
export function plain(text: string): string {
  return text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\u2212/g, '-')
    .trim();
}
