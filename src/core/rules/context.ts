/** What every rule needs: the plan, where its cells are, and a way to report in Swedish. */
import type { Plan, SourceRef } from '../model/plan';
import type { ColumnMap } from '../workbook/table';
import { cellAddress } from '../cells/address';
import type { Finding, Severity } from '../findings/finding';
import type { RuleId } from '../findings/catalog';
import { RULES } from '../findings/catalog';
import { oneLine } from '../values/text';

export interface RuleOptions {
  /** Date the check is made (ISO); rules about passed dates use the report's period end instead when known. */
  today?: string;
}

export class RuleContext {
  readonly findings: Finding[] = [];
  constructor(
    readonly plan: Plan,
    readonly columns: Record<string, ColumnMap>,
    readonly options: RuleOptions = {},
  ) {}

  /** The A1 address of a model item's cell in column `key` ("" when the column is missing). */
  cell(source: SourceRef, key: string): string {
    const col = this.columns[source.sheet]?.byKey.get(key);
    return col ? cellAddress(col, source.row) : '';
  }

  /** "Indikatorer!F7" for messages. */
  where(source: SourceRef, key: string): string {
    const cell = this.cell(source, key);
    return cell ? `${source.sheet}!${cell}` : `${source.sheet} rad ${source.row}`;
  }

  report(rule: RuleId, source: SourceRef, key: string, message: string, severity?: Severity) {
    this.reportAt(rule, source.sheet, this.cell(source, key), message, severity);
  }

  reportAt(rule: RuleId, sheet: string, cell: string, message: string, severity?: Severity) {
    this.findings.push({ severity: severity ?? RULES[rule].severity, sheet, cell, rule, message: bounded(message) });
  }
}

/** A message never carries a whole cell's worth of text (every value in it is quoted short already). */
export function bounded(message: string, max = 600): string {
  const one = oneLine(message);
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** Shortens a name for a message. */
export function quote(text: string, max = 60): string {
  // collapsing whitespace only shortens a text: a head of it is enough
  const t = oneLine(text.length > max * 4 ? text.slice(0, max * 4) : text);
  return `"${t.length > max ? `${t.slice(0, max)}…` : t}"`;
}
