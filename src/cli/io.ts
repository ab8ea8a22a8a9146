/** CLI plumbing: output sink, argument parsing; safe file writing is in ./safeWrite. */
import { parseArgs } from 'node:util';
import { stat } from 'node:fs/promises';
import { DOCUMENT_KINDS, type DocumentKind } from '../core/model/plan';
import { YEAR_RANGE } from '../core/values/limits';

export { checkWritable, writeFileSafely, fingerprint, sameFile, type Fingerprint, type WriteResult } from './safeWrite';

export interface Output {
  log(text: string): void;
  error(text: string): void;
}

/** Wrong use of the command line; the message is Swedish. */
export class UsageError extends Error {}

/** `--help` / `-h` after a command: print the usage, exit 0. */
export class HelpRequested extends Error {}

type OptionSpec = Record<string, { type: 'string' } | { type: 'boolean' }>;
type Values<O extends OptionSpec> = { [K in keyof O]?: O[K]['type'] extends 'string' ? string : boolean };

function flagList(options: OptionSpec): string {
  const names = Object.keys(options).map((n) => `--${n}`);
  return names.length ? `Kommandot tar ${names.join(', ')}.` : 'Kommandot tar inga flaggor.';
}

/**
 * Parses a command's arguments. Every mistake becomes a Swedish UsageError (node's own
 * messages are English): an unknown flag, a flag without its value, a value that looks
 * like a flag, a value given to an on/off flag, a flag given twice.
 */
export function parse<O extends OptionSpec>(args: string[], options: O): { values: Values<O>; positionals: string[] } {
  const { tokens } = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    const flag = token.rawName;
    if (token.name === 'help' || token.name === 'h') throw new HelpRequested();
    const spec = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (!spec) {
      throw new UsageError(
        `Okänd flagga ${flag}. ${flagList(options)} (Ett filnamn som börjar med "-" skrivs efter --, t.ex. planrapport validate -- ${flag}.xlsx.)`,
      );
    }
    if (Object.hasOwn(values, token.name)) throw new UsageError(`Flaggan ${flag} står flera gånger. Ange den en gång.`);
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`Flaggan ${flag} tar inget värde: skriv bara ${flag} (utan "=${token.value}").`);
      values[token.name] = true;
      continue;
    }
    const value = token.value;
    if (value === undefined) throw new UsageError(`Flaggan ${flag} behöver ett värde, t.ex. ${flag} ${example(token.name)}.`);
    if (!token.inlineValue && value.startsWith('-') && value.length > 1) {
      if (value.startsWith('--')) {
        throw new UsageError(
          `Flaggan ${flag} behöver ett värde, men följs av flaggan ${value}. Skriv värdet direkt efter ${flag}, t.ex. ${flag} ${example(token.name)}.`,
        );
      }
      throw new UsageError(
        `Värdet för ${flag} börjar med "-" ("${value}"), så det ser ut som en flagga. Menar du värdet, skriv ${flag}="${value}"; annars saknas värdet för ${flag}.`,
      );
    }
    values[token.name] = value;
  }
  return { values: values as Values<O>, positionals };
}

function example(name: string): string {
  switch (name) {
    case 'kind':
      return 'tertialrapport';
    case 'year':
      return '2025';
    case 'tertial':
      return '1';
    case 'org':
      return '"Hägersten-Liljeholmens stadsdelsnämnd"';
    case 'out':
      return 'rapport.docx';
    default:
      return '<värde>';
  }
}

export function parseKind(text: string | undefined): DocumentKind | undefined {
  if (text === undefined) return undefined;
  const t = text.trim().toLowerCase().replace('ä', 'a');
  if ((DOCUMENT_KINDS as readonly string[]).includes(t)) return t as DocumentKind;
  throw new UsageError(`Okänd dokumenttyp "${text}". Välj verksamhetsplan, tertialrapport eller verksamhetsberattelse.`);
}

export function parseYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < YEAR_RANGE.min || n > YEAR_RANGE.max) throw new UsageError(`Året "${text}" är inget årtal (skriv t.ex. 2025).`);
  return n;
}

export function parseTertial(text: string | undefined): 1 | 2 | undefined {
  if (text === undefined) return undefined;
  if (text === '1' || text === '2') return Number(text) as 1 | 2;
  throw new UsageError(`Tertialen "${text}" ska vara 1 eller 2.`);
}

/** False only when there is no such file (ENOENT); other problems are reported when the file is opened. */
export async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (e) {
    return (e as { code?: string }).code !== 'ENOENT';
  }
}
