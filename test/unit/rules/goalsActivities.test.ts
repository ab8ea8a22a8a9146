import { periodEnd } from '../../../src/core/rules/activities';
import { isFollowUp, DOCUMENT_KINDS } from '../../../src/core/model/plan';
import { GOAL_TREE } from '../../helpers/records';
import { findingsOf, plan, where } from '../../helpers/plans';

const IM = { Id: 'IM1', Nivå: 'KF:s inriktningsmål', Mål: 'IM' };
const KF = { Id: 'KF1', Nivå: 'KF:s mål för verksamhetsområdet', 'Överordnat id': 'IM1', Mål: 'KF', Bedömning: 'Uppfylls helt' };
const N = (id: string, extra = {}) => ({ Id: id, Nivå: 'Nämndmål', 'Överordnat id': 'KF1', Mål: `Mål ${id}`, Bedömning: 'Uppfylls helt', ...extra });

describe('goals', () => {
  test('the goal tree of a follow-up has no findings', () => {
    expect(where(plan('t2'))).toEqual([]);
    expect(isFollowUp('tertialrapport') && isFollowUp('verksamhetsberattelse') && !isFollowUp('verksamhetsplan')).toBe(true);
    expect(DOCUMENT_KINDS).toHaveLength(3);
  });

  test('ids: missing, doubled (the second one is not checked further)', () => {
    expect(
      where(plan('t2', { Mål: [IM, KF, N('N1'), N('N1', { Nivå: null }), { Nivå: 'Nämndmål', Mål: 'utan id', 'Överordnat id': 'KF1', Bedömning: 'Ingen' }] })),
    ).toEqual(['goal.duplicate-id Mål!A5', 'goal.level-missing Mål!B5', 'goal.id-missing Mål!A6']);
  });

  test('parents: missing, unknown, on the wrong level, below the goal; the top level has none', () => {
    expect(where(plan('t2', { Mål: [IM, KF, N('N1', { 'Överordnat id': null })] }))).toEqual(['goal.parent-missing Mål!C4']);
    expect(where(plan('t2', { Mål: [IM, KF, N('N1', { 'Överordnat id': 'KF9' })] }))).toEqual(['goal.parent-missing Mål!C4']);
    expect(where(plan('t2', { Mål: [IM, KF, N('N1', { 'Överordnat id': 'IM1' })] }))).toEqual(['goal.parent-level Mål!C4']);
    expect(where(plan('t2', { Mål: [{ ...IM, 'Överordnat id': 'KF1' }, KF, N('N1')] }))).toEqual(['goal.parent-level Mål!C2']);
    expect(where(plan('t2', { Mål: [IM, N('N1'), KF] }))).toEqual(['goal.order Mål!A3']);
    const [wrong] = findingsOf(plan('t2', { Mål: [IM, KF, N('N1', { 'Överordnat id': 'IM1' })] }));
    expect(wrong!.message).toContain('ett nämndmål ska ligga under ett KF:s mål för verksamhetsområdet, men "IM1" är KF:s inriktningsmål');
  });

  test('assessments are asked for on the lowest level present, not in a plan', () => {
    expect(where(plan('t2', { Mål: [IM, KF, N('N1', { Bedömning: null })] }))).toEqual(['goal.assessment-missing Mål!E4']);
    const unit = { Id: 'E1', Nivå: 'Enhetsmål', 'Överordnat id': 'N1', Mål: 'E', Bedömning: 'Uppfylls helt' };
    expect(where(plan('t2', { Mål: [IM, KF, N('N1', { Bedömning: null }), unit] }))).toEqual([]);
    expect(where(plan('t2', { Mål: [IM, KF, N('N1'), { ...unit, Bedömning: null }] }))).toEqual(['goal.assessment-missing Mål!E5']);
    expect(where(plan('vp', { Mål: [IM, { ...KF, Bedömning: 'Ingen' }, N('N1', { Bedömning: 'Uppfylls delvis' })] }))).toEqual([
      'goal.assessment-in-plan Mål!E4',
    ]);
  });

  test('with only KF goals under the top level, they are the level that reports', () => {
    expect(where(plan('t2', { Mål: [IM, { ...KF, Bedömning: null }] }))).toEqual(['goal.assessment-missing Mål!E3']);
    expect(where(plan('t2', { Mål: [IM] }))).toEqual([]);
  });

  test('a KF goal under another KF goal is on the wrong level', () => {
    const [f] = findingsOf(plan('t2', { Mål: [IM, KF, { ...KF, Id: 'KF2', 'Överordnat id': 'KF1' }] }));
    expect(`${f!.rule} ${f!.cell}`).toBe('goal.parent-level C4');
    expect(f!.message).toContain(': KF:s mål för verksamhetsområdet ska ligga under ett KF:s inriktningsmål, men "KF1" är KF:s mål för verksamhetsområdet');
  });

  test('delvis or inte needs an analysis; a KF goal is no better than its worst nämndmål (Ingen aside)', () => {
    expect(where(plan('vb', { Mål: [IM, KF, N('N1', { Bedömning: 'Uppfylls inte' })] }))).toEqual([
      'goal.assessment-better-than-parts Mål!E3',
      'goal.analysis-required Mål!H4',
    ]);
    expect(
      where(
        plan('vb', {
          Mål: [
            IM,
            { ...KF, Bedömning: 'Uppfylls delvis', Analys: 'a' },
            N('N1', { Bedömning: 'Uppfylls delvis', Analys: 'b' }),
            N('N2', { Bedömning: 'Ingen' }),
          ],
        }),
      ),
    ).toEqual([]);
  });
});

