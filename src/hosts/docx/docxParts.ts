/**
 * A Word document's XML parts for the accessibility check (src/core/audit): the package is
 * read with the .xlsx adapter's zip reader and OPC relationships (src/hosts/xlsx/zip,
 * ooxml/opc) and each part parsed with its XML parser (xml/dom: no DOCTYPE, no entities),
 * then handed over as plain element trees. Works on any .docx: ours, one Word or LibreOffice
 * saved, parts found through the relationships rather than by their usual names.
 */
import type { Document, Element } from '@xmldom/xmldom';
import type { DocxParts, XElement } from '../../core/audit/xml';
import { Package } from '../xlsx/ooxml/opc';
import { parseXml, rootElement } from '../xlsx/xml/dom';
import { XmlFormatError } from '../xlsx/xml/scanner';
import { ZipError, ZipReader } from '../xlsx/zip/zip';

/** A file that cannot be read as a Word document; `message` is Swedish. */
export class UnreadableDocxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableDocxError';
  }
}

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

/** A DOM element as a plain tree: local names, attributes by local name (namespace declarations left out). */
export function toTree(node: Element): XElement {
  const attrs: Record<string, string> = {};
  for (let i = 0; i < node.attributes.length; i++) {
    const a = node.attributes.item(i)!;
    if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) continue;
    attrs[a.localName ?? a.name] = a.value;
  }
  const children: (XElement | string)[] = [];
  for (let n = node.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === ELEMENT) children.push(toTree(n as Element));
    else if (n.nodeType === TEXT || n.nodeType === CDATA) children.push(n.nodeValue ?? '');
  }
  return { name: node.localName ?? node.nodeName, attrs, children };
}

function tree(text: string, part: string): XElement {
  return toTree(rootElement(parseXml(text, part) as Document));
}

/** Reads the parts of a .docx from its bytes. Throws UnreadableDocxError with a Swedish message. */
export async function readDocxParts(bytes: Uint8Array): Promise<DocxParts> {
  let zip: ZipReader;
  try {
    zip = await ZipReader.open(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (e) {
    if (e instanceof ZipError) throw new UnreadableDocxError(e.reason === 'not-zip' ? 'filen är inget Word-dokument (.docx)' : e.message);
    throw e;
  }
  try {
    const pkg = new Package(zip);
    const rels = await pkg.relationships('');
    const main = rels.find((r) => /\/officeDocument$/.test(r.type) && r.part)?.part ?? 'word/document.xml';
    const documentText = await pkg.text(main);
    if (documentText === undefined) throw new UnreadableDocxError('filen saknar Word-dokumentets huvuddel (word/document.xml) och är inget Word-dokument');
    const document = tree(documentText, main);
    if (document.name !== 'document') throw new UnreadableDocxError(`${main} är inget Word-dokument (rotelementet är ${document.name})`);
    const partRels = await pkg.relationships(main);
    const partOf = (type: RegExp) => partRels.find((r) => type.test(r.type) && r.part)?.part;
    const optional = async (part: string | undefined): Promise<XElement | undefined> => {
      if (!part) return undefined;
      const text = await pkg.text(part);
      return text === undefined ? undefined : tree(text, part);
    };
    const headersFooters: { part: string; root: XElement }[] = [];
    for (const r of partRels) {
      if (!/\/(header|footer)$/.test(r.type) || !r.part) continue;
      const root = await optional(r.part);
      if (root) headersFooters.push({ part: r.part, root });
    }
    return {
      document,
      styles: await optional(partOf(/\/styles$/) ?? 'word/styles.xml'),
      settings: await optional(partOf(/\/settings$/)),
      core: await optional(rels.find((r) => /\/core-properties$/.test(r.type))?.part ?? 'docProps/core.xml'),
      headersFooters,
    };
  } catch (e) {
    if (e instanceof ZipError || e instanceof XmlFormatError) throw new UnreadableDocxError(e.message);
    throw e;
  } finally {
    zip.close();
  }
}
