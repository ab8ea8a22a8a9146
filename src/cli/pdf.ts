/**
 * `generate --pdf`: the report as a tagged PDF (PDF/UA) through LibreOffice, when it is
 * installed. LibreOffice runs headless with a profile of its own in a temporary folder (so it
 * neither clashes with a LibreOffice the user has open nor touches the user's settings), on a
 * copy of the report in that folder, for at most `PDF_TIMEOUT_MS`; the folder is removed
 * afterwards. The PDF gets LibreOffice's structure tree (headings, lists, tables, links),
 * bookmarks from the headings, the document's title and language (sv-SE) from the .docx.
 */
import { spawn } from 'node:child_process';
import { constants, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileError } from './errors';

/** How long LibreOffice may take (its first start with a new profile takes several seconds). */
export const PDF_TIMEOUT_MS = 180_000;

/** LibreOffice's PDF export options (writer_pdf_Export's filter data, as JSON: LibreOffice 7.4 and later). */
export const PDF_EXPORT_OPTIONS = {
  UseTaggedPDF: { type: 'boolean', value: 'true' },
  PDFUACompliance: { type: 'boolean', value: 'true' },
  ExportBookmarks: { type: 'boolean', value: 'true' },
  DisplayPDFDocumentTitle: { type: 'boolean', value: 'true' },
  ExportNotes: { type: 'boolean', value: 'false' },
} as const;

const WELL_KNOWN: Partial<Record<NodeJS.Platform, string[]>> = {
  win32: ['C:\\Program Files\\LibreOffice\\program\\soffice.exe', 'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe'],
  darwin: ['/Applications/LibreOffice.app/Contents/MacOS/soffice'],
  linux: ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice', '/snap/bin/libreoffice'],
};

async function isExecutable(file: string): Promise<boolean> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return false;
    if (process.platform !== 'win32') await fs.access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * LibreOffice's program: PLANRAPPORT_SOFFICE if set, else `soffice` (or `libreoffice`) on the
 * PATH, else where the installers put it. Undefined when it is not installed.
 */
export async function findSoffice(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const configured = env['PLANRAPPORT_SOFFICE'];
  if (configured) return (await isExecutable(configured)) ? configured : undefined;
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const dir of (env['PATH'] ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (await isExecutable(candidate)) return candidate;
    }
  }
  for (const candidate of WELL_KNOWN[process.platform] ?? []) if (await isExecutable(candidate)) return candidate;
  return undefined;
}

export function sofficeMissingMessage(): string {
  return (
    'PDF skrivs med LibreOffice, som inte hittades på datorn. Installera LibreOffice (https://www.libreoffice.org, gratis) ' +
    'och kör kommandot igen, eller ange sökvägen till programmet soffice i miljövariabeln PLANRAPPORT_SOFFICE. ' +
    'Utan --pdf skrivs Word-dokumentet som vanligt; det kan också sparas som PDF i Word (Arkiv → Spara som → PDF, med "Dokumentstrukturtaggar för hjälpmedel" ikryssat).'
  );
}

/** Runs LibreOffice on `docx` (bytes) and returns the PDF's bytes. Throws FileError with a Swedish message. */
export async function convertToPdf(soffice: string, docx: Uint8Array, timeoutMs = PDF_TIMEOUT_MS): Promise<Buffer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'planrapport-pdf-'));
  try {
    const input = path.join(dir, 'rapport.docx');
    await fs.writeFile(input, docx);
    const profile = pathToFileURL(path.join(dir, 'profil')).href;
    const filter = `pdf:writer_pdf_Export:${JSON.stringify(PDF_EXPORT_OPTIONS)}`;
    const args = [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', filter, '--outdir', dir, input];
    const result = await run(soffice, args, timeoutMs);
    const output = path.join(dir, 'rapport.pdf');
    const pdf = await fs.readFile(output).catch(() => undefined);
    if (result.timedOut) {
      throw new FileError(
        `LibreOffice blev inte klar med PDF:en inom ${Math.round(timeoutMs / 1000)} sekunder och avbröts. Försök igen, eller spara Word-dokumentet som PDF i Word.`,
      );
    }
    if (!pdf || pdf.length < 5 || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
      const detail = result.output.trim().split('\n').slice(-3).join(' ').slice(0, 300);
      throw new FileError(
        `LibreOffice kunde inte skriva PDF:en${result.code ? ` (slutstatus ${result.code})` : ''}${detail ? `: ${detail}` : ''}. Kontrollera att LibreOffice fungerar (öppna det en gång), eller spara Word-dokumentet som PDF i Word.`,
      );
    }
    return pdf;
  } finally {
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

function run(command: string, args: string[], timeoutMs: number): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    // a process group of its own, so that a timeout ends LibreOffice's own child (soffice.bin) too
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32', windowsHide: true });
    let output = '';
    const keep = (b: Buffer) => {
      if (output.length < 20_000) output += b.toString('utf8');
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (process.platform !== 'win32' && child.pid) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        /* already gone */
      }
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'EACCES') reject(new FileError(sofficeMissingMessage()));
      else reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
}

/** The PDF's name beside the report: rapport.docx → rapport.pdf. */
export function pdfPathFor(docx: string): string {
  return docx.replace(/\.docx$/i, '') + '.pdf';
}
