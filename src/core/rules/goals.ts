/** Rules for the Mål sheet: ids, levels, parents, texts and assessments. */
import { isFollowUp, type Assessment, type Goal, type GoalLevel } from '../model/plan';
import { quote, type RuleContext } from './context';

/** The level a goal's parent must have. */
const PARENT_LEVEL: Record<GoalLevel, GoalLevel | undefined> = {
  'KF:s inriktningsmål': undefined,
  'KF:s mål för verksamhetsområdet': 'KF:s inriktningsmål',
  Nämndmål: 'KF:s mål för verksamhetsområdet',
  Enhetsmål: 'Nämndmål',
};

const RANK: Record<Exclude<Assessment, 'Ingen'>, number> = { 'Uppfylls helt': 2, 'Uppfylls delvis': 1, 'Uppfylls inte': 0 };

export function goalRules(ctx: RuleContext): Map<string, Goal> {
  const { plan } = ctx;
  const byId = new Map<string, Goal>();
  const rowOf = new Map<string, number>();
  for (const goal of plan.goals) {
    if (!goal.id) {
      ctx.report(
        'goal.id-missing',
        goal.source,
        'id',
        `${ctx.where(goal.source, 'id')}: målet ${quote(goal.title || '(utan text)')} saknar Id. Skriv ett kort unikt Id, t.ex. N1.1-1.`,
      );
      continue;
    }
    const first = byId.get(goal.id);
    if (first) {
      ctx.report(
        'goal.duplicate-id',
        goal.source,
        'id',
        `${ctx.where(goal.source, 'id')}: Id ${quote(goal.id, 20)} används redan på rad ${first.source.row}. Ge målet ett eget Id.`,
      );
      continue;
    }
    byId.set(goal.id, goal);
    rowOf.set(goal.id, goal.source.row);
  }

  const followUp = plan.info.kind ? isFollowUp(plan.info.kind) : false;
  const levelsPresent = new Set(plan.goals.map((g) => g.level).filter((l): l is GoalLevel => !!l && l !== 'KF:s inriktningsmål'));
  const reportingLevel: GoalLevel | undefined = levelsPresent.has('Enhetsmål')
    ? 'Enhetsmål'
    : levelsPresent.has('Nämndmål')
      ? 'Nämndmål'
      : levelsPresent.has('KF:s mål för verksamhetsområdet')
        ? 'KF:s mål för verksamhetsområdet'
        : undefined;

  for (const goal of plan.goals) {
    const name = quote(goal.title || goal.id || `rad ${goal.source.row}`);
    if (!goal.title)
      ctx.report(
        'goal.text-missing',
        goal.source,
        'title',
        `${ctx.where(goal.source, 'title')}: målet ${goal.id || ''} saknar måltext. Skriv målet som det ska stå i dokumentet.`,
      );
    if (!goal.level) {
      ctx.report(
        'goal.level-missing',
        goal.source,
        'level',
        `${ctx.where(goal.source, 'level')}: Nivå saknas för ${name}. Välj KF:s inriktningsmål, KF:s mål för verksamhetsområdet, Nämndmål eller Enhetsmål.`,
      );
    } else {
      const wanted = PARENT_LEVEL[goal.level];
      if (goal.parentId) {
        const parent = byId.get(goal.parentId);
        if (!parent) {
          ctx.report(
            'goal.parent-missing',
            goal.source,
            'parentId',
            `${ctx.where(goal.source, 'parentId')}: Överordnat id ${quote(goal.parentId, 20)} för ${name} finns inte i kolumnen Id. Rätta id:t.`,
          );
        } else if (!wanted) {
          ctx.report(
            'goal.parent-level',
            goal.source,
            'parentId',
            `${ctx.where(goal.source, 'parentId')}: ett KF:s inriktningsmål ligger överst och ska inte ha något Överordnat id.`,
          );
        } else if (parent.level && parent.level !== wanted) {
          ctx.report(
            'goal.parent-level',
            goal.source,
            'parentId',
            `${ctx.where(goal.source, 'parentId')}: ${goal.level.toLowerCase().startsWith('kf') ? goal.level : `ett ${goal.level.toLowerCase()}`} ska ligga under ett ${wanted}, men ${quote(goal.parentId, 20)} är ${parent.level}. Rätta Överordnat id eller Nivå.`,
          );
        } else if ((rowOf.get(goal.parentId) ?? 0) > goal.source.row) {
          ctx.report(
            'goal.order',
            goal.source,
            'id',
            `${ctx.where(goal.source, 'id')}: ${name} står före sitt överordnade mål ${quote(goal.parentId, 20)} (rad ${rowOf.get(goal.parentId)}). Flytta raden så att dokumentet får rätt ordning.`,
          );
        }
      } else if (wanted) {
        ctx.report(
          'goal.parent-missing',
          goal.source,
          'parentId',
          `${ctx.where(goal.source, 'parentId')}: ${name} (${goal.level}) saknar Överordnat id. Skriv Id för det ${wanted} det hör till.`,
        );
      }
    }

    if (!followUp) {
      if (goal.assessment && goal.assessment !== 'Ingen' && plan.info.kind === 'verksamhetsplan') {
        ctx.report(
          'goal.assessment-in-plan',
          goal.source,
          'assessment',
          `${ctx.where(goal.source, 'assessment')}: en verksamhetsplan har inga bedömningar; "${goal.assessment}" skrivs inte ut.`,
        );
      }
      continue;
    }
    if (goal.level && goal.level === reportingLevel && !goal.assessment) {
      ctx.report(
        'goal.assessment-missing',
        goal.source,
        'assessment',
        `${ctx.where(goal.source, 'assessment')}: Bedömning saknas för ${name}. Välj Uppfylls helt, Uppfylls delvis, Uppfylls inte eller Ingen.`,
      );
    }
    if ((goal.assessment === 'Uppfylls delvis' || goal.assessment === 'Uppfylls inte') && !goal.texts.analysis) {
      ctx.report(
        'goal.analysis-required',
        goal.source,
        'analysis',
        `${ctx.where(goal.source, 'analysis')}: ${name} bedöms "${goal.assessment.toLowerCase()}" men Analys saknas. Beskriv varför och vad som görs.`,
      );
    }
  }

  // a KF-mål is not better than the worst of its nämndmål
  if (followUp) {
    for (const goal of plan.goals) {
      if (goal.level !== 'KF:s mål för verksamhetsområdet' || !goal.assessment || goal.assessment === 'Ingen') continue;
      const parts = plan.goals.filter((g) => g.parentId === goal.id && g.level === 'Nämndmål' && g.assessment && g.assessment !== 'Ingen');
      if (!parts.length) continue;
      const worst = parts.reduce((w, g) => (RANK[g.assessment as keyof typeof RANK] < RANK[w.assessment as keyof typeof RANK] ? g : w));
      if (RANK[goal.assessment] > RANK[worst.assessment as keyof typeof RANK]) {
        ctx.report(
          'goal.assessment-better-than-parts',
          goal.source,
          'assessment',
          `${ctx.where(goal.source, 'assessment')}: ${quote(goal.title || goal.id)} bedöms "${goal.assessment.toLowerCase()}" men nämndmålet ${quote(worst.title || worst.id, 40)} (rad ${worst.source.row}) "${worst.assessment!.toLowerCase()}". Ett KF-mål bedöms normalt som sitt sämsta nämndmål.`,
        );
      }
    }
  }
  return byId;
}
