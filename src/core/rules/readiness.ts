/**
 * "Klar att lämna in": nothing is wrong (no errors; warnings are the user's to weigh) and the
 * document has what its kind requires. A fresh template has no errors, but nothing to submit
 * either: it lacks goals, indicators and texts. What each kind requires is declared here, as
 * data; each requirement names the sheet where the user supplies it and says what to do.
 */
import type { DocumentKind, Plan } from '../model/plan';
import { isFollowUp } from '../model/plan';
import type { Finding } from '../findings/finding';

export interface Requirement {
  id: 'texts' | 'goals' | 'indicators' | 'assessments';
  /** Where the user supplies it. */
  sheet: string;
  /** What is missing and what to do, in Swedish. */
  text: string;
}

interface RequirementSpec extends Requirement {
  /** Kinds that require it (every kind when absent). */
  kinds?: (kind: DocumentKind) => boolean;
  met(plan: Plan): boolean;
}

export const REQUIREMENTS: readonly RequirementSpec[] = [
  {
    id: 'texts',
    sheet: 'Texter',
    text: 'Inga texter ännu. Skriv dokumentets avsnitt i fliken Texter, ett per rad.',
    met: (plan) => plan.texts.some((t) => t.text.trim() !== ''),
  },
  {
    id: 'goals',
    sheet: 'Mål',
    text: 'Inga mål ännu. Skriv målen i fliken Mål.',
    met: (plan) => plan.goals.length > 0,
  },
  {
    id: 'indicators',
    sheet: 'Indikatorer',
    text: 'Inga indikatorer ännu. Skriv indikatorerna för målen i fliken Indikatorer.',
    met: (plan) => plan.indicators.length > 0,
  },
  {
    id: 'assessments',
    sheet: 'Mål',
    text: 'Inget mål är bedömt. Välj Bedömning för målen i fliken Mål.',
    kinds: isFollowUp,
    met: (plan) => plan.goals.length === 0 || plan.goals.some((g) => g.assessment !== undefined),
  },
];

export interface Readiness {
  /** No errors, and nothing the kind requires is missing. */
  ready: boolean;
  errors: number;
  warnings: number;
  /** What the document's kind requires and the workbook does not have yet, in order. */
  missing: Requirement[];
}

export function readiness(plan: Plan, findings: readonly Finding[]): Readiness {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const kind = plan.info.kind;
  const missing = REQUIREMENTS.filter((r) => (!r.kinds || (kind !== undefined && r.kinds(kind))) && !r.met(plan)).map(({ id, sheet, text }) => ({
    id,
    sheet,
    text,
  }));
  return { ready: errors === 0 && missing.length === 0, errors, warnings: findings.length - errors, missing };
}
