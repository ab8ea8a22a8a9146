/** The page metrics (report/metrics.ts) the model, the renderer and the estimator share. */
import { convertMillimetersToTwip } from 'docx';
import { ARIAL } from '../../../src/core/report/arialMetrics';
import {
  PAGE,
  SIZE,
  TEXT_HEIGHT,
  TEXT_WIDTH,
  charWidth,
  columnTwips,
  countLines,
  lineHang,
  lineHeight,
  textWidth,
  words,
} from '../../../src/core/report/metrics';

describe('page metrics', () => {
  test('A4 with 2 cm margins, in twips as Word (and docx) convert millimetres', () => {
    expect(PAGE).toEqual({
      width: convertMillimetersToTwip(210),
      height: convertMillimetersToTwip(297),
      margin: convertMillimetersToTwip(20),
      header: convertMillimetersToTwip(10),
      footer: convertMillimetersToTwip(10),
    });
    expect([TEXT_WIDTH, TEXT_HEIGHT]).toEqual([PAGE.width - 2 * PAGE.margin, PAGE.height - 2 * PAGE.margin]);
  });

  test('column shares to twips: whole twips that fill the text width', () => {
    const twips = columnTwips([{ width: 33.3 }, { width: 33.3 }, { width: 33.4 }]);
    expect(twips.every(Number.isInteger)).toBe(true);
    expect(twips.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
  });

  test("text widths from Arial's advance widths; an unknown character as wide as a digit", () => {
    expect(textWidth('AA', 20)).toBe((2 * ARIAL.regular[65]! * 20 * 10) / 1000);
    expect(textWidth('A', 20, true)).toBe((ARIAL.bold[65]! * 20 * 10) / 1000);
    expect(charWidth('\u4e00', 20)).toBe(charWidth('0', 20));
    expect(textWidth('ab', SIZE.body)).toBeCloseTo(charWidth('a', SIZE.body) + charWidth('b', SIZE.body), 9);
  });

  test('Word breaks lines at ordinary spaces only: not at a no-break space, not after "/" or a hyphen', () => {
    expect(words(' 1\u00a0050 st  kvinnor/flickor\tKvalitets-\noch ')).toEqual(['1\u00a0050', 'st', 'kvinnor/flickor', 'Kvalitets-', 'och']);
  });

  test('lines a text wraps into, by whole words; a word wider than any line breaks by character', () => {
    const w = textWidth('ord ord', SIZE.body);
    expect(countLines('ord ord', SIZE.body, false, w)).toBe(1);
    expect(countLines('ord ord ord', SIZE.body, false, w)).toBe(2);
    expect(countLines('', SIZE.body, false, 100)).toBe(1);
    expect(countLines('x', SIZE.body, false, 0)).toBe(1);
    const long = 'm'.repeat(2000);
    expect(countLines(long, SIZE.body, false, TEXT_WIDTH)).toBe(Math.ceil(textWidth(long, SIZE.body) / TEXT_WIDTH));
  });

  test('line heights: single spacing from the font, multiple spacing adds below the line', () => {
    expect(lineHeight({ size: 20, line: 240 })).toBeCloseTo(10 * 20 * ARIAL.lineHeight, 9);
    expect(lineHang({ size: 20, line: 276 })).toBeCloseTo(lineHeight({ size: 20, line: 276 }) - lineHeight({ size: 20, line: 240 }), 9);
    expect(lineHang({ size: 20, line: 240 })).toBe(0);
  });
});
