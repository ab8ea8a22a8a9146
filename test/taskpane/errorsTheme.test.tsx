/** The pane's errors in Swedish (with retry where it helps) and the Office theme it follows. */
import { CHUNK_LOAD_MESSAGE, isChunkLoadError, toPaneError } from '../../src/taskpane/errors';
import { themeKind } from '../../src/taskpane/theme';
import { WorkbookConflictError } from '../../src/hosts/port';
import { describeExcelError } from '../../src/hosts/excel/boot';

describe('errors as the user reads them', () => {
  test.each([
    [Object.assign(new Error('Loading chunk 46 failed.\n(error: http://localhost:3000/46.js)'), { name: 'ChunkLoadError' })],
    [new Error('Loading CSS chunk 7 failed.')],
    [new TypeError('Failed to fetch dynamically imported module: http://x/report.js')],
  ])('a chunk that could not be fetched: Swedish, retry (%#)', (e) => {
    expect(isChunkLoadError(e)).toBe(true);
    expect(toPaneError(e, describeExcelError)).toEqual({ message: CHUNK_LOAD_MESSAGE, retry: true });
  });

  test('an Office error code: the host’s Swedish sentence, Swedish quotes, retry', () => {
    expect(toPaneError(Object.assign(new Error('x'), { code: 'ItemNotFound' }), describeExcelError)).toEqual({
      message: 'Ett blad som Planrapport behöver saknas eller har bytt namn. Kör ”Uppdatera mallar”.',
      retry: true,
    });
  });

  test('a change that would harm the workbook: its Swedish problems, no retry (it would fail the same way)', () => {
    const e = new WorkbookConflictError(['Mål är skyddat. Ta bort skyddet.']);
    expect(toPaneError(e, describeExcelError)).toMatchObject({ retry: false, message: expect.stringContaining('Mål är skyddat') });
  });

  test('anything else: a Swedish sentence saying what to do, the technical text apart', () => {
    const pe = toPaneError(new TypeError("Cannot read properties of undefined (reading 'x')"), describeExcelError);
    expect(pe.message).toMatch(/^Något gick fel i Planrapport\. Försök igen/);
    expect(pe.detail).toBe("Cannot read properties of undefined (reading 'x')");
    expect(pe.retry).toBe(true);
  });
});

describe('the Office theme', () => {
  test.each([
    [undefined, false, 'light'],
    [{ isDarkTheme: true }, false, 'dark'],
    [{ isDarkTheme: false, bodyBackgroundColor: '#000000' }, false, 'light'],
    [{ bodyBackgroundColor: '#262626' }, false, 'dark'],
    [{ bodyBackgroundColor: '#FFFFFF' }, false, 'light'],
    [{ bodyBackgroundColor: 'nonsense' }, false, 'light'],
    [{ isDarkTheme: true }, true, 'highContrast'],
  ] as const)('%j, forced colours %p → %s', (office, forced, kind) => {
    expect(themeKind(office, forced)).toBe(kind);
  });
});
