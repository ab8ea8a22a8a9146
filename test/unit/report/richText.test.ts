import { parseRichText, plainText } from '../../../src/core/report/richText';

describe('rich text in text cells', () => {
  test('paragraphs, bullets and numbered items', () => {
    expect(parseRichText('Första stycket.\n\nAndra stycket.\n- ett\n- två\n1. a\n2. b')).toEqual([
      { kind: 'paragraph', runs: [{ text: 'Första stycket.' }] },
      { kind: 'paragraph', runs: [{ text: 'Andra stycket.' }] },
      { kind: 'bullet', runs: [{ text: 'ett' }] },
      { kind: 'bullet', runs: [{ text: 'två' }] },
      { kind: 'numbered', runs: [{ text: 'a' }], start: true },
      { kind: 'numbered', runs: [{ text: 'b' }], start: false },
    ]);
  });

  test('a short line heading a paragraph is a subheading; a run of short lines is not', () => {
    const blocks = parseRichText(
      'Förskola\nFörskolans systematiska kvalitetsarbete är under ständig utveckling.\nBilaga 1. SLK-blanketter\nBilaga 2. Delårsbokslut',
    );
    expect(blocks.map((b) => b.kind)).toEqual(['subheading', 'paragraph', 'paragraph', 'paragraph']);
  });

  test('the first line of a list of short lines is not its heading; a heading over a sentence and a long paragraph is', () => {
    const kinds = (text: string) => parseRichText(text).map((b) => b.kind);
    // "Chefer och medarbetare" opens the list a line announces, each item a short line
    expect(kinds('Arbetet riktar sig till:\nChefer och medarbetare\nBrukare och närstående.\nSamarbetspartner.')).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
    // after "… enligt nedan:" (a table goes there) a heading over a long paragraph stays a heading
    const long = 'Budgeterade medel kommer att användas till upprustning av parker och lekplatser i hela stadsdelen under året.';
    expect(kinds(`Medlen fördelas enligt nedan:\nParkinvesteringar\n${long}`)).toEqual(['paragraph', 'subheading', 'paragraph']);
    // a run of short lines without sentences is a list, not a heading and its text
    expect(kinds('Chefer och medarbetare\nBrukare och närstående\nSamarbetspartner i stadsdelen')).toEqual(['paragraph', 'paragraph', 'paragraph']);
    expect(kinds('Samverkan\nVi samverkar med skolan.\n\nNästa stycke är långt nog att vara ett eget stycke och inte en rubrik i texten här.')).toEqual([
      'subheading',
      'paragraph',
      'paragraph',
    ]);
    expect(kinds('Kompetensförsörjning\n- introduktion\n- handledning')).toEqual(['subheading', 'bullet', 'bullet']);
  });

  test('a first name alone on a line (draft residue) is a paragraph, never a heading', () => {
    const long = 'Förra året inbjöd äldreomsorgen till en uppskattad kulturvecka i september, i år utökas den till en kulturfestival.';
    expect(parseRichText(`Susanne\n${long}`).map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
    expect(parseRichText(`Ann-Christin L\n${long}`).map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
    // a one-word heading that is no name stays a heading
    expect(parseRichText(`Familjerätt\n${long}`).map((b) => b.kind)).toEqual(['subheading', 'paragraph']);
  });

  test("Word's manual line break pasted into a cell (_x000B_) is a line break, not lost", () => {
    expect(plainText(parseRichText('Första raden i ett långt stycke\u000bandra raden i samma stycke.'))).toBe(
      'Första raden i ett långt stycke\nandra raden i samma stycke.',
    );
  });

  test('<p>, <br>, <i>, <b> become structure and formatting', () => {
    expect(parseRichText('<p>Analys</p> <p>Årsmålet <b>bedöms</b> kunna <i>uppnås</i>.<br>Ny rad.</p>')).toEqual([
      { kind: 'subheading', runs: [{ text: 'Analys' }] },
      {
        kind: 'paragraph',
        runs: [{ text: 'Årsmålet ' }, { text: 'bedöms', bold: true }, { text: ' kunna ' }, { text: 'uppnås', italic: true }, { text: '.' }],
      },
      { kind: 'paragraph', runs: [{ text: 'Ny rad.' }] },
    ]);
  });

  test('any other markup is shown as text, never dropped', () => {
    const text = plainText(parseRichText('Före <script>alert("x")</script> <w:p> & "citat" <span class="a">efter</span> 1 < 2 &amp; klart'));
    expect(text).toBe('Före <script>alert("x")</script> <w:p> & "citat" <span class="a">efter</span> 1 < 2 & klart');
  });

  test('control characters are removed, the rest kept', () => {
    expect(plainText(parseRichText('A\u0007B\u0000C\tD'))).toBe('ABC\tD');
  });

  test('numbered lists restart after other text', () => {
    const blocks = parseRichText('1. a\n2. b\nText emellan.\n1. c');
    expect(blocks.filter((b) => b.kind === 'numbered').map((b) => (b as { start: boolean }).start)).toEqual([true, false, true]);
  });
});
