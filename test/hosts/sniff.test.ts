/**
 * describeForeignFile on real files: a workbook and its look-alikes (a Word document, an
 * OpenDocument spreadsheet, an .xls, a PDF … renamed .xlsx) as the programs that make them
 * write them. LibreOffice makes the .ods/.xls/.pdf/.csv/.html from a demo workbook.
 */
import JSZip from 'jszip';
import { mkdtempSync, promises as fsp, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeForeignFile } from '../../src/hosts/xlsx/sniff';
import { sniffFile } from '../../src/cli/workbook';
import { generateReport } from '../../src/usecases/generate';
import { describeWithEngine } from '../helpers/engines';
import { convert } from '../helpers/libreoffice';
import { CLEAN_VP, buildFixture } from '../helpers/fixtures';

const dir = mkdtempSync(path.join(os.tmpdir(), 'planrapport-sniff-'));

/** What the CLI does: the head of the file and, for a zip, its entry names. */
const describeFile = (file: string) => sniffFile(file);

async function zip(entries: Record<string, string>, file: string, first?: [string, string]): Promise<string> {
  const z = new JSZip();
  if (first) z.file(first[0], first[1], { compression: 'STORE' });
  for (const [name, content] of Object.entries(entries)) z.file(name, content);
  writeFileSync(file, await z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return file;
}

/** A minimal compound file (OLE/CFB) whose directory names the given streams. */
function compoundFile(streams: string[], directorySector = 0): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e); // 512-byte sectors
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(directorySector, 0x30);
  const directory = Buffer.alloc(512 * Math.ceil((streams.length + 1) / 4));
  ['Root Entry', ...streams].forEach((name, i) => {
    const entry = directory.subarray(i * 128, (i + 1) * 128);
    Buffer.from(name, 'utf16le').copy(entry);
    entry.writeUInt16LE((name.length + 1) * 2, 64);
    entry[66] = i === 0 ? 5 : 2;
  });
  return Buffer.concat([header, Buffer.alloc(512 * directorySector), directory]);
}

