/**
 * The built-in example data: three reference documents transcribed into the contract's
 * sheets (examples/*.json, copied from the project's shared material). They feed `demo`
 * and serve as test oracles (`expect` holds rows as the documents print them).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocumentKind } from '../core/model/plan';
import type { SheetRecord } from '../core/workbook/writeRecords';

export interface Transcription {
  source: string;
  kind: DocumentKind;
  year: number;
  tertial?: 1 | 2;
  sheets: Record<string, SheetRecord[]>;
  otherTables: { caption: string; section?: string; header: string[]; rows: string[][] }[];
  expect: {
    title: string;
    goalTexts: string[];
    indicatorRows: { name: string; cells: string[] }[];
    activityRows: { name: string; cells: string[] }[];
    driftbudgetRows?: string[][];
  };
}

export interface Example {
  /** File stem for the demo's outputs, e.g. "tertialrapport-2019". */
  slug: string;
  file: string;
  title: string;
}

export const EXAMPLES: readonly Example[] = [
  { slug: 'tertialrapport-2-2019-hagersten-liljeholmen', file: '001-plan.json', title: 'Tertialrapport 2 2019, Hägersten-Liljeholmens stadsdelsnämnd' },
  {
    slug: 'verksamhetsplan-2025-grupp-och-servicebostader',
    file: '002-plan.json',
    title: 'Verksamhetsplan 2025, Enheten Hägersten-Älvsjö grupp- och servicebostäder',
  },
  { slug: 'verksamhetsberattelse-2020-personligt-stod', file: '003-plan.json', title: 'Verksamhetsberättelse 2020, Enheten för personligt stöd' },
];

/** The examples folder: at the project root, next to src/ and lib/. */
export const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', 'examples');

export function loadTranscription(file: string): Transcription {
  return JSON.parse(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as Transcription;
}
