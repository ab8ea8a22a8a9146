/**
 * What a file is when it is not an .xlsx workbook: a Swedish description for the message
 * "<fil> är <beskrivning>, inte en Excel-arbetsbok (.xlsx)". Pure: works on the first bytes
 * of the file and, for a zip, on its entry names; reads nothing itself.
 */

/** The bytes a caller should read for `describeForeignFile` to recognise every format it knows. */
export const SNIFF_HEAD_BYTES = 64 * 1024;

const ZIP = [0x50, 0x4b]; // "PK"
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(head: Uint8Array, bytes: readonly number[], at = 0): boolean {
  if (head.length < at + bytes.length) return false;
  return bytes.every((b, i) => head[at + i] === b);
}

function ascii(head: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < Math.min(to, head.length); i++) s += String.fromCharCode(head[i]!);
  return s;
}

function indexOfBytes(head: Uint8Array, needle: readonly number[]): number {
  outer: for (let i = 0; i + needle.length <= head.length; i++) {
    for (let j = 0; j < needle.length; j++) if (head[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** A stream name in a compound file's directory is stored as UTF-16LE. */
function utf16(name: string): number[] {
  const out: number[] = [];
  for (const ch of name) out.push(ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8);
  return out;
}

/** OpenDocument: the first entry is an uncompressed "mimetype" holding the media type. */
function openDocumentType(head: Uint8Array): string | undefined {
  // local file header: name length at 26, extra length at 28, name at 30
  if (head.length < 30 || !startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return undefined;
  const nameLength = head[26]! | (head[27]! << 8);
  const extraLength = head[28]! | (head[29]! << 8);
  if (ascii(head, 30, 30 + nameLength) !== 'mimetype') return undefined;
  const start = 30 + nameLength + extraLength;
  const m = /^application\/vnd\.oasis\.opendocument\.[a-z-]+/.exec(ascii(head, start, start + 80));
  return m?.[0];
}

function describeOpenDocument(mime: string | undefined): string {
  switch (mime?.replace('application/vnd.oasis.opendocument.', '')) {
    case 'spreadsheet':
    case 'spreadsheet-template':
      return 'ett OpenDocument-kalkylark (.ods)';
    case 'text':
    case 'text-template':
      return 'ett OpenDocument-textdokument (.odt)';
    case 'presentation':
    case 'presentation-template':
      return 'en OpenDocument-presentation (.odp)';
    default:
      return 'ett OpenDocument-dokument (t.ex. .ods eller .odt)';
  }
}

function describeZip(head: Uint8Array, zipEntryNames: readonly string[] | undefined): string | undefined {
  const mime = openDocumentType(head);
  if (mime) return describeOpenDocument(mime);
  if (!zipEntryNames) return undefined; // cannot tell without the entries: let the reader try
  // part names in OOXML are case-insensitive
  const names = new Set(zipEntryNames.map((n) => n.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase()));
  const has = (name: string) => names.has(name);
  const under = (folder: string) => [...names].some((n) => n.startsWith(folder));
  if (has('xl/workbook.bin')) return 'en binär Excel-arbetsbok (.xlsb)';
  // .xlsx, .xlsm, .xltx, .xltm: readable
  if (has('xl/workbook.xml') || under('xl/')) return undefined;
  if (has('word/document.xml') || under('word/')) return 'ett Word-dokument (.docx)';
  if (has('ppt/presentation.xml') || under('ppt/')) return 'en PowerPoint-presentation (.pptx)';
  if (has('visio/document.xml')) return 'en Visio-ritning (.vsdx)';
  if (has('mimetype') && has('content.xml')) return describeOpenDocument(undefined);
  if (has('index/document.iwa') || under('index/')) return 'ett Numbers-, Pages- eller Keynote-dokument (Apple)';
  if (has('[content_types].xml')) return 'ett Office-dokument som inte är en Excel-arbetsbok';
  if (names.size === 0) return 'ett tomt zip-arkiv';
  return 'ett zip-arkiv som inte är en arbetsbok';
}

function describeCompoundFile(head: Uint8Array): string {
  // the directory holds the stream names; look for them in the bytes we have
  if (indexOfBytes(head, utf16('EncryptedPackage')) >= 0 || indexOfBytes(head, utf16('EncryptionInfo')) >= 0) {
    return 'en krypterad (lösenordsskyddad) Excel-arbetsbok';
  }
  if (indexOfBytes(head, utf16('WordDocument')) >= 0) return 'ett äldre Word-dokument (.doc)';
  if (indexOfBytes(head, utf16('PowerPoint Document')) >= 0) return 'en äldre PowerPoint-presentation (.ppt)';
  if (indexOfBytes(head, utf16('Workbook')) >= 0 || indexOfBytes(head, utf16('Book')) >= 0) return 'en äldre Excel-arbetsbok (.xls)';
  return 'en äldre Excel-arbetsbok (.xls) eller en krypterad/lösenordsskyddad arbetsbok';
}

function isUtf8Text(head: Uint8Array): boolean {
  for (const b of head) if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) return false;
  // the head may end inside a multibyte character
  for (let cut = 0; cut <= Math.min(3, head.length - 1); cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - cut));
      return true;
    } catch {
      // try one byte shorter
    }
  }
  return false;
}

function isSingleByteText(head: Uint8Array): boolean {
  // Windows-1252 / Latin-1 text as older Excel and other tools export CSV
  let control = 0;
  for (const b of head) if (b === 0 || b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) control++;
  return control === 0;
}

function describeText(text: string): string {
  const t = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 2048)
    .toLowerCase();
  if (t.startsWith('<!doctype html') || t.startsWith('<html') || /^<\?xml[^>]*>\s*<html/.test(t)) return 'en webbsida (HTML-fil)';
  if (t.startsWith('<?xml') || t.startsWith('<')) {
    if (t.includes('urn:schemas-microsoft-com:office:spreadsheet')) return 'ett XML-kalkylblad (Excel 2003 XML)';
    if (/<html[\s>]/.test(t)) return 'en webbsida (HTML-fil)';
    return 'en XML-fil';
  }
  if (t.startsWith('{\\rtf')) return 'ett RTF-dokument';
  return 'en textfil (t.ex. CSV)';
}

