/**
 * The checker behind the preservation corpus (issue 7), checked itself: the corpus
 * workbooks are sound packages (integrity, schema), and a deliberately damaged package is
 * reported with a message that says what was lost.
 */
import JSZip from 'jszip';
import { BOUNDED_FEATURES, FEATURES, buildWorkbook } from '../helpers/excelLike';
import {
  XlsxPackage,
  applyMarkupCompatibility,
  checkIntegrity,
  checkPackage,
  comparePackages,
  parseSqref,
  rectsCover,
  referencesPastLimits,
  schemaAvailable,
  validateSml,
} from '../helpers/packageCheck';

/** Rewrites parts of a package (text parts as strings; null removes the part). */
async function mutate(data: Buffer, edit: (parts: Map<string, string | null>) => void): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data);
  const parts = new Map<string, string | null>();
  for (const f of Object.values(zip.files)) if (!f.dir && /\.(xml|rels|vml)$/.test(f.name)) parts.set(f.name, await f.async('string'));
  const before = new Map(parts);
  edit(parts);
  for (const [name, text] of parts) {
    if (text === null) zip.remove(name);
    else if (text !== before.get(name)) zip.file(name, text);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function replaceIn(parts: Map<string, string | null>, part: string, from: string | RegExp, to: string): void {
  const text = parts.get(part);
  if (text === undefined || text === null) throw new Error(`no part ${part}`);
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${part}: ${String(from)} not found`);
  parts.set(part, next);
}

const ALL = { ...FEATURES, ...BOUNDED_FEATURES };

describe('the corpus workbooks are sound packages', () => {
  let packages: [string, Buffer][];
  beforeAll(async () => {
    packages = [['base', await buildWorkbook()]];
    for (const [id, f] of Object.entries(ALL)) packages.push([id, await buildWorkbook([f])]);
  });

  it('no integrity problems, and each compares equal to itself', async () => {
    const problems: string[] = [];
    for (const [id, data] of packages) {
      const pkg = await XlsxPackage.load(data);
      for (const p of await checkIntegrity(pkg)) problems.push(`${id}: ${p}`);
      for (const p of await comparePackages(pkg, pkg)) problems.push(`${id}: ${p}`);
    }
    expect(problems).toEqual([]);
  });

  it('every workbook, worksheet, styles and shared-strings part validates against sml.xsd (after markup compatibility)', async () => {
    if (!schemaAvailable()) return;
    const items: { name: string; xml: string }[] = [];
    for (const [id, data] of packages) {
      const pkg = await XlsxPackage.load(data);
      for (const p of pkg.parts) {
        if (/^xl\/(workbook|styles|sharedStrings)\.xml$|^xl\/worksheets\/sheet\d+\.xml$/.test(p)) items.push({ name: `${id}:${p}`, xml: pkg.text(p)! });
      }
    }
    // t="d" (ISO dates) is what other tools write; transitional sml.xsd does not have it
    const expected = (name: string, e: string) => name.startsWith('isoDate') && /attribute 't'.*The value 'd' is not an element/.test(e);
    const errors = [...validateSml(items)]
      .map(([name, e]) => [name, e.filter((x) => !expected(name, x))] as const)
      .filter(([, e]) => e.length)
      .map(([name, e]) => `${name}: ${e.join('; ')}`);
    expect(errors).toEqual([]);
  });
});

describe('markup compatibility as Office applies it', () => {
  it('drops ignorable attributes and elements, unwraps AlternateContent to its Fallback, drops xml:space on <t>', () => {
    const xml =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="urn:x14ac" xmlns:xr="urn:xr" mc:Ignorable="x14ac xr" xr:uid="{1}">' +
      '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><xr:thing/>' +
      '<mc:AlternateContent><mc:Choice Requires="x14"><a/></mc:Choice><mc:Fallback><b/></mc:Fallback></mc:AlternateContent><t xml:space="preserve"> x</t></worksheet>';
    const out = applyMarkupCompatibility(xml);
    expect(out).not.toMatch(/dyDescent|xr:uid|xr:thing|Ignorable|AlternateContent|<a\/>|xml:space/);
    expect(out).toMatch(/<b\/>/);
    expect(out).toMatch(/<t> x<\/t>/);
  });
});

describe("Excel's text escapes", () => {
  it('decodes _xHHHH_ as Excel reads it', async () => {
    const pkg = await XlsxPackage.load(await buildWorkbook([FEATURES.escapedEscape!]));
    expect(pkg.storedText('Texter', 'B6')).toBe('Koden _x005F_x0041_ står kvar som den är.');
    expect(pkg.cellText('Texter', 'B6')).toBe('Koden _x0041_ står kvar som den är.');
    const cr = await XlsxPackage.load(await buildWorkbook([FEATURES.carriageReturn!]));
    expect(cr.storedText('Texter', 'B6')).toBe('Första stycket._x000D_\nAndra stycket.');
    expect(cr.cellText('Texter', 'B6')).toBe('Första stycket.\r\nAndra stycket.');
  });
});

describe('ranges', () => {
  it('parses sqref forms and compares coverage', () => {
    expect(parseSqref('A1 B2:C3')).toEqual([
      { c1: 1, r1: 1, c2: 1, r2: 1 },
      { c1: 2, r1: 2, c2: 3, r2: 3 },
    ]);
    expect(parseSqref('R:R')).toEqual([{ c1: 18, r1: 1, c2: 18, r2: 1_048_576 }]);
    expect(parseSqref('$2:$3')).toEqual([{ c1: 1, r1: 2, c2: 16_384, r2: 3 }]);
    expect(rectsCover(parseSqref('A1:C10')!, parseSqref('A1:A5 C3:C10')!)).toBe(true);
    expect(rectsCover(parseSqref('A1:A5 A6:C10')!, parseSqref('A1:B10')!)).toBe(false);
  });

  it('finds references past XFD1048576 and nothing else', () => {
    expect(referencesPastLimits('SUM(A1:B1048577)')).toEqual(['B1048577']);
    expect(referencesPastLimits('XFE1')).toEqual(['XFE1']);
    expect(referencesPastLimits('Blad1!$1:$1048577')).toEqual(['$1:$1048577']);
    expect(referencesPastLimits('A1:XFD1048576 R:R $1:$1048576')).toEqual([]);
    expect(referencesPastLimits('LOG10(A1)+DAYS360(B2,C3)+"ABCD123"+[1]Blad1!A1+_xlfn.UNIQUE(A2:A4)')).toEqual([]);
  });
});

describe('a damaged package is reported', () => {
  let base: Buffer;
  let withChart: Buffer;
  let withNames: Buffer;
  let withListor: Buffer;
  beforeAll(async () => {
    base = await buildWorkbook([FEATURES.sheetViews!, FEATURES.x14Validations!, FEATURES.userFormatsAndValidations!]);
    withChart = await buildWorkbook([FEATURES.chartIndikatorer!]);
    withNames = await buildWorkbook([FEATURES.definedNames!]);
    withListor = await buildWorkbook([FEATURES.userListorSheet!]);
  });

  const losses = async (before: Buffer, after: Buffer) => (await checkPackage(before, after)).losses;
  const integrity = async (before: Buffer, after: Buffer) => (await checkPackage(before, after)).integrity;

  it('an unchanged package: nothing', async () => {
    const r = await checkPackage(base, await mutate(base, () => undefined));
    expect(r).toEqual({ losses: [], integrity: [], schema: undefined });
  });

  it('a surgical edit like the one template should make is clean: a new hidden list sheet, new cells, validations, a format, a style, strings, a name; the calculation chain dropped', async () => {
    const W = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
    const after = await mutate(base, (p) => {
      p.set(
        'xl/worksheets/sheet8.xml',
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:A3"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Enhet</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>%</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>st</t></is></c></row></sheetData></worksheet>',
      );
      replaceIn(
        p,
        '[Content_Types].xml',
        '</Types>',
        '<Override PartName="/xl/worksheets/sheet8.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      );
      replaceIn(p, '[Content_Types].xml', /<Override PartName="\/xl\/calcChain.xml"[^>]*\/>/, '');
      p.set('xl/calcChain.xml', null);
      replaceIn(p, 'xl/_rels/workbook.xml.rels', /<Relationship Id="rId\d+" Type="[^"]*\/calcChain" Target="calcChain.xml"\/>/, '');
      replaceIn(p, 'xl/_rels/workbook.xml.rels', '</Relationships>', `<Relationship Id="rId20" Type="${W}" Target="worksheets/sheet8.xml"/></Relationships>`);
      replaceIn(
        p,
        'xl/workbook.xml',
        '</sheets>',
        '<sheet name="Planrapport-listor" sheetId="8" state="hidden" r:id="rId20"/></sheets><definedNames><definedName name="PR_Enhet">\'Planrapport-listor\'!$A$2:$A$3</definedName></definedNames>',
      );
      replaceIn(p, 'xl/workbook.xml', '<calcPr calcId="191029"/>', '<calcPr calcId="191029" fullCalcOnLoad="1"/>');
      // Indikatorer: a header, a formula in an empty cell, a dropdown and a format on Planrapport's columns
      replaceIn(p, 'xl/worksheets/sheet4.xml', /(<row r="1"[^>]*>.*?)(<\/row>)/, '$1<c r="P1" s="2" t="inlineStr"><is><t>Flagga</t></is></c>$2');
      replaceIn(p, 'xl/worksheets/sheet4.xml', /(<row r="2"[^>]*>.*?)(<\/row>)/, '$1<c r="Q2" t="str"><f>IF(A2="","",1)</f><v>1</v></c>$2');
      replaceIn(
        p,
        'xl/worksheets/sheet4.xml',
        '</conditionalFormatting><dataValidations count="1">',
        '</conditionalFormatting><conditionalFormatting sqref="N2:N2000"><cfRule type="expression" dxfId="1" priority="2"><formula>LEN(N2)=0</formula></cfRule></conditionalFormatting><dataValidations count="2">',
      );
      replaceIn(
        p,
        'xl/worksheets/sheet4.xml',
        '</dataValidations>',
        '<dataValidation type="list" allowBlank="1" sqref="C2:C2000"><formula1>PR_Enhet</formula1></dataValidation></dataValidations>',
      );
      replaceIn(
        p,
        'xl/styles.xml',
        /<dxfs count="1">(.*?)<\/dxfs>/,
        '<dxfs count="2">$1<dxf><fill><patternFill><bgColor rgb="FFF8CBAD"/></patternFill></fill></dxf></dxfs>',
      );
      replaceIn(
        p,
        'xl/styles.xml',
        /<cellXfs count="6">(.*?)<\/cellXfs>/,
        '<cellXfs count="7">$1<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>',
      );
      replaceIn(p, 'xl/sharedStrings.xml', '</sst>', '<si><t>Kontroll</t></si></sst>');
    });
    const r = await checkPackage(base, after, { schemas: true });
    expect(r.losses).toEqual([]);
    expect(r.integrity).toEqual([]);
    if (r.schema) expect(r.schema).toEqual([]);
  });

  it('a part removed', async () => {
    const after = await mutate(withChart, (p) => p.set('xl/charts/chart1.xml', null));
    expect(await losses(withChart, after)).toContain('xl/charts/chart1.xml: part removed');
    expect((await integrity(withChart, after)).join('\n')).toMatch(
      /drawing1\.xml\.rels: rId1 \(chart\) points at \.\.\/charts\/chart1\.xml, which is not in the package/,
    );
  });

  it('a part Planrapport does not own, changed', async () => {
    const after = await mutate(withChart, (p) => replaceIn(p, 'xl/drawings/drawing1.xml', 'Diagram 1', 'Diagram 2'));
    expect((await losses(withChart, after)).join('\n')).toMatch(/^xl\/drawings\/drawing1\.xml: changed, but Planrapport does not own it .*Diagram 1/);
  });

  it("a cell's value, type or formula changed on a contract sheet", async () => {
    const after = await mutate(base, (p) => {
      replaceIn(p, 'xl/worksheets/sheet4.xml', '<c r="F3"><v>25</v></c>', '<c r="F3"><v>26</v></c>');
      replaceIn(p, 'xl/worksheets/sheet6.xml', /<c r="C5" s="4"><f>SUM\(C2,C4\)<\/f>/, '<c r="C5" s="4"><f>SUM(C2:C4)</f>');
      replaceIn(p, 'xl/worksheets/sheet1.xml', /<c r="B3"><v>2019<\/v><\/c>/, '<c r="B3" t="str"><v>2019</v></c>');
    });
    expect(await losses(base, after)).toEqual([
      'Dokument!B3: type n → str',
      'Indikatorer!F3: value "25" → "26"',
      'Driftbudget!C5: formula <f>SUM(C2,C4)</f> → <f>SUM(C2:C4)</f>',
    ]);
  });

  it('a cell removed, a text changed through the shared strings; appending strings is fine', async () => {
    const after = await mutate(base, (p) => {
      replaceIn(p, 'xl/worksheets/sheet3.xml', /<c r="D5" t="s"><v>\d+<\/v><\/c>/, '');
      replaceIn(p, 'xl/sharedStrings.xml', '<t>Andel A</t>', '<t>Andel A!</t>');
      replaceIn(p, 'xl/sharedStrings.xml', '</sst>', '<si><t>Ny</t></si></sst>');
    });
    const r = await losses(base, after);
    expect(r).toContainEqual(expect.stringMatching(/^Mål!D5: cell removed \(was t=s "Unga får stöd"\)$/));
    expect(r).toContainEqual(
      expect.stringMatching(/^xl\/sharedStrings\.xml: shared string \d+ changed: <si><t>Andel A<\/t><\/si> → <si><t>Andel A!<\/t><\/si>$/),
    );
    expect(r).toHaveLength(3); // with the heading line of the shared strings
  });

  it('what changes nothing is not reported: run-property order, xml:space on text without edge spaces, attributes written with their default 0', async () => {
    const after = await mutate(base, (p) => {
      replaceIn(
        p,
        'xl/sharedStrings.xml',
        '<rPr><b/><sz val="11"/><color theme="1"/><rFont val="Calibri"/><family val="2"/><scheme val="minor"/></rPr>',
        '<rPr><color theme="1"/><b/><family val="2"/><scheme val="minor"/><sz val="11"/><rFont val="Calibri"/></rPr>',
      );
      replaceIn(p, 'xl/sharedStrings.xml', '<t>Andel A</t>', '<t xml:space="preserve">Andel A</t>');
      replaceIn(p, 'xl/worksheets/sheet4.xml', '<sheetFormatPr defaultRowHeight="15"', '<sheetFormatPr defaultRowHeight="15" outlineLevelRow="0"');
    });
    expect(await losses(base, after)).toEqual([]);
  });

  it('defined names removed or changed; a constant name and the formula that uses it', async () => {
    const after = await mutate(withNames, (p) => {
      replaceIn(p, 'xl/workbook.xml', '<definedName name="Moms">0.25</definedName>', '');
      replaceIn(p, 'xl/workbook.xml', 'OFFSET(Underlag!$B$2,0,0,COUNT(Underlag!$B:$B),1)', 'Underlag!$B$2');
    });
    expect(await losses(withNames, after)).toEqual([
      'xl/workbook.xml: defined name Dyn changed: <definedName name="Dyn">OFFSET(Underlag!$B$2,0,0,COUNT(Underlag!$B:$B),1)</definedName> → <definedName name="Dyn">Underlag!$B$2</definedName>',
      'xl/workbook.xml: defined name Moms removed (was <definedName name="Moms">0.25</definedName>)',
    ]);
  });

  it("the user's Listor sheet hidden and a sheet entry renumbered", async () => {
    const after = await mutate(withListor, (p) => {
      replaceIn(p, 'xl/workbook.xml', '<sheet name="Listor" sheetId="8" r:id="rId8"/>', '<sheet name="Listor" sheetId="8" state="hidden" r:id="rId8"/>');
      replaceIn(p, 'xl/workbook.xml', '<sheet name="Underlag" sheetId="7"', '<sheet name="Underlag" sheetId="17"');
    });
    expect(await losses(withListor, after)).toEqual([
      'xl/workbook.xml: sheet "Underlag": sheetId 7 → 17',
      'xl/workbook.xml: sheet "Listor": state visible → hidden',
    ]);
  });

  it("the user's Listor sheet overwritten (it is not Planrapport's)", async () => {
    const after = await mutate(withListor, (p) => replaceIn(p, 'xl/worksheets/sheet8.xml', '<c r="A1" t="s">', '<c r="A1" s="2" t="s">'));
    expect((await losses(withListor, after)).join('\n')).toMatch(/^xl\/worksheets\/sheet8\.xml \(Listor\): changed, but Planrapport does not own it/);
  });

  it('views, validations and formats of the user lost on a contract sheet', async () => {
    const after = await mutate(base, (p) => {
      replaceIn(p, 'xl/worksheets/sheet4.xml', ' showGridLines="0" zoomScale="85"', ' zoomScale="100"');
      replaceIn(p, 'xl/worksheets/sheet4.xml', /<pane [^>]*\/>/, '');
      replaceIn(
        p,
        'xl/worksheets/sheet4.xml',
        'showErrorMessage="1" promptTitle="Prioritet" prompt="1 (högst) till 3" sqref="O2:O50"',
        'showErrorMessage="1" promptTitle="Prioritet" prompt="1 (högst) till 3" sqref="A1"',
      );
      replaceIn(
        p,
        'xl/worksheets/sheet4.xml',
        '<conditionalFormatting sqref="O2:O50"><cfRule type="cellIs" dxfId="0" priority="1" operator="equal"><formula>1</formula></cfRule></conditionalFormatting>',
        '',
      );
      replaceIn(p, 'xl/worksheets/sheet4.xml', '<xm:f>Underlag!$A$2:$A$7</xm:f>', '<xm:f>Underlag!$A$2:$A$6</xm:f>');
    });
    expect(await losses(base, after)).toEqual([
      'Indikatorer: sheetView showGridLines="0" → (removed)',
      'Indikatorer: sheetView zoomScale="85" → 100',
      'Indikatorer: pane <pane xSplit="2" ySplit="1" topLeftCell="C2" activePane="bottomRight" state="frozen"/> → (nothing)',
      "Indikatorer: the user's dataValidation on O2:O50 now on A1",
      expect.stringMatching(/^Indikatorer: the user's conditionalFormatting on O2:O50 <conditionalFormatting .* is gone; nothing covers O2:O50 now$/),
      expect.stringMatching(
        /^Indikatorer: the user's x14:dataValidation on O2:O50 <x14:dataValidation .*A\$7.* is gone; there now: <x14:dataValidation .*A\$6/,
      ),
    ]);
  });

  it('an x14 validation that overlaps a Planrapport column may shrink, not grow', async () => {
    const overlapping = await mutate(base, (p) => replaceIn(p, 'xl/worksheets/sheet4.xml', '<xm:sqref>O2:O50</xm:sqref>', '<xm:sqref>L2:O50</xm:sqref>'));
    const shrunk = await mutate(overlapping, (p) => replaceIn(p, 'xl/worksheets/sheet4.xml', '<xm:sqref>L2:O50</xm:sqref>', '<xm:sqref>O2:O50</xm:sqref>'));
    expect(await losses(overlapping, shrunk)).toEqual([]);
    const lostUserPart = await mutate(overlapping, (p) =>
      replaceIn(p, 'xl/worksheets/sheet4.xml', '<xm:sqref>L2:O50</xm:sqref>', '<xm:sqref>L2:L50</xm:sqref>'),
    );
    expect(await losses(overlapping, lostUserPart)).toEqual([
      expect.stringMatching(/x14:dataValidation on L2:O50 no longer covers its cells outside Planrapport's columns/),
    ]);
    const grown = await mutate(overlapping, (p) => replaceIn(p, 'xl/worksheets/sheet4.xml', '<xm:sqref>L2:O50</xm:sqref>', '<xm:sqref>L2:P50</xm:sqref>'));
    expect(await losses(overlapping, grown)).toEqual([expect.stringMatching(/x14:dataValidation on L2:O50 grew to L2:P50/)]);
  });

  it('style entries changed by index', async () => {
    const after = await mutate(base, (p) => replaceIn(p, 'xl/styles.xml', '<font><b/><sz val="11"/>', '<font><b/><sz val="12"/>'));
    expect(await losses(base, after)).toEqual([
      expect.stringMatching(/^xl\/styles\.xml: fonts\[1\] changed: <font><b\/><sz val="11"\/>.* → <font><b\/><sz val="12"\/>/),
    ]);
  });

  it('an ISO date cell turned into a number', async () => {
    const withDate = await buildWorkbook([FEATURES.isoDateDokument!]);
    const after = await mutate(withDate, (p) =>
      replaceIn(p, 'xl/worksheets/sheet1.xml', '<c r="B9" s="1" t="d"><v>2019-09-26T00:00:00</v></c>', '<c r="B9" s="1"><v>2019</v></c>'),
    );
    expect(await losses(withDate, after)).toEqual(['Dokument!B9: type d → n; value "2019-09-26T00:00:00" → "2019"']);
  });

  it('removing the calculation chain is allowed; its relationship must go with it', async () => {
    const removed = await mutate(base, (p) => {
      p.set('xl/calcChain.xml', null);
      replaceIn(p, 'xl/_rels/workbook.xml.rels', /<Relationship Id="rId\d+" Type="[^"]*\/calcChain" Target="calcChain.xml"\/>/, '');
      replaceIn(p, '[Content_Types].xml', /<Override PartName="\/xl\/calcChain.xml"[^>]*\/>/, '');
    });
    expect(await checkPackage(base, removed)).toEqual({ losses: [], integrity: [], schema: undefined });
    const dangling = await mutate(base, (p) => p.set('xl/calcChain.xml', null));
    const r = await checkPackage(base, dangling);
    expect(r.losses).toEqual([]);
    expect(r.integrity).toEqual([
      expect.stringMatching(/Override for \/xl\/calcchain\.xml, which is not in the package/),
      expect.stringMatching(/workbook\.xml\.rels: rId\d+ \(calcChain\) points at calcChain\.xml/),
    ]);
  });

  it('integrity: NaN, references past the last row, a style index out of range, a relationship of a missing part', async () => {
    const after = await mutate(base, (p) => {
      replaceIn(p, 'xl/worksheets/sheet7.xml', '<formula1>0</formula1>', '<formula1>NaN</formula1>');
      replaceIn(p, 'xl/worksheets/sheet4.xml', 'sqref="O2:O50"', 'sqref="O2:O1048577"');
      replaceIn(p, 'xl/worksheets/sheet5.xml', '<c r="A2" t="s">', '<c r="A2" s="99" t="s">');
      p.set(
        'xl/worksheets/_rels/sheet99.xml.rels',
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
      );
    });
    expect(await integrity(base, after)).toEqual([
      'xl/worksheets/sheet7.xml: contains NaN',
      'xl/worksheets/_rels/sheet99.xml.rels: relationships of xl/worksheets/sheet99.xml, which is not in the package',
      'xl/worksheets/sheet4.xml (Indikatorer): <conditionalFormatting sqref="O2:O1048577"> refers past XFD1048576 (O1048577)',
      'Aktiviteter!A2: style 99, but there are 6 cellXfs',
    ]);
  });

  it("a character XML 1.0 does not allow, written raw instead of Excel's _x000B_", async () => {
    const withVt = await buildWorkbook([FEATURES.verticalTab!]);
    const after = await mutate(withVt, (p) => replaceIn(p, 'xl/sharedStrings.xml', 'Första raden_x000B_andra raden', 'Första raden\u000Bandra raden'));
    const r = await checkPackage(withVt, after);
    expect(r.integrity).toEqual(['xl/sharedStrings.xml: contains "\\u000b", a character XML 1.0 does not allow (Excel writes it as _x000B_)']);
    expect(r.losses).toContainEqual(
      expect.stringMatching(/^xl\/sharedStrings\.xml: shared string \d+ changed: <si><t>Första raden_x000B_andra raden<\/t><\/si> → /),
    );
  });

  it('schema: a changed worksheet with its elements out of order (Excel would repair it)', async () => {
    if (!schemaAvailable()) return;
    const after = await mutate(base, (p) =>
      replaceIn(p, 'xl/worksheets/sheet4.xml', /(<conditionalFormatting .*?<\/conditionalFormatting>)(<dataValidations .*?<\/dataValidations>)/, '$2$1'),
    );
    const r = await checkPackage(base, after, { schemas: true });
    expect(r.losses).toEqual([]);
    expect(r.schema).toEqual([
      expect.stringMatching(/^xl\/worksheets\/sheet4\.xml \(Indikatorer\): conditionalFormatting: Schemas validity error : .*This element is not expected/),
    ]);
  });

  it('not well-formed XML', async () => {
    const after = await mutate(base, (p) => replaceIn(p, 'xl/worksheets/sheet2.xml', '</sheetData>', '</sheetDat>'));
    const r = await checkPackage(base, after);
    expect(r.losses.join('\n')).toMatch(/sheet2\.xml \(Texter\): not well-formed after the change/);
    expect(r.integrity.join('\n')).toMatch(/sheet2\.xml: not well-formed XML/);
  });
});
