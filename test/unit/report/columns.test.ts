/** Column fitting (report/columns.ts): one notion of where Word breaks a line, for both ways of fitting. */
import { contentWidths, widenToFit, wordRoom } from '../../../src/core/report/columns';
import { METRICS, SIZE, TEXT_WIDTH, columnTwips, textWidth, words } from '../../../src/core/report/metrics';
import type { TableColumn } from '../../../src/core/report/model';

const column = (header: string, width: number): TableColumn => ({ header, width, align: 'right' });
const room = (percent: number) => (TEXT_WIDTH * percent) / 100 - METRICS.cell.left - METRICS.cell.right;

describe('the room a column needs', () => {
  test('its widest word, header words bold and small, with padding; words as Word breaks lines', () => {
    expect(wordRoom('Utfall kvinnor/flickor', ['1 050\u00a0st'])).toBe(
      150 + Math.max(textWidth('kvinnor/flickor', SIZE.tableSmall, true), textWidth('1 050\u00a0st', SIZE.table)),
    );
    expect(wordRoom('', [])).toBe(150);
  });
});

describe('widenToFit (declared widths)', () => {
  test('columns whose words fit keep their widths; the first takes the rest', () => {
    const fitted = widenToFit([column('Namn', 60), column('Mål', 20), column('Utfall', 20)], [['1', '2']]);
    expect(fitted.map((c) => c.width)).toEqual([60, 20, 20]);
  });

  test('a value column widens for a long word, from the first column; none of its words breaks', () => {
    const fitted = widenToFit([column('Namn', 70), column('Prognos', 10), column('Mål', 20)], [['Verksamhetsövergripande', '1']]);
    expect(fitted[1]!.width).toBeGreaterThan(10);
    expect(textWidth('Verksamhetsövergripande', SIZE.table)).toBeLessThanOrEqual(columnTwips(fitted)[1]! - METRICS.cell.left - METRICS.cell.right);
    expect(fitted[0]!.width).toBeCloseTo(100 - fitted[1]!.width - 20, 5);
  });

  test('the first column keeps 22 % while the others have room to give, and never less than 16 %', () => {
    const many = [column('Namn', 20), ...Array.from({ length: 8 }, (_, i) => column(`K${i}`, 10))];
    expect(widenToFit(many, [Array(8).fill('1')])[0]!.width).toBeGreaterThanOrEqual(22);
    const absurd = widenToFit([column('Namn', 50), column('A', 25), column('B', 25)], [['1'.repeat(60), '1'.repeat(60)]]);
    expect(absurd[0]!.width).toBe(16);
    expect(absurd.reduce((a, c) => a + c.width, 0)).toBeCloseTo(100, 0);
  });

  test("the names' widest word keeps the first column wide enough, from the value columns' spare room (a pasted 5 000-character word does not)", () => {
    const many = [column('Namn', 20), ...Array.from({ length: 8 }, (_, i) => column(`K${i}`, 10))];
    const fitted = widenToFit(many, [Array(8).fill('1')], ['Antal tillhandahållna praktikplatser för verksamhetsförlagd utbildning']);
    expect(textWidth('verksamhetsförlagd', SIZE.table)).toBeLessThanOrEqual(columnTwips(fitted)[0]! - METRICS.cell.left - METRICS.cell.right);
    expect(widenToFit(many, [Array(8).fill('1')], ['x'.repeat(5000)])[0]!.width).toBe(widenToFit(many, [Array(8).fill('1')])[0]!.width);
  });
});

describe('contentWidths (free tables)', () => {
  test('every column holds its longest word; the rest shared by how much text each has; 100 % in all', () => {
    const rows = [['Resultatenhet Norr', '12,5', 'En längre kommentar om verksamheten under året']];
    const widths = contentWidths(['Enhet', 'Belopp', 'Kommentar'], rows, 3);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
    rows[0]!.forEach((cell, c) => words(cell).forEach((w) => expect(textWidth(w, SIZE.table)).toBeLessThanOrEqual(room(widths[c]!))));
    expect(widths[2]).toBeGreaterThan(widths[1]!);
  });

  test('a word joined by "/" or a no-break space stays whole, as Word keeps it on one line', () => {
    const joined = contentWidths(['A', 'B'], [['kvinnor/flickor/pojkar/män', '1\u00a0050\u00a0000\u00a0kr']], 2);
    const spaced = contentWidths(['A', 'B'], [['kvinnor flickor pojkar män', '1 050 000 kr']], 2);
    expect(room(joined[0]!)).toBeGreaterThanOrEqual(textWidth('kvinnor/flickor/pojkar/män', SIZE.table));
    expect(room(joined[1]!)).toBeGreaterThanOrEqual(textWidth('1\u00a0050\u00a0000\u00a0kr', SIZE.table));
    expect(spaced.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
  });

  test('more than a page of words: shares of what they need', () => {
    const long = 'x'.repeat(200);
    const widths = contentWidths(['A', 'B'], [[long, long]], 2);
    expect(widths).toEqual([50, 50]);
  });
});
