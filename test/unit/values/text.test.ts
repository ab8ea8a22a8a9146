import { hasInvalidCharacters, oneLine, stripInvalidCharacters } from '../../../src/core/values/text';

describe('characters a document cannot hold', () => {
  test.each([
    ['plain text', false],
    ['tab\tline\nreturn\r', false],
    ['bell\u0007', true],
    ['nul\u0000', true],
    ['form feed\u000c', true],
    ['del\u007f', true],
    ['non-character\uffff', true],
    ['lone high \ud800 surrogate', true],
    ['lone low \udc00 surrogate', true],
    ['a pair 😀 is fine', false],
    ['vertical tab\u000b (a line break)', false],
  ])('%j → %p', (text, invalid) => {
    expect(hasInvalidCharacters(text)).toBe(invalid);
  });

  test('the same test twice in a row gives the same answer (no regex state left behind)', () => {
    expect(hasInvalidCharacters('a\u0007')).toBe(true);
    expect(hasInvalidCharacters('a\u0007')).toBe(true);
  });

  test('stripping keeps line breaks, turns a vertical tab into one and drops the rest', () => {
    expect(stripInvalidCharacters('a\u0007b\u000bc\nd\ud800e')).toBe('ab\nc\nde');
  });

  test('oneLine: one line of single spaces', () => {
    expect(oneLine('  Rad 1\n\n Rad\t2\u0007  ')).toBe('Rad 1 Rad 2');
  });
});
