/**
 * Opening the user's workbook from the command line: file-system problems and files that
 * are not .xlsx workbooks (a .docx or .ods renamed, an encrypted workbook, a CSV file …)
 * become Swedish messages before the .xlsx adapter is asked; for `template`, what was read
 * is fingerprinted so a save made meanwhile by someone else is never overwritten.
 */
import { promises as fs } from 'node:fs';
import type { XlsxHost } from '../hosts/xlsx/xlsxHost';
import { UnreadableWorkbookError } from '../hosts/port';
import { describeForeignFile, SNIFF_HEAD_BYTES } from '../hosts/xlsx/sniff';
import { asFileError, FileError, fileErrorMessage, onFile } from './errors';
import { fingerprint as takeFingerprint, type Fingerprint } from './safeWrite';
import { loadXlsxHost } from './lazy';

/** A compound (OLE) file's directory can lie further in than the first 64 KiB. */
const COMPOUND_HEAD_BYTES = 1 << 20;
/** A central directory larger than this is left to the reader. */
const MAX_CENTRAL_DIRECTORY = 64 << 20;

async function readAt(handle: fs.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

/** The entry names from a zip's central directory, or undefined when it cannot be read. */
export async function zipEntryNames(handle: fs.FileHandle, size: number): Promise<string[] | undefined> {
  const tailLength = Math.min(size, 0xffff + 22);
  const tail = await readAt(handle, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  let entries = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // zip64: the locator sits just before the end record
    const locator = eocd - 20;
    if (locator < 0 || tail.readUInt32LE(locator) !== 0x07064b50) return undefined;
    const record = await readAt(handle, Number(tail.readBigUInt64LE(locator + 8)), 56);
    if (record.length < 56 || record.readUInt32LE(0) !== 0x06064b50) return undefined;
    entries = Number(record.readBigUInt64LE(32));
    cdSize = Number(record.readBigUInt64LE(40));
    cdOffset = Number(record.readBigUInt64LE(48));
  }
  if (cdSize > MAX_CENTRAL_DIRECTORY || cdOffset + cdSize > size) return undefined;
  const cd = await readAt(handle, cdOffset, cdSize);
  const names: string[] = [];
  for (let p = 0; p + 46 <= cd.length && names.length < entries;) {
    if (cd.readUInt32LE(p) !== 0x02014b50) return undefined;
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const utf8 = (cd.readUInt16LE(p + 8) & 0x0800) !== 0;
    names.push(cd.toString(utf8 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/**
 * A compound (OLE) file's stream names live in its directory: the first MiB, and the
 * directory's first sectors wherever the header says they are.
 */
async function compoundHead(handle: fs.FileHandle, size: number): Promise<Buffer> {
  const head = await readAt(handle, 0, Math.min(size, COMPOUND_HEAD_BYTES));
  const sectorSize = 2 ** head.readUInt16LE(0x1e);
  const directory = (head.readUInt32LE(0x30) + 1) * sectorSize;
  if ((sectorSize !== 512 && sectorSize !== 4096) || directory + sectorSize <= head.length || directory >= size) return head;
  return Buffer.concat([head, await readAt(handle, directory, Math.min(size - directory, 64 * 1024))]);
}

/** The Swedish message for a file that is not an .xlsx workbook. */
export function foreignFileMessage(file: string, description: string): string {
  if (description === 'en tom fil') {
    return `${file} är en tom fil (0 byte), inte en Excel-arbetsbok. Kontrollera att du valt rätt fil; skulle den innehålla arbetsboken, hämta den igen eller återställ en tidigare version.`;
  }
  if (description.includes('krypterad')) {
    const certain = !description.includes('äldre');
    return (
      `${file} är ${description}, inte en Excel-arbetsbok (.xlsx) som Planrapport kan läsa. ` +
      (certain ? '' : 'Är det en äldre arbetsbok: öppna den i Excel och spara som Excel-arbetsbok (.xlsx). ') +
      'Är den lösenordsskyddad: öppna den i Excel, ta bort lösenordet (Arkiv → Information → Skydda arbetsbok → Kryptera med lösenord, töm fältet) och spara igen.'
    );
  }
  if (/Word|PowerPoint|Visio|PDF|bild|arkiv|Pages|okänn|känner igen|Office-dokument/.test(description)) {
    return `${file} är ${description}, inte en Excel-arbetsbok (.xlsx). Kontrollera att du valt rätt fil: Planrapport behöver arbetsboken (.xlsx).`;
  }
  return `${file} är ${description}, inte en Excel-arbetsbok (.xlsx). Öppna den i Excel och spara som Excel-arbetsbok (.xlsx).`;
}

/** What the file is when it is not an .xlsx workbook (see describeForeignFile), read from its head and zip directory. */
export async function sniffFile(file: string, size?: number): Promise<string | undefined> {
  const handle = await fs.open(file, 'r');
  try {
    const length = size ?? (await handle.stat()).size;
    let head = await readAt(handle, 0, Math.min(length, SNIFF_HEAD_BYTES));
    if (head.length >= 512 && head.readUInt32BE(0) === 0xd0cf11e0) head = await compoundHead(handle, length);
    const isZip = head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b;
    const names = isZip ? await zipEntryNames(handle, length).catch(() => undefined) : undefined;
    return describeForeignFile(head, names);
  } finally {
    await handle.close();
  }
}

/**
 * Checks that `file` can be read and looks like an .xlsx workbook; returns its fingerprint
 * when asked. Throws FileError or UnreadableWorkbookError with a Swedish message.
 */
export async function inspectWorkbookFile(file: string, options: { fingerprint?: boolean } = {}): Promise<Fingerprint | undefined> {
  return onFile(file, 'read', async () => {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new FileError(fileErrorMessage({ code: 'EISDIR' }, file, 'read')!, 'EISDIR');
    if (!stat.isFile()) throw new FileError(`${file} är ingen vanlig fil (utan t.ex. en enhet eller en namngiven pipe). Ange arbetsbokens filnamn.`);
    const description = await sniffFile(file, stat.size);
    if (description) throw new UnreadableWorkbookError(foreignFileMessage(file, description));
    return options.fingerprint ? takeFingerprint(file) : undefined;
  });
}

/** `inspectWorkbookFile`, then the .xlsx adapter's `XlsxHost.open`. */
export async function openWorkbook(file: string, options: { fingerprint?: boolean } = {}): Promise<{ host: XlsxHost; fingerprint?: Fingerprint }> {
  const fingerprint = await inspectWorkbookFile(file, options);
  const XlsxHostClass = loadXlsxHost();
  try {
    return { host: await XlsxHostClass.open(file), fingerprint };
  } catch (e) {
    throw asFileError(e, file, 'read');
  }
}