describe('activities', () => {
  const activities = (doc: Parameters<typeof plan>[0], ...rows: Record<string, unknown>[]) =>
    plan(doc, {
      Aktiviteter: rows.map((r) => ({ 'Mål-id': 'N1', Aktivitet: 'Aktivitet', Startdatum: '2019-01-01', Slutdatum: '2019-12-31', Status: 'Pågående', ...r })),
    });

  test('the period a document reports on ends 30 april, 31 augusti or 31 december', () => {
    expect(periodEnd('tertialrapport', 2019, 1)).toBe('2019-04-30');
    expect(periodEnd('tertialrapport', 2019, 2)).toBe('2019-08-31');
    expect(periodEnd('verksamhetsberattelse', 2019, undefined)).toBe('2019-12-31');
    expect(periodEnd('verksamhetsplan', 2019, undefined)).toBeUndefined();
    expect(periodEnd('tertialrapport', 2019, undefined)).toBeUndefined();
    expect(periodEnd('tertialrapport', undefined, 2)).toBeUndefined();
  });

  test('an activity that should have ended within the period needs Avslutad or Avbruten', () => {
    expect(where(activities('t2', { Slutdatum: '2019-08-31' }))).toEqual(['activity.overdue Aktiviteter!E2']);
    expect(where(activities('t1', { Slutdatum: '2019-08-31' }))).toEqual([]);
    expect(where(activities('t2', { Slutdatum: '2019-06-30', Status: 'Avbruten' }))).toEqual([]);
    expect(where(activities('vp', { Slutdatum: '2019-06-30' }))).toEqual([]);
    expect(findingsOf(activities('vb', { Slutdatum: '2019-06-30', Status: null }))[0]!.message).toContain('men status är tom');
  });

  test('dates in order, a name, a goal that exists', () => {
    expect(where(activities('t2', { Startdatum: '2019-05-01', Slutdatum: '2019-04-30', Status: 'Avslutad' }))).toEqual(['activity.date-order Aktiviteter!D2']);
    expect(where(activities('t2', { Aktivitet: null, 'Mål-id': null }))).toEqual([
      'activity.goal-missing Aktiviteter!A2',
      'activity.name-missing Aktiviteter!B2',
    ]);
    expect(findingsOf(activities('t2', { 'Mål-id': null }))[0]!.message).toContain('saknar Mål-id');
  });

  test('goals the activities and indicators may hang under: any level that exists', () => {
    expect(where(activities('t2', { 'Mål-id': 'IM1' }))).toEqual([]);
    expect(GOAL_TREE.map((g) => g.Id)).toEqual(['IM1', 'KF1', 'N1']);
  });
});
