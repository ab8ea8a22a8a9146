/**
 * The goal tree: each goal a section under its parent goal (KF:s inriktningsmål › KF:s mål
 * för verksamhetsområdet › Nämndmål › Enhetsmål), with its Bedömning (follow-ups), its texts
 * under their labels, and its indicator and activity tables; indicators and activities whose
 * goal is missing after the goals. The legend explains the symbols the goals use.
 */
import { isFollowUp, type ActivityStatus, type DocumentKind, type Goal, type GoalLevel, type GoalTexts, type Plan } from '../../model/plan';
import { oneLine } from '../../values/text';
import { ASSESSMENT_STYLE, type Block, type BlockOf, type Section } from '../model';
import { activityBlock, STATUS_COLOR, STATUS_SYMBOL } from './activities';
import { fitIndicatorColumns, indicatorBlock } from './indicators';
import { textBlocks } from './textSections';
import { header, MAL, type ColumnKey } from '../../layout/layout';
import { figures } from '../figures';
import { indicatorAssessment } from './indicators';

const GOAL_LABEL: Record<GoalLevel, string> = {
  'KF:s inriktningsmål': 'KF:s inriktningsmål:',
  'KF:s mål för verksamhetsområdet': 'KF:s mål för verksamhetsområdet:',
  Nämndmål: 'Nämndmål:',
  Enhetsmål: 'Enhetsmål:',
};

const GOAL_DEPTH: Record<GoalLevel, number> = {
  'KF:s inriktningsmål': 0,
  'KF:s mål för verksamhetsområdet': 1,
  Nämndmål: 2,
  Enhetsmål: 3,
};

/** A goal's texts in the order the reports print them, each under its label (the sheet's header, src/core/layout). */
const GOAL_TEXT_KEYS: readonly (keyof GoalTexts & ColumnKey<typeof MAL>)[] = [
  'description',
  'expectedResult',
  'analysis',
  'approach',
  'resourceUse',
  'followUp',
  'development',
];
const GOAL_TEXT_FIELDS: [keyof GoalTexts, string][] = GOAL_TEXT_KEYS.map((key) => [key, header(MAL, key)]);

export interface GoalNode {
  goal: Goal;
  children: GoalNode[];
}

/** The goals as trees by their Överordnat id; a goal whose parent is missing, or would make a cycle, is a root. */
export function goalForest(goals: readonly Goal[]): GoalNode[] {
  const nodes = new Map<string, GoalNode>();
  for (const g of goals) if (g.id && !nodes.has(g.id)) nodes.set(g.id, { goal: g, children: [] });
  const roots: GoalNode[] = [];
  for (const g of goals) {
    const node = g.id && nodes.get(g.id)?.goal === g ? nodes.get(g.id)! : { goal: g, children: [] };
    const parent = g.parentId ? nodes.get(g.parentId) : undefined;
    // a parent that is the goal itself or one of its own descendants would make a cycle
    if (parent && parent !== node && !isDescendant(parent, node)) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

function isDescendant(candidate: GoalNode, ancestor: GoalNode): boolean {
  return ancestor.children.some((c) => c === candidate || isDescendant(candidate, c));
}

function goalSection(node: GoalNode, plan: Plan, kind: DocumentKind, base: number, used: Set<object>): Section {
  const { goal } = node;
  const depth = goal.level ? GOAL_DEPTH[goal.level] : 2;
  const blocks: Block[] = [];
  if (isFollowUp(kind) && goal.assessment) blocks.push({ kind: 'assessment', assessment: goal.assessment });
  for (const [key, label] of GOAL_TEXT_FIELDS) {
    const content = textBlocks(goal.texts[key]);
    if (!content.length) continue;
    if (goal.level !== 'KF:s inriktningsmål') blocks.push({ kind: 'fieldLabel', text: label });
    blocks.push(...content);
  }
  const indicators = plan.indicators.filter((i) => i.goalId === goal.id && goal.id);
  const activities = plan.activities.filter((a) => a.goalId === goal.id && goal.id);
  indicators.forEach((i) => used.add(i));
  activities.forEach((a) => used.add(a));
  if (indicators.length) blocks.push(indicatorBlock(kind, plan.info.year, indicators, figures(plan.info.signs)));
  if (activities.length) blocks.push(activityBlock(kind, activities));
  return {
    heading: oneLine(goal.title) || `(mål ${goal.id || 'utan id'})`,
    label: goal.level ? GOAL_LABEL[goal.level] : undefined,
    level: Math.min(base + depth, 5),
    blocks,
    children: node.children.map((c) => goalSection(c, plan, kind, base, used)),
  };
}

/**
 * The goals' sections, a KF:s inriktningsmål at heading level `base`, and after them, under
 * `orphansHeading`, the indicators and activities of no goal in the sheet. Every indicator
 * table gets the same columns (report/columns.ts).
 */
export function goalTree(plan: Plan, kind: DocumentKind, base: number, orphansHeading: string): Section[] {
  const used = new Set<object>();
  const sections = goalForest(plan.goals).map((n) => goalSection(n, plan, kind, base, used));
  const orphanIndicators = plan.indicators.filter((i) => !used.has(i));
  const orphanActivities = plan.activities.filter((a) => !used.has(a));
  if (orphanIndicators.length || orphanActivities.length) {
    sections.push({
      heading: orphansHeading,
      level: base,
      blocks: [
        ...(orphanIndicators.length ? [indicatorBlock(kind, plan.info.year, orphanIndicators, figures(plan.info.signs))] : []),
        ...(orphanActivities.length ? [activityBlock(kind, orphanActivities)] : []),
      ],
      children: [],
    });
  }
  fitIndicatorColumns(sections);
  return sections;
}

/** The symbols the document uses, explained once above the goals. */
export function legend(plan: Plan): BlockOf<'legend'> | undefined {
  const items: { symbol: string; color: string; text: string }[] = [];
  for (const a of ['Uppfylls helt', 'Uppfylls delvis', 'Uppfylls inte', 'Ingen'] as const) {
    if (plan.goals.some((g) => g.assessment === a))
      items.push({ symbol: ASSESSMENT_STYLE[a].symbol, color: ASSESSMENT_STYLE[a].color, text: a === 'Ingen' ? 'Ingen bedömning' : a });
  }
  // indicators' assessments (follow-ups) that no goal uses already
  const kind = plan.info.kind ?? 'verksamhetsplan';
  for (const a of ['Uppfylls helt', 'Uppfylls delvis', 'Uppfylls inte', 'Ingen'] as const) {
    const used = plan.indicators.some((i) => indicatorAssessment(i, kind) === a);
    if (used && !items.some((it) => it.symbol === ASSESSMENT_STYLE[a].symbol))
      items.push({ symbol: ASSESSMENT_STYLE[a].symbol, color: ASSESSMENT_STYLE[a].color, text: a === 'Ingen' ? 'Ingen bedömning' : a });
  }
  for (const [status, symbol] of Object.entries(STATUS_SYMBOL) as [ActivityStatus, string][]) {
    if (isFollowUp(kind) && plan.activities.some((a) => a.status === status))
      items.push({ symbol, color: STATUS_COLOR, text: `aktivitet ${status.toLowerCase()}` });
  }
  return items.length ? { kind: 'legend', items } : undefined;
}
