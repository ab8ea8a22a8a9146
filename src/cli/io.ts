/** CLI plumbing: output sink, argument parsing and safe file writing. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DOCUMENT_KINDS, type DocumentKind } from '../core/model/plan';

export interface Output {
  log(text: string): void;
  error(text: string): void;
}

/** Wrong use of the command line; the message is Swedish. */
export class UsageError extends Error {}

type StringOptions = Record<string, { type: 'string' } | { type: 'boolean' }>;

export function parse<O extends StringOptions>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true } as const satisfies ParseArgsConfig);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    if (unknown) throw new UsageError(`Okänd flagga ${unknown[1]}.`);
    const missing = /Option '([^']+)[^']*' argument missing/.exec(msg);
    if (missing) throw new UsageError(`Flaggan ${missing[1]} behöver ett värde.`);
    throw new UsageError(`Kunde inte tolka kommandoraden: ${msg}`);
  }
}

export function parseKind(text: string | undefined): DocumentKind | undefined {
  if (text === undefined) return undefined;
  const t = text
    .trim()
    .toLowerCase()
    .replace('ä', 'a');
  if ((DOCUMENT_KINDS as readonly string[]).includes(t)) return t as DocumentKind;
  throw new UsageError(`Okänd dokumenttyp "${text}". Välj verksamhetsplan, tertialrapport eller verksamhetsberattelse.`);
}

export function parseYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1990 || n > 2100) throw new UsageError(`Året "${text}" är inget årtal (skriv t.ex. 2025).`);
  return n;
}

export function parseTertial(text: string | undefined): 1 | 2 | undefined {
  if (text === undefined) return undefined;
  if (text === '1' || text === '2') return Number(text) as 1 | 2;
  throw new UsageError(`Tertialen "${text}" ska vara 1 eller 2.`);
}

export async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes a file through a temporary sibling and a rename, so that a failure never leaves
 * a half-written file (or a broken workbook) behind.
 */
export async function writeFileSafely(file: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await write(tmp);
    await fs.rename(tmp, file);
  } finally {
    await fs.rm(tmp, { force: true });
  }
}
