/** Use-case: check the workbook before submission. Reads only; never writes. */
import { validate } from '../core/rules/validate';
import { readiness, type Readiness } from '../core/rules/readiness';
import type { Finding } from '../core/findings/finding';
import type { WorkbookHost } from '../hosts/port';
import { readWorkbook, type WorkbookReading } from './readWorkbook';

export interface ValidationReport {
  reading: WorkbookReading;
  findings: Finding[];
  errors: number;
  warnings: number;
  /** "Klar att lämna in": no errors and what the document's kind requires. */
  readiness: Readiness;
}

export async function validateWorkbook(host: WorkbookHost): Promise<ValidationReport> {
  const reading = await readWorkbook(host);
  return summarise(reading);
}

export function summarise(reading: WorkbookReading): ValidationReport {
  const findings = validate(reading);
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { reading, findings, errors, warnings: findings.length - errors, readiness: readiness(reading.plan, findings) };
}
