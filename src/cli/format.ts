/** How the CLI prints findings for a person (Swedish). */
import type { AuditFinding } from '../core/audit/audit';
import type { ValidationReport } from '../usecases/validate';

const SEVERITY = { error: 'FEL', warning: 'VARNING' } as const;

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function summaryLine(report: ValidationReport): string {
  if (report.errors === 0 && report.warnings === 0) return 'Inga fel eller varningar – klar att lämna in.';
  const parts = [count(report.errors, 'fel', 'fel'), count(report.warnings, 'varning', 'varningar')];
  return report.errors === 0 ? `${parts.join(', ')} – klar att lämna in (se över varningarna).` : `${parts.join(', ')} – rätta felen innan du lämnar in.`;
}

export function formatFindings(file: string, report: ValidationReport): string {
  const lines = [`${file}: ${summaryLine(report)}`];
  let sheet = '';
  for (const f of report.findings) {
    if (f.sheet !== sheet) {
      sheet = f.sheet;
      const n = report.findings.filter((x) => x.sheet === sheet).length;
      lines.push('', `${sheet} (${n})`);
    }
    lines.push(`  ${SEVERITY[f.severity].padEnd(7)} ${(f.cell || '–').padEnd(6)} ${f.message}  [${f.rule}]`);
  }
  return lines.join('\n');
}

export function notATemplate(file: string): string {
  return `${file} är ingen Planrapport-arbetsbok: flikarna Dokument, Mål, Indikatorer m.fl. saknas. Skapa mallen med "planrapport template ${file} --kind … --year …" (befintliga flikar lämnas orörda).`;
}

/** Findings of one rule printed in full before the rest are counted. */
const AUDIT_SHOWN_PER_RULE = 25;

/** The accessibility findings of `planrapport audit` for a person: the count, then each with its place and rule. */
export function formatAudit(file: string, findings: readonly AuditFinding[]): string {
  if (!findings.length) return `${file}: Inga tillgänglighetsproblem hittades.`;
  const lines = [`${file}: ${count(findings.length, 'tillgänglighetsproblem', 'tillgänglighetsproblem')}.`];
  const shown = new Map<string, number>();
  for (const f of findings) {
    const n = (shown.get(f.rule) ?? 0) + 1;
    shown.set(f.rule, n);
    if (n <= AUDIT_SHOWN_PER_RULE) lines.push('', `  ${f.place}:`, `    ${f.message}  [${f.rule}]`);
  }
  for (const [rule, n] of shown)
    if (n > AUDIT_SHOWN_PER_RULE) lines.push('', `  … och ${n - AUDIT_SHOWN_PER_RULE} till av samma slag [${rule}] (alla med --json).`);
  return lines.join('\n');
}
