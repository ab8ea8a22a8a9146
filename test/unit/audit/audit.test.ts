/** The accessibility check (src/core/audit) on small hand-built Word documents. */
import { auditDocx, isSymbolOnly, type AuditRule } from '../../../src/core/audit/audit';
import { contrastRatio } from '../../../src/core/audit/contrast';
import { FAULTY_BODY, coreXml, p, parts, stylesXml, table } from '../../helpers/docxXml';

const rules = (body: string, o: Parameters<typeof parts>[1] = {}, options = {}): AuditRule[] => auditDocx(parts(body, o), options).map((f) => f.rule);

const CLEAN =
  p('Inledning', { style: 'Heading1' }) +
  p('Text.') +
  p('Mål', { style: 'Heading2' }) +
  table([
    ['Indikator', 'Utfall'],
    ['Andel', '55 %'],
  ]);

describe('a clean document', () => {
  test('has no findings', () => {
    expect(auditDocx(parts(CLEAN))).toEqual([]);
  });
});

describe('headings', () => {
  test('a skipped level is found, with the heading and the levels', () => {
    const findings = auditDocx(parts(p('A', { style: 'Heading1' }) + p('C', { style: 'Heading3' })));
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'heading.skipped-level', place: expect.stringContaining('”C”'), message: expect.stringContaining('nivå 3') }),
    ]);
    expect(findings[0]!.message).toContain('nivå 2 hoppas över');
  });

  test('a first heading below level 1 is a skip; going back up is not', () => {
    expect(rules(p('B', { style: 'Heading2' }))).toEqual(['heading.skipped-level']);
    expect(rules(p('A', { style: 'Heading1' }) + p('B', { style: 'Heading2' }) + p('C', { style: 'Heading3' }) + p('A2', { style: 'Heading1' }))).toEqual([]);
  });

  test("the outline level comes from the paragraph, its style, the style it is based on, or a built-in heading's name", () => {
    const styles = stylesXml({
      extra:
        '<w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="Min rubrik"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="MineToo"><w:name w:val="Min andra"/><w:basedOn w:val="Mine"/></w:style>',
    });
    const body =
      p('A', { style: 'Heading1' }) + p('B', { style: 'Mine' }) + p('C', { style: 'MineToo' }) + p('D', { pPr: '<w:outlineLvl w:val="2"/>', rPr: '<w:b/>' });
    expect(rules(body, { styles })).toEqual([]);
    // an outline level of 9 (w:val 9) is body text: the bold line looks like a heading again
    expect(rules(p('A', { style: 'Heading1' }) + p('Rubrik', { pPr: '<w:outlineLvl w:val="9"/>', rPr: '<w:b/>' }))).toEqual(['heading.not-marked']);
  });

  test('a heading-like style without outline level, and a short bold line, are not headings', () => {
    const findings = auditDocx(parts(p('Förslag till beslut', { style: 'FrontHeading' }) + p('Kort fet rad', { rPr: '<w:b/>' }) + p('Text.')));
    expect(findings.map((f) => [f.rule, f.place])).toEqual([
      ['heading.not-marked', 'stycke 1 före första rubriken'],
      ['heading.not-marked', 'stycke 2 före första rubriken'],
    ]);
    expect(findings[0]!.message).toMatch(/”Förslag till beslut” ser ut som en rubrik/);
  });

  test('a bold sentence, a bold list item, a bold line in a table and a caption are not taken for headings', () => {
    const styles = stylesXml({ extra: '<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:rPr><w:b/></w:rPr></w:style>' });
    const body =
      p('A', { style: 'Heading1' }) +
      p('Det här är en mening.', { rPr: '<w:b/>' }) +
      p('Punkt', { pPr: '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>', rPr: '<w:b/>' }) +
      p('Tabell 1', { style: 'Caption' }) +
      table([['Rubrik'], ['Fet cell']], { rPr: '<w:b/>' });
    expect(rules(body, { styles })).toEqual([]);
  });

  test('an empty heading is found', () => {
    expect(rules(p('A', { style: 'Heading1' }) + p('', { style: 'Heading2' }))).toEqual(['heading.empty']);
  });
});

describe('tables', () => {
  test('a data table without header row, and a borderless layout table', () => {
    const findings = auditDocx(
      parts(
        p('A', { style: 'Heading1' }) +
          table(
            [
              ['a', 'b'],
              ['1', '2'],
            ],
            { header: false },
          ) +
          table([['Handläggare', 'Till']], { header: false, borders: false }),
      ),
    );
    expect(findings.map((f) => [f.rule, f.place])).toEqual([
      ['table.header-missing', 'tabell 1 (”a | b”) under rubriken ”A”'],
      ['table.layout', 'tabell 2 (”Handläggare | Till”) under rubriken ”A”'],
    ]);
  });

  test('table text under 9 pt: one finding per table with its rows, sizes resolved through styles', () => {
    const body =
      p('A', { style: 'Heading1' }) +
      table(
        [
          ['Rubrik', 'Värde'],
          ['x', 'y'],
          ['z', 'w'],
        ],
        { rPr: '<w:sz w:val="16"/>' },
      );
    const findings = auditDocx(parts(body));
    expect(findings).toEqual([expect.objectContaining({ rule: 'table.small-text', place: 'tabell 1 (”Rubrik | Värde”), rad 1–3 under rubriken ”A”' })]);
    expect(findings[0]!.message).toContain('8 pt');
    // 9 pt is enough; the style's size counts when the run has none; Word's 10 pt when nothing sets one
    expect(rules(table([['R'], ['x']], { rPr: '<w:sz w:val="18"/>' }))).toEqual([]);
    const small = `<w:tbl><w:tblPr/><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc>${p('R', { style: 'Small' })}</w:tc></w:tr></w:tbl>`;
    expect(rules(small)).toEqual(['table.small-text']);
    expect(rules(table([['R'], ['x']]), { styles: stylesXml().replace('<w:sz w:val="21"/>', '') })).toEqual([]);
  });
});

