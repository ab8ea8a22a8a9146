/** Rules for the Aktiviteter sheet. */
import { isFollowUp, type Goal } from '../model/plan';
import { quote, type RuleContext } from './context';

/** The last day the document reports on: tertial 1 → 30 april, tertial 2 → 31 augusti, a VB → 31 december. */
export function periodEnd(kind: string | undefined, year: number | undefined, tertial: number | undefined): string | undefined {
  if (!year) return undefined;
  if (kind === 'verksamhetsberattelse') return `${year}-12-31`;
  if (kind === 'tertialrapport' && tertial) return tertial === 1 ? `${year}-04-30` : `${year}-08-31`;
  return undefined;
}

export function activityRules(ctx: RuleContext, goals: Map<string, Goal>) {
  const { plan } = ctx;
  const followUp = plan.info.kind ? isFollowUp(plan.info.kind) : false;
  const end = periodEnd(plan.info.kind, plan.info.year, plan.info.tertial);
  for (const a of plan.activities) {
    const name = a.name ? quote(a.name) : `på rad ${a.source.row}`;
    if (!a.name)
      ctx.report(
        'activity.name-missing',
        a.source,
        'name',
        `${ctx.where(a.source, 'name')}: aktiviteten saknar text. Skriv aktiviteten som den ska stå i dokumentet.`,
      );
    if (!a.goalId || !goals.has(a.goalId)) {
      ctx.report(
        'activity.goal-missing',
        a.source,
        'goalId',
        a.goalId
          ? `${ctx.where(a.source, 'goalId')}: Mål-id ${quote(a.goalId, 20)} för aktiviteten ${name} finns inte i fliken Mål. Skriv Id för ett befintligt mål.`
          : `${ctx.where(a.source, 'goalId')}: aktiviteten ${name} saknar Mål-id. Skriv Id för målet den hör till.`,
      );
    }
    if (a.start && a.end && a.start > a.end) {
      ctx.report(
        'activity.date-order',
        a.source,
        'end',
        `${ctx.where(a.source, 'end')}: slutdatum ${a.end} är före startdatum ${a.start} för ${name}. Rätta datumen.`,
      );
    }
    if (followUp && end && a.end && a.end <= end && a.status !== 'Avslutad' && a.status !== 'Avbruten') {
      ctx.report(
        'activity.overdue',
        a.source,
        'status',
        `${ctx.where(a.source, 'status')}: slutdatum ${a.end} ligger inom rapportperioden (som slutar ${end}) men status är ${a.status ? `"${a.status}"` : 'tom'} för ${name}. Sätt Avslutad eller Avbruten, eller förklara avvikelsen.`,
      );
    }
  }
}
