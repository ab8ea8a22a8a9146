import { RULES, type RuleId } from './catalog';
import { oneLine } from '../values/text';
/** A finding about the workbook: what is wrong, where, and what to do – in Swedish. */
export type Severity = 'error' | 'warning';

export interface Finding {
  severity: Severity;
  sheet: string;
  /** "F7", a range "C2:C40", or "" for a whole-workbook finding. */
  cell: string;
  /** Stable id of the rule, e.g. "indicator.analysis-required". */
  rule: string;
  message: string;
}

/** A finding for a rule of the catalog, with the rule's severity. */
export function finding(rule: RuleId, sheet: string, cell: string, message: string): Finding {
  const one = oneLine(message);
  return { severity: RULES[rule].severity, sheet, cell, rule, message: one.length > 600 ? `${one.slice(0, 599)}…` : one };
}
