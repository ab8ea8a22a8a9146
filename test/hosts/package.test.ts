/**
 * The package layer of the .xlsx adapter, on small parts written as Excel and other tools
 * write them: exact reading of every cell type, and surgical edits that leave everything
 * else as it was.
 */
import JSZip from 'jszip';
import { decodeXstring, encodeXstring } from '../../src/hosts/xlsx/ooxml/escapes';
import { RangeList } from '../../src/hosts/xlsx/ooxml/ranges';
import { XmlScanner } from '../../src/hosts/xlsx/xml/scanner';
import { shiftFormula } from '../../src/core/cells/formulaShift';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';
import { WorkbookConflictError } from '../../src/hosts/port';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface SheetSpec {
  name: string;
  xml: string; // the worksheet element's content
  rels?: string;
  state?: string;
}

/** A minimal package as Excel writes one: the given sheets, shared strings and styles. */
async function pkg(
  sheets: SheetSpec[],
  opts: { sst?: string[] | string; numFmts?: string; cellXfs?: string; workbookExtra?: string; extraParts?: Record<string, string> } = {},
): Promise<Buffer> {
  const zip = new JSZip();
  const overrides = sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `${overrides}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
      `</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr/>${opts.workbookExtra ?? ''}<bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets
      .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
      .join('')}</sheets><calcPr calcId="191029"/></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join(
        '',
      )}<Relationship Id="rId100" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId101" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  zip.file(
    'xl/styles.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<styleSheet xmlns="${MAIN}">${opts.numFmts ?? ''}<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>${
        opts.cellXfs ??
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
      }<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>`,
  );
  const sst = opts.sst ?? [];
  zip.file(
    'xl/sharedStrings.xml',
    typeof sst === 'string'
      ? sst
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<sst xmlns="${MAIN}" count="${sst.length}" uniqueCount="${sst.length}">${sst.map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join('')}</sst>`,
  );
  sheets.forEach((s, i) => {
    zip.file(
      `xl/worksheets/sheet${i + 1}.xml`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${s.xml}</worksheet>`,
    );
    if (s.rels) zip.file(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, s.rels);
  });
  for (const [name, text] of Object.entries(opts.extraParts ?? {})) zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function parts(buf: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(buf);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (!zip.files[name]!.dir) out[name] = await zip.file(name)!.async('string');
  return out;
}

describe('XML scanner', () => {
  test('tags and text split anywhere across chunks, attributes with ">" inside', () => {
    const xml = '<a x="1>2" y=\'&amp;q\'><b/>t&lt;x&#x41;<![CDATA[<raw>]]><!-- c --><?pi x?></a>';
    for (let size = 1; size <= xml.length; size++) {
      const sc = new XmlScanner();
      const events: string[] = [];
      for (let i = 0; i < xml.length; i += size) {
        sc.push(xml.slice(i, i + size));
        for (let e = sc.next(); e; e = sc.next())
          events.push(e.type === 'text' ? `T:${e.text}` : e.type === 'open' ? `O:${e.name}:${JSON.stringify(e.attrs)}:${e.selfClosing}` : `C:${e.name}`);
      }
      sc.end();
      for (let e = sc.next(); e; e = sc.next()) events.push(e.type === 'text' ? `T:${e.text}` : `X`);
      const text = events
        .filter((e) => e.startsWith('T:'))
        .map((e) => e.slice(2))
        .join('');
      expect(text).toBe('t<xA<raw>');
      expect(events[0]).toBe('O:a:{"x":"1>2","y":"&q"}:false');
      expect(events).toContain('O:b:{}:true');
      expect(events[events.length - 1]).toBe('C:a');
    }
  });

  test('a DOCTYPE is refused', () => {
    const sc = new XmlScanner();
    sc.push('<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>');
    sc.end();
    expect(() => sc.next()).toThrow(/DOCTYPE/);
  });
});

describe('_xHHHH_ escapes', () => {
  test.each([
    ['_x000B_', '\u000b'],
    ['rad 1_x000D_\nrad 2', 'rad 1\r\nrad 2'],
    ['_x005F_x0041_', '_x0041_'],
    ['_x0041_', 'A'],
    ['a_b_x', 'a_b_x'],
  ])('%j reads as %j and writes back the same', (stored, text) => {
    expect(decodeXstring(stored)).toBe(text);
    expect(decodeXstring(encodeXstring(text))).toBe(text);
  });
  test('a literal _x0041_ is written with its underscore escaped', () => {
    expect(encodeXstring('_x0041_')).toBe('_x005F_x0041_');
  });
});

describe('formula shifting', () => {
  test.each([
    ['A1+B$2+$C3+$D$4', 2, 1, 'B3+C$2+$C5+$D$4'],
    ['SUM(A1:A10)', 1, 0, 'SUM(A2:A11)'],
    ['SUM(A:A)+SUM(1:1)', 1, 1, 'SUM(B:B)+SUM(2:2)'],
    ['Blad1!A1&"A1"', 1, 0, 'Blad1!A2&"A1"'],
    ["'Min flik'!B2", 0, 1, "'Min flik'!C2"],
    ['LOG10(A1)+Moms', 1, 0, 'LOG10(A2)+Moms'],
    ['Tabell1[@Kolumn1]*A1', 1, 0, 'Tabell1[@Kolumn1]*A2'],
    ['[1]Blad1!A1', 1, 0, '[1]Blad1!A2'],
    ['1E+5*A1', 1, 0, '1E+5*A2'],
    ['A1', -1, 0, '#REF!'],
    ['_xlfn.UNIQUE(A2:A9)', 1, 0, '_xlfn.UNIQUE(A3:A10)'],
  ])('%s moved %i rows %i columns', (f, r, c, expected) => {
    expect(shiftFormula(f, r, c)).toBe(expected);
  });
});

describe('range lists', () => {
  test('subtraction keeps the untouched parts as written', () => {
    expect(RangeList.parse('R:R A1:B2').minus({ c1: 18, r1: 2, c2: 18, r2: 1000 }).toString()).toBe('R1 R1001:R1048576 A1:B2');
    expect(RangeList.parse('$D$2:$D$10').minus({ c1: 4, r1: 1, c2: 4, r2: 1000 }).isEmpty).toBe(true);
    expect(RangeList.parse('A1:XFD1048576').minus({ c1: 3, r1: 2, c2: 3, r2: 5 }).toString()).toBe('A1:XFD1 A6:XFD1048576 A2:B5 D2:XFD5');
  });
});

describe('reading cells exactly', () => {
  test('shared, rich, phonetic, inline, ISO-dated, boolean, error, formula-string and date-formatted cells', async () => {
    const sst =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<sst xmlns="${MAIN}" count="3" uniqueCount="3">` +
      '<si><t>Rad 1_x000B_rad 2</t></si>' +
      '<si><r><rPr><b/></rPr><t>Fet</t></r><r><t xml:space="preserve"> och vanlig</t></r><rPh sb="0" eb="1"><t>フ</t></rPh></si>' +
      '<si><t>_x005F_x0041_</t></si></sst>';
    const buf = await pkg(
      [
        {
          name: 'S',
          xml:
            '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
            '<row r="2"><c r="A2" t="inlineStr"><is><t>inline &amp; _x000D_</t></is></c><c r="B2" t="d"><v>2019-05-20T00:00:00</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#DIV/0!</v></c>' +
            '<c r="E2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="F2" s="1"><v>43605</v></c><c r="G2"><v>0.1</v></c></row></sheetData>',
        },
      ],
      { sst },
    );
    const host = await XlsxHost.fromBuffer(buf);
    const s = (await host.read(['S'])).sheets['S']!;
    expect(s.values[0]).toEqual(['Rad 1\u000brad 2', 'Fet och vanlig', '_x0041_']);
    expect(s.values[1]!.slice(0, 4)).toEqual(['inline & \r', new Date(Date.UTC(2019, 4, 20)), true, { error: '#DIV/0!' }]);
    expect(s.values[1]![4]).toBe('ab');
    expect(s.formulas[1]![4]).toBe('="a"&"b"');
    expect(s.values[1]![5]).toEqual(new Date(Date.UTC(2019, 4, 20)));
    expect(s.values[1]![6]).toBe(0.1);
  });

  test('shared formulas are read in every cell that shares them; rows and cells without r', async () => {
    const buf = await pkg([
      {
        name: 'S',
        xml:
          '<sheetData><row><c><v>1</v></c><c><v>2</v></c><c><f t="shared" ref="C1:C3" si="0">A1+B1</f><v>3</v></c></row>' +
          '<row><c><v>3</v></c><c><v>4</v></c><c><f t="shared" si="0"/><v>7</v></c></row>' +
          '<row r="3"><c r="A3"><v>5</v></c><c r="B3"><v>6</v></c><c r="C3"><f t="shared" si="0"/><v>11</v></c></row></sheetData>',
      },
    ]);
    const s = (await (await XlsxHost.fromBuffer(buf)).read(['S'])).sheets['S']!;
    expect(s.formulas.map((r) => r[2])).toEqual(['=A1+B1', '=A2+B2', '=A3+B3']);
    expect(s.values.map((r) => r[2])).toEqual([3, 7, 11]);
  });

  test('a stray value in row 1 048 576 is reported, not read, and reading stays fast', async () => {
    const buf = await pkg([
      {
        name: 'S',
        xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="B1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
      },
    ]);
    const t = Date.now();
    const s = (await (await XlsxHost.fromBuffer(buf)).read(['S'])).sheets['S']!;
    expect(Date.now() - t).toBeLessThan(2000);
    expect(s.values.length).toBe(1);
    expect(s.outside).toEqual({ row: 1048576, column: 2 });
  });

  test('a part whose checksum does not match is refused', async () => {
    const buf = await pkg([{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Hej hopp</t></is></c></row></sheetData>' }]);
    // flip a byte of the stored (not compressed) sheet to break its CRC
    const zip = await JSZip.loadAsync(buf);
    const stored = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
    const at = stored.indexOf(Buffer.from('Hej hopp'));
    stored[at] = 'X'.charCodeAt(0);
    const host = await XlsxHost.fromBuffer(stored);
    await expect(host.read(['S'])).rejects.toThrow(/skadad/);
    await expect(host.toBuffer()).rejects.toThrow(/skadad/);
  });
});

describe('surgical edits', () => {
  const unknown =
    '<sheetPr codeName="Blad1"><tabColor rgb="FFFF0000"/></sheetPr><dimension ref="A1:C3"/><sheetViews><sheetView showGridLines="0" zoomScale="85" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"/>' +
    '<sheetData><row r="1" spans="1:3"><c r="A1" t="inlineStr"><is><t>Rubrik</t></is></c><c r="C1"><f t="shared" ref="C1:C3" si="4">A1&amp;"x"</f><v>0</v></c></row><row r="3" spans="1:3"><c r="A3"><v>5</v></c><c r="C3"><f t="shared" si="4"/><v>0</v></c></row></sheetData>' +
    '<dataValidations count="3"><dataValidation type="list" sqref="R:R"><formula1>$H$1:$H$3</formula1></dataValidation><dataValidation type="whole" operator="greaterThan" sqref="E2:E5"><formula1>$H$1</formula1></dataValidation><dataValidation type="whole" sqref="B2:B5"><formula1>1</formula1><formula2>9</formula2></dataValidation></dataValidations>' +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><rowBreaks count="1" manualBreakCount="1"><brk id="10" max="16383" man="1"/></rowBreaks><ignoredErrors><ignoredError sqref="A1" numberStoredAsText="1"/></ignoredErrors>';

  test('cells written in place; other rows, cells, elements and parts unchanged', async () => {
    const buf = await pkg(
      [
        { name: 'S', xml: unknown },
        { name: 'Annan', xml: '<sheetData/>' },
      ],
      { extraParts: { 'customXml/item1.xml': '<x>orörd</x>' } },
    );
    const host = await XlsxHost.fromBuffer(buf);
    await host.apply([
      { op: 'setCells', sheet: 'S', topLeft: 'B1', rows: [['Ny'], [12.5], [{ formula: '=A3*2' }]] },
      { op: 'setCells', sheet: 'S', topLeft: 'A2', rows: [['rad 2\nmed radbrytning _x0041_\u000b']] },
      { op: 'freezeHeader', sheet: 'S' },
      { op: 'validation', sheet: 'S', range: 'B2:B1000', rule: { type: 'decimal' }, error: { title: 'Inget tal', message: 'Skriv ett tal.', style: 'stop' } },
    ]);
    // a shared formula's first cell rewritten: the cell sharing it keeps its formula
    await host.apply([{ op: 'setCells', sheet: 'S', topLeft: 'C1', rows: [[{ formula: '=A1&"y"' }]] }]);
    const before = await parts(buf);
    const out = await host.toBuffer();
    const after = await parts(out);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const name of Object.keys(before)) {
      if (['xl/worksheets/sheet1.xml', 'xl/workbook.xml', 'xl/styles.xml'].includes(name)) continue;
      expect([name, after[name]]).toEqual([name, before[name]]);
    }
    const xml = after['xl/worksheets/sheet1.xml']!;
    // untouched things
    for (const kept of [
      '<sheetPr codeName="Blad1"><tabColor rgb="FFFF0000"/></sheetPr>',
      'showGridLines="0" zoomScale="85"',
      'x14ac:dyDescent="0.25"',
      '<c r="A1" t="inlineStr"><is><t>Rubrik</t></is></c>',
      '<rowBreaks count="1" manualBreakCount="1"><brk id="10" max="16383" man="1"/></rowBreaks>',
      '<ignoredErrors><ignoredError sqref="A1" numberStoredAsText="1"/></ignoredErrors>',
      'sqref="R:R"',
      '<formula1>$H$1</formula1>',
    ]) {
      expect(xml).toContain(kept);
    }
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    // the user's validation on B2:B5 gave way to Planrapport's on B2:B1000
    expect(xml).not.toContain('sqref="B2:B5"');
    const reread = await XlsxHost.fromBuffer(out);
    const s = (await reread.read(['S'])).sheets['S']!;
    expect(s.values[0]!.slice(0, 2)).toEqual(['Rubrik', 'Ny']);
    expect(s.values[1]![0]).toBe('rad 2\nmed radbrytning _x0041_\u000b');
    expect(s.values[1]![1]).toBe(12.5);
    expect(s.formulas[2]![1]).toBe('=A3*2');
    expect(s.formulas[2]![2]).toBe('=A3&"x"');
    expect(s.formulas[0]![2]).toBe('=A1&"y"');
    expect(xml).toContain('<c r="C3"><f>A3&amp;"x"</f><v>0</v></c>');
    expect(after['xl/workbook.xml']).toContain('fullCalcOnLoad="1"');
  });

  test('running the same edits again changes nothing', async () => {
    const buf = await pkg([{ name: 'S', xml: unknown }]);
    const edits = [
      { op: 'headerStyle', sheet: 'S', range: 'A1:C1' },
      { op: 'freezeHeader', sheet: 'S' },
      { op: 'numberFormat', sheet: 'S', range: 'B2:B1000', format: '#,##0.0' },
      { op: 'validation', sheet: 'S', range: 'B2:B1000', rule: { type: 'decimal' } },
      { op: 'conditionalFormat', sheet: 'S', range: 'B2:B1000', format: { formula: '=B2<0', fill: '#FFC7CE' } },
    ] as const;
    const host = await XlsxHost.fromBuffer(buf);
    await host.apply(edits);
    const once = await host.toBuffer();
    const again = await XlsxHost.fromBuffer(once);
    await again.apply(edits);
    const twice = await again.toBuffer();
    expect(await parts(twice)).toEqual(await parts(once));
  });

  test('writes that would harm something stop before anything is kept, naming sheet and cell', async () => {
    const buf = await pkg(
      [
        {
          name: 'S',
          xml: '<sheetData><row r="1"><c r="A1"><f t="array" ref="A1:A3">{1;2;3}</f><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="C1:D2"/></mergeCells>',
        },
        { name: 'Skyddad', xml: '<sheetData/><sheetProtection sheet="1" objects="1" scenarios="1"/>' },
      ],
      { workbookExtra: '<workbookProtection lockStructure="1"/>' },
    );
    const host = await XlsxHost.fromBuffer(buf);
    const attempt = host.apply([
      { op: 'setCells', sheet: 'S', topLeft: 'A2', rows: [['x']] },
      { op: 'setCells', sheet: 'S', topLeft: 'D2', rows: [['x']] },
      { op: 'setCells', sheet: 'Skyddad', topLeft: 'A1', rows: [['x']] },
      { op: 'addSheet', sheet: 'Ny' },
      { op: 'setCells', sheet: 'S', topLeft: 'XFE1', rows: [['x']] },
    ]);
    await expect(attempt).rejects.toBeInstanceOf(WorkbookConflictError);
    const message = await attempt.catch((e: Error) => e.message);
    expect(message).toMatch(/S!A2 ingår i matrisformeln i A1:A3/);
    expect(message).toMatch(/S!D2 ingår i de sammanfogade cellerna C1:D2/);
    expect(message).toMatch(/Fliken Skyddad är skyddad/);
    expect(message).toMatch(/struktur är skyddad, så fliken Ny/);
    expect(message).toMatch(/XFD/);
    expect(await parts(await host.toBuffer())).toEqual(await parts(buf));
  });
});