describe('symbols and colour', () => {
  test('a status that is only a symbol, in a cell or a paragraph; with words it is fine', () => {
    const findings = auditDocx(
      parts(
        p('A', { style: 'Heading1' }) +
          table([
            ['Aktivitet', 'Status'],
            ['X', '✓'],
            ['Y', '✓ Klar'],
            ['Z', '—'],
          ]) +
          p('◆'),
      ),
    );
    expect(findings.map((f) => [f.rule, f.place])).toEqual([
      ['symbol.alone', 'tabell 1 (”Aktivitet | Status”), rad 2, kolumn 2 under rubriken ”A”'],
      ['symbol.alone', 'stycke 2 under rubriken ”A”'],
    ]);
    expect(['●', '◆', '■', '✓', '▶', '○', '❗', '⏸', '● ◆'].every(isSymbolOnly)).toBe(true);
    expect(['● Uppfylls helt', '—', '-', '55 %', '', '§'].some(isSymbolOnly)).toBe(false);
  });

  test('contrast: text at 4,5:1, large text and symbols at 3:1, against the run, paragraph or cell background', () => {
    expect(contrastRatio('FFFFFF', '000000')).toBeCloseTo(21);
    expect(contrastRatio('767676', 'FFFFFF')).toBeGreaterThan(4.5);
    // #D9A400 on white is 2,3:1: too little for a symbol
    expect(rules(p('◆', { rPr: '<w:color w:val="D9A400"/>' }) + p('x'))).toContain('contrast.symbol');
    expect(rules(p('◆ Uppfylls delvis', { rPr: '<w:color w:val="B07D00"/>' }))).toEqual(['contrast.text']);
    expect(rules(p('◆', { rPr: '<w:color w:val="B07D00"/>' }) + p('Uppfylls delvis'))).toEqual(['symbol.alone']);
    // grey #999999 text: fails at 10,5 pt, passes at 18 pt (large text)
    expect(rules(p('grå', { rPr: '<w:color w:val="949494"/>' }))).toEqual(['contrast.text']);
    expect(rules(p('grå', { rPr: '<w:color w:val="949494"/><w:sz w:val="36"/>' }))).toEqual([]);
    // dark text on a dark cell; white text on a dark cell is fine; automatic colour always is
    const dark = (rPr: string) => table([['Rubrik'], ['x']], { fill: '1F3864', rPr });
    expect(rules(dark('<w:color w:val="333333"/>'))).toEqual(['contrast.text']);
    expect(rules(dark('<w:color w:val="FFFFFF"/>'))).toEqual([]);
    expect(rules(dark('<w:color w:val="auto"/>'))).toEqual([]);
    // highlight and run shading are the background
    expect(rules(p('gul', { rPr: '<w:color w:val="FFFFFF"/><w:highlight w:val="yellow"/>' }))).toEqual(['contrast.text']);
  });

  test('the same colours everywhere are one finding, counted', () => {
    const grey = { rPr: '<w:color w:val="AAAAAA"/>' };
    const findings = auditDocx(parts(p('a', grey) + p('b', grey) + p('c', grey)));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.place).toContain('och 2 ställen till');
  });
});

describe('document properties', () => {
  test('language, title, author and last modified by', () => {
    const core = coreXml({ creator: 'Planrapport', lastModifiedBy: 'Un-named' });
    expect(rules(CLEAN, { styles: stylesXml({ lang: null }), core })).toEqual(['doc.language', 'doc.title', 'doc.author', 'doc.last-modified-by']);
    expect(rules(CLEAN, { styles: stylesXml({ lang: 'en-US' }) })).toEqual(['doc.language']);
    expect(rules(CLEAN, { core: coreXml({ title: 'Tertialrapport 1 för 2025' }) })).toEqual(['doc.author']);
  });

  test('the title names the organisation when the caller knows it', () => {
    const core = coreXml({ title: 'Tertialrapport 1 för 2025', creator: 'Anna' });
    expect(rules(CLEAN, { core }, { organisation: 'Exempelnämnden' })).toEqual(['doc.title-organisation']);
    expect(rules(CLEAN, {}, { organisation: 'exempelnämnden' })).toEqual([]);
  });

  test('the language may come from the Normal style', () => {
    const styles = stylesXml({ lang: null }).replace('<w:name w:val="Normal"/>', '<w:name w:val="Normal"/><w:rPr><w:lang w:val="sv-SE"/></w:rPr>');
    expect(rules(CLEAN, { styles })).toEqual([]);
  });
});

describe('images', () => {
  const image = (attrs: string) => `<w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="Logotyp" ${attrs}/></wp:inline></w:drawing></w:r></w:p>`;
  test('an image needs alternative text or to be marked decorative', () => {
    expect(rules(image(''))).toEqual(['image.alt-missing']);
    expect(rules(image('descr="Stockholms stads logotyp"'))).toEqual([]);
  });
});

test('the acceptance document: a skipped level, a symbol-only status, 8 pt table text and no title are each found', () => {
  const found = new Set(rules(FAULTY_BODY, { core: coreXml({ creator: 'Anna Andersson' }) }));
  expect([...found].sort()).toEqual(['doc.title', 'heading.skipped-level', 'symbol.alone', 'table.small-text']);
});
