/**
 * Small Word documents by hand for the accessibility check's tests: XML strings for the parts
 * (a body, styles, core properties) and, for the CLI, a .docx zipped from them.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import JSZip from 'jszip';
import type { DocxParts, XElement } from '../../src/core/audit/xml';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** An XML string as the checker's plain tree (local names, attributes by local name), as src/hosts/docx does. */
export function tree(xml: string): XElement {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const convert = (node: Element): XElement => {
    const attrs: Record<string, string> = {};
    for (let i = 0; i < node.attributes.length; i++) {
      const a = node.attributes.item(i)!;
      if (!a.name.startsWith('xmlns')) attrs[a.localName ?? a.name] = a.value;
    }
    const children: (XElement | string)[] = [];
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 1) children.push(convert(n as Element));
      else if (n.nodeType === 3) children.push(n.nodeValue ?? '');
    }
    return { name: node.localName ?? node.nodeName, attrs, children };
  };
  return convert(doc.documentElement as unknown as Element);
}

export const documentXml = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:body>${body}<w:sectPr/></w:body></w:document>`;

/** Styles with Swedish as the default language, Normal, Heading 1–3, a bold "Rubrik framsida" without outline level, a table style. */
export const stylesXml = (options: { lang?: string | null; extra?: string } = {}) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="21"/>${
    options.lang === null ? '' : `<w:lang w:val="${options.lang ?? 'sv-SE'}"/>`
  }</w:rPr></w:rPrDefault></w:docDefaults>` +
  `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
  [1, 2, 3]
    .map(
      (n) =>
        `<w:style w:type="paragraph" w:styleId="Heading${n}"><w:name w:val="heading ${n}"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="${34 - 4 * n}"/></w:rPr></w:style>`,
    )
    .join('') +
  `<w:style w:type="paragraph" w:styleId="FrontHeading"><w:name w:val="Rubrik framsida"/><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Small"><w:name w:val="Liten"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="16"/></w:rPr></w:style>` +
  `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/></w:style>` +
  (options.extra ?? '') +
  `</w:styles>`;

export const coreXml = (p: { title?: string; creator?: string; lastModifiedBy?: string } = {}) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
  (p.title !== undefined ? `<dc:title>${p.title}</dc:title>` : '') +
  (p.creator !== undefined ? `<dc:creator>${p.creator}</dc:creator>` : '') +
  (p.lastModifiedBy !== undefined ? `<cp:lastModifiedBy>${p.lastModifiedBy}</cp:lastModifiedBy>` : '') +
  `</cp:coreProperties>`;

/** A paragraph: `p('Text', { style: 'Heading1', rPr: '<w:b/>' })`. */
export const p = (text: string, o: { style?: string; pPr?: string; rPr?: string } = {}) =>
  `<w:p><w:pPr>${o.style ? `<w:pStyle w:val="${o.style}"/>` : ''}${o.pPr ?? ''}</w:pPr><w:r>${o.rPr ? `<w:rPr>${o.rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** A table from rows of cell texts; the first row marked as header unless `header: false`. */
export const table = (rows: string[][], o: { header?: boolean; borders?: boolean; rPr?: string; fill?: string } = {}) =>
  `<w:tbl><w:tblPr>${
    o.borders === false
      ? '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>'
      : '<w:tblBorders><w:top w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/></w:tblBorders>'
  }</w:tblPr>` +
  rows
    .map(
      (cells, i) =>
        `<w:tr>${i === 0 && o.header !== false ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${cells
          .map((c) => `<w:tc>${o.fill ? `<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${o.fill}"/></w:tcPr>` : ''}${p(c, { rPr: o.rPr })}</w:tc>`)
          .join('')}</w:tr>`,
    )
    .join('') +
  `</w:tbl>`;

/** The parts of a document whose body is `body` (clean properties unless given). */
export function parts(body: string, o: { styles?: string; core?: string } = {}): DocxParts {
  return {
    document: tree(documentXml(body)),
    styles: tree(o.styles ?? stylesXml()),
    core: tree(o.core ?? coreXml({ title: 'Tertialrapport 1 för 2025 – Exempelnämnden', creator: 'Anna Andersson', lastModifiedBy: 'Anna Andersson' })),
  };
}

/** A .docx package of the parts (for the command line). */
export async function docxBytes(body: string, o: { styles?: string; core?: string } = {}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.file('word/document.xml', documentXml(body));
  zip.file('word/styles.xml', o.styles ?? stylesXml());
  zip.file('docProps/core.xml', o.core ?? coreXml({ title: 'Rapport', creator: 'Anna Andersson' }));
  return zip.generateAsync({ type: 'nodebuffer' });
}

/**
 * The acceptance case: a skipped heading level, a status that is only a symbol, 8 pt table
 * text and no title.
 */
export const FAULTY_BODY =
  p('Uppföljning', { style: 'Heading1' }) +
  p('Aktiviteter', { style: 'Heading3' }) +
  table(
    [
      ['Aktivitet', 'Status'],
      ['Ny organisation', '✓'],
    ],
    { rPr: '<w:sz w:val="16"/>' },
  );
