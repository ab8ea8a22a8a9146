/** Small plans for rule tests: records → snapshot → reading → findings, with short views of them. */
import type { Finding } from '../../src/core/findings/finding';
import { validate } from '../../src/core/rules/validate';
import type { RuleOptions } from '../../src/core/rules/context';
import { readPlan, type ReadResult } from '../../src/core/workbook/readPlan';
import { GOAL_TREE } from './records';
import { snapshotOf, type SnapshotOptions, type SnapshotRecords } from './snapshot';

export function reading(records: SnapshotRecords, options?: SnapshotOptions): ReadResult {
  return readPlan(snapshotOf(records, options));
}

export function findingsOf(records: SnapshotRecords, options: SnapshotOptions & { rules?: RuleOptions } = {}): Finding[] {
  return validate(reading(records, options), options.rules);
}

/** "rule Sheet!A1" for each finding. */
export function where(records: SnapshotRecords, options?: SnapshotOptions & { rules?: RuleOptions }): string[] {
  return findingsOf(records, options).map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
}

/** Dokument of a complete document of each kind (no findings of its own). */
export const DOC = {
  t1: { Dokumenttyp: 'Tertialrapport', År: 2019, Tertial: 1, Organisation: 'N' },
  t2: { Dokumenttyp: 'Tertialrapport', År: 2019, Tertial: 2, Organisation: 'N' },
  vb: { Dokumenttyp: 'Verksamhetsberättelse', År: 2019, Organisation: 'N' },
  vp: { Dokumenttyp: 'Verksamhetsplan', År: 2019, Organisation: 'N' },
} as const;

/** Texts that satisfy every kind's required sections. */
export const TEXTS = [
  { Avsnitt: 'Förslag till beslut', Text: 'x' },
  { Avsnitt: 'Sammanfattning', Text: 'x' },
  { Avsnitt: 'Sammanfattande analys', Text: 'x' },
  { Avsnitt: 'Inledning', Text: 'x' },
];

/** A document of a kind with the goal tree (without assessments in a plan) and the texts; `extra` sheets added or replaced. */
export const plan = (doc: keyof typeof DOC, extra: SnapshotRecords = {}): SnapshotRecords => ({
  Dokument: DOC[doc],
  Texter: TEXTS,
  Mål: doc === 'vp' ? GOAL_TREE.map((g) => ({ ...g, Bedömning: null })) : GOAL_TREE,
  ...extra,
});
