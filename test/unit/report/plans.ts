/**
 * In-memory plans for the report's unit tests: a Plan built directly, no workbook, exceljs or
 * CLI. Every record gets a source row of its own; what a test does not give is empty.
 */
import type {
  Activity,
  BudgetRow,
  DocumentKind,
  FreeTable,
  Goal,
  Indicator,
  Plan,
  PlanBudgetRow,
  TextSection,
  UnitBudgetRow,
} from '../../../src/core/model/plan';
import { EMPTY, type Value } from '../../../src/core/values/swedish';
import type { Section } from '../../../src/core/report/model';

let row = 1;
const source = (sheet: string) => ({ sheet, row: ++row });

export function plan(kind: DocumentKind | undefined, parts: Partial<Omit<Plan, 'info'>> & { info?: Partial<Plan['info']> } = {}): Plan {
  return {
    info: { kind, year: 2025, ...(kind === 'tertialrapport' ? { tertial: 2 as const } : {}), ...parts.info },
    texts: parts.texts ?? [],
    goals: parts.goals ?? [],
    indicators: parts.indicators ?? [],
    activities: parts.activities ?? [],
    budget: parts.budget ?? [],
    planBudget: parts.planBudget ?? [],
    unitBudget: parts.unitBudget ?? [],
    tables: parts.tables ?? [],
  };
}

export const text = (heading: string, body = `Text om ${heading}.`, parent?: string): TextSection => ({
  heading,
  text: body,
  parent,
  source: source('Texter'),
});

export const goal = (id: string, title: string, extra: Partial<Goal> = {}): Goal => ({ id, title, texts: {}, source: source('Mål'), ...extra });

export const num = (value: number): Value => ({ kind: 'number', value });

export const indicator = (goalId: string, name: string, extra: Partial<Indicator> = {}): Indicator => ({
  goalId,
  name,
  unit: '',
  outcome: EMPTY,
  outcomeMen: EMPTY,
  outcomeWomen: EMPTY,
  previousOutcome: EMPTY,
  forecast: EMPTY,
  annualTarget: EMPTY,
  cityTarget: EMPTY,
  period: '',
  source: source('Indikatorer'),
  ...extra,
});

export const activity = (goalId: string, name: string, extra: Partial<Activity> = {}): Activity => ({ goalId, name, source: source('Aktiviteter'), ...extra });

export const budgetRow = (label: string, amounts: BudgetRow['amounts'], extra: Partial<BudgetRow> = {}): BudgetRow => ({
  label,
  rowType: 'Verksamhet',
  entered: amounts,
  amounts,
  expected: amounts,
  source: source('Driftbudget'),
  ...extra,
});

export const planBudgetRow = (label: string, rowType: PlanBudgetRow['rowType'], amount?: number): PlanBudgetRow => ({
  label,
  rowType,
  amount,
  entered: amount,
  source: source('Budget kostnadsslag'),
});

export const unitBudgetRow = (label: string, rowType: UnitBudgetRow['rowType'], amounts: UnitBudgetRow['amounts']): UnitBudgetRow => ({
  label,
  rowType,
  entered: amounts,
  amounts,
  expected: amounts,
  source: source('Budget verksamhet'),
});

export const table = (caption: string, section: string | undefined, header: string[], rows: (string | number)[][], sumRows: number[] = []): FreeTable => ({
  caption,
  section,
  header,
  rows: rows.map((cells, i) => ({ kind: sumRows.includes(i) ? 'Summa' : 'Rad', cells })),
  source: source('Tabeller'),
});

/** A section tree as indented lines: "heading" per section, two spaces a level, "¶" for a new page, "(n)" for its blocks' kinds. */
export function outlineOf(sections: readonly Section[], withBlocks = false): string[] {
  const out: string[] = [];
  const walk = (s: Section, indent: string) => {
    const blocks = withBlocks && s.blocks.length ? ` [${s.blocks.map((b) => b.kind).join(', ')}]` : '';
    out.push(`${indent}${s.pageBreak ? '¶ ' : ''}${s.label ? `${s.label} ` : ''}${s.heading} (${s.level})${blocks}`);
    s.children.forEach((c) => walk(c, `${indent}  `));
  };
  sections.forEach((s) => walk(s, ''));
  return out;
}

/** The section with this heading, anywhere below. */
export function find(sections: readonly Section[], heading: string): Section | undefined {
  for (const s of sections) {
    if (s.heading === heading) return s;
    const below = find(s.children, heading);
    if (below) return below;
  }
  return undefined;
}