describe('describeForeignFile', () => {
  let xlsx: Buffer;

  beforeAll(async () => {
    const host = await buildFixture(CLEAN_VP);
    xlsx = await host.toBuffer();
    writeFileSync(path.join(dir, 'plan.xlsx'), xlsx);
    writeFileSync(path.join(dir, 'rapport.docx'), (await generateReport(host)).bytes);
  });

  test('a real .xlsx workbook: undefined (readable)', async () => {
    expect(await describeFile(path.join(dir, 'plan.xlsx'))).toBeUndefined();
  });

  test('an .xlsm (macro-enabled, readable): undefined', async () => {
    const z = await JSZip.loadAsync(xlsx);
    z.file('xl/vbaProject.bin', 'makron');
    const file = path.join(dir, 'makro.xlsm');
    writeFileSync(file, await z.generateAsync({ type: 'nodebuffer' }));
    expect(await describeFile(file)).toBeUndefined();
  });

  test('a zip whose entries are not known (cut off): undefined, the reader decides', () => {
    expect(describeForeignFile(xlsx.subarray(0, 4000))).toBeUndefined();
  });

  test('a Word document written by docx (the report)', async () => {
    expect(await describeFile(path.join(dir, 'rapport.docx'))).toBe('ett Word-dokument (.docx)');
  });

  test.each([
    [
      'binär.xlsb',
      { '[Content_Types].xml': '<Types/>', '_rels/.rels': '<Relationships/>', 'xl/workbook.bin': 'bin', 'xl/worksheets/sheet1.bin': 'bin' },
      'en binär Excel-arbetsbok (.xlsb)',
    ],
    [
      'bilder.pptx',
      { '[Content_Types].xml': '<Types/>', 'ppt/presentation.xml': '<p:presentation/>', 'ppt/slides/slide1.xml': '<p:sld/>' },
      'en PowerPoint-presentation (.pptx)',
    ],
    ['ritning.vsdx', { '[Content_Types].xml': '<Types/>', 'visio/document.xml': '<VisioDocument/>' }, 'en Visio-ritning (.vsdx)'],
    ['numbers.xlsx', { 'Index/Document.iwa': 'x', 'Metadata/Properties.plist': 'x' }, 'ett Numbers-, Pages- eller Keynote-dokument (Apple)'],
    ['annat-office.xlsx', { '[Content_Types].xml': '<Types/>', 'custom/part.xml': '<x/>' }, 'ett Office-dokument som inte är en Excel-arbetsbok'],
    ['arkiv.zip', { 'a.txt': 'hej', 'mapp/b.csv': '1;2' }, 'ett zip-arkiv som inte är en arbetsbok'],
  ])('%s', async (name, entries, expected) => {
    expect(await describeFile(await zip(entries, path.join(dir, name)))).toBe(expected);
  });

  test('an OpenDocument file is known from its first bytes (the mimetype entry), even without the entry names', async () => {
    const file = await zip({ 'content.xml': '<office:document-content/>', 'META-INF/manifest.xml': '<manifest/>' }, path.join(dir, 'text.odt'), [
      'mimetype',
      'application/vnd.oasis.opendocument.text',
    ]);
    expect(describeForeignFile(readFileSync(file))).toBe('ett OpenDocument-textdokument (.odt)');
    expect(await describeFile(file)).toBe('ett OpenDocument-textdokument (.odt)');
  });

  test('compound files (OLE): encrypted workbook, .doc, .xls, unknown', () => {
    expect(describeForeignFile(compoundFile(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage']))).toBe(
      'en krypterad (lösenordsskyddad) Excel-arbetsbok',
    );
    expect(describeForeignFile(compoundFile(['WordDocument', '1Table']))).toBe('ett äldre Word-dokument (.doc)');
    expect(describeForeignFile(compoundFile(['Workbook', '\u0005SummaryInformation']))).toBe('en äldre Excel-arbetsbok (.xls)');
    expect(describeForeignFile(compoundFile([]).subarray(0, 512))).toBe('en äldre Excel-arbetsbok (.xls) eller en krypterad/lösenordsskyddad arbetsbok');
  });

  test('an encrypted workbook whose directory lies past the first MiB (the CLI reads it where the header says)', async () => {
    const file = path.join(dir, 'krypterad.xlsx');
    writeFileSync(file, compoundFile(['EncryptionInfo', 'EncryptedPackage'], 4096));
    expect(await describeFile(file)).toBe('en krypterad (lösenordsskyddad) Excel-arbetsbok');
  });

  test.each([
    ['an empty file', Buffer.alloc(0), 'en tom fil'],
    ['a CSV file (UTF-8)', Buffer.from('Mål-id;Indikator;Årsmål\r\n1.1;Andel nöjda;90\r\n'), 'en textfil (t.ex. CSV)'],
    ['a CSV file (Windows-1252)', Buffer.from('M\xe5l-id;Indikator\r\n1.1;N\xf6jda\r\n', 'latin1'), 'en textfil (t.ex. CSV)'],
    [
      'Excel\'s "Unicode text" (UTF-16, tabs)',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Mål-id\tIndikator\r\n', 'utf16le')]),
      'en textfil (t.ex. CSV)',
    ],
    ['an HTML page', Buffer.from('\uFEFF<!DOCTYPE html>\n<html><body><table></table></body></html>'), 'en webbsida (HTML-fil)'],
    ['an HTML "Excel" export', Buffer.from('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head></head></html>'), 'en webbsida (HTML-fil)'],
    [
      'Excel 2003 XML',
      Buffer.from(
        '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>',
      ),
      'ett XML-kalkylblad (Excel 2003 XML)',
    ],
    ['an RTF document', Buffer.from('{\\rtf1\\ansi hej}'), 'ett RTF-dokument'],
    ['a PNG image', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'en bild (PNG)'],
    ['random bytes', Buffer.from([0x00, 0x01, 0x02, 0xff, 0x10, 0x80, 0x00]), 'en fil i ett format som Planrapport inte känner igen'],
  ])('%s', (_what, bytes, expected) => {
    expect(describeForeignFile(bytes)).toBe(expected);
  });

  test('a UTF-8 head cut in the middle of a character is still text', () => {
    const text = Buffer.from('Året;Målet;'.repeat(10));
    expect(describeForeignFile(text.subarray(0, 2))).toBe('en textfil (t.ex. CSV)'); // "Å" cut in two
  });
});

describeWithEngine('describeForeignFile on files LibreOffice writes', 'soffice', () => {
  const input = path.join(dir, 'lo', 'plan.xlsx');
  const out = path.join(dir, 'lo', 'ut');

  beforeAll(async () => {
    await fsp.mkdir(path.dirname(input), { recursive: true });
    await (await buildFixture(CLEAN_VP)).save(input);
  });

  test.each([
    ['ods', 'ods', 'ett OpenDocument-kalkylark (.ods)'],
    ['xls:MS Excel 97', 'xls', 'en äldre Excel-arbetsbok (.xls)'],
    ['pdf', 'pdf', 'en PDF-fil'],
    ['csv:Text - txt - csv (StarCalc):59,34,76', 'csv', 'en textfil (t.ex. CSV)'],
    ['html', 'html', 'en webbsida (HTML-fil)'],
  ])('--convert-to %s', async (format, extension, expected) => {
    const file = convert(input, format, out, extension).output;
    expect(await describeFile(file)).toBe(expected);
  });
});