/**
 * Given the first bytes of a file (`SNIFF_HEAD_BYTES` are enough; for a compound file more
 * finds the stream names further in) and, when it is a zip, its entry names, returns a
 * Swedish description ("ett Word-dokument (.docx)") when the file is NOT an .xlsx workbook
 * Planrapport can read, and undefined when it is one or may be one (an .xlsm is readable;
 * a zip whose entries are not known cannot be told apart).
 */
export function describeForeignFile(head: Uint8Array, zipEntryNames?: readonly string[]): string | undefined {
  if (head.length === 0) return 'en tom fil';
  if (startsWith(head, ZIP) && (startsWith(head, [0x03, 0x04], 2) || startsWith(head, [0x05, 0x06], 2) || startsWith(head, [0x07, 0x08], 2))) {
    return describeZip(head, zipEntryNames);
  }
  if (startsWith(head, CFB)) return describeCompoundFile(head);
  if (ascii(head, 0, 5) === '%PDF-') return 'en PDF-fil';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47])) return 'en bild (PNG)';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'en bild (JPEG)';
  if (ascii(head, 0, 4) === 'GIF8') return 'en bild (GIF)';
  if (startsWith(head, [0x1f, 0x8b])) return 'ett gzip-komprimerat arkiv';
  if (ascii(head, 0, 4) === 'Rar!') return 'ett RAR-arkiv';
  if (startsWith(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return 'ett 7z-arkiv';
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
    // UTF-16 text: Excel's "Unicode-text" export (tab-separated)
    const text = new TextDecoder(head[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(head.subarray(2, Math.min(head.length, 4098) & ~1));
    return describeText(text);
  }
  if (isUtf8Text(head)) return describeText(new TextDecoder('utf-8').decode(head.subarray(0, 4096)));
  if (isSingleByteText(head)) return describeText(new TextDecoder('latin1').decode(head.subarray(0, 4096)));
  return 'en fil i ett format som Planrapport inte känner igen';
}
