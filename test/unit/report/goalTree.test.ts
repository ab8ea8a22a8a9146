/** The goal tree (report/blocks/goalTree.ts): the forest, each goal's section, orphans, the legend. */
import { goalForest, goalTree, legend } from '../../../src/core/report/blocks/goalTree';
import { activity, goal, indicator, outlineOf, plan } from './plans';

const ids = (nodes: ReturnType<typeof goalForest>): unknown[] => nodes.map((n) => (n.children.length ? [n.goal.id, ids(n.children)] : n.goal.id));

describe('the goal forest', () => {
  test('goals under their parent, in sheet order; a missing parent makes a root', () => {
    expect(ids(goalForest([goal('A', 'a'), goal('B', 'b', { parentId: 'A' }), goal('C', 'c', { parentId: 'X' }), goal('D', 'd', { parentId: 'A' })]))).toEqual([
      ['A', ['B', 'D']],
      'C',
    ]);
  });

  test('a cycle or a goal that is its own parent does not loop: the goal that closes it is a root', () => {
    expect(ids(goalForest([goal('A', 'a', { parentId: 'B' }), goal('B', 'b', { parentId: 'A' }), goal('S', 's', { parentId: 'S' })]))).toEqual([
      ['B', ['A']],
      'S',
    ]);
  });

  test('a repeated id: the first goal takes the children, the second is a leaf of its own', () => {
    expect(ids(goalForest([goal('A', 'first'), goal('A', 'second'), goal('B', 'b', { parentId: 'A' })]))).toEqual([['A', ['B']], 'A']);
  });
});

describe("the goals' sections", () => {
  const goals = [
    goal('IM', '1. En stad', { level: 'KF:s inriktningsmål', texts: { description: 'Inriktningen.' }, assessment: 'Uppfylls helt' }),
    goal('KF', '1.1 Målet', {
      level: 'KF:s mål för verksamhetsområdet',
      parentId: 'IM',
      assessment: 'Uppfylls delvis',
      texts: { analysis: 'Analysen.', description: 'Beskrivningen.' },
    }),
    goal('E', '', { level: 'Enhetsmål', parentId: 'KF' }),
    goal('', 'Utan nivå'),
  ];
  const p = (kind: 'tertialrapport' | 'verksamhetsplan') =>
    plan(kind, {
      goals,
      indicators: [indicator('KF', 'Andel'), indicator('gone', 'Föräldralös')],
      activities: [activity('E', 'Göra', { status: 'Avbruten' })],
    });

  test('labels, levels from the base by goal level (at most 5), blocks in order; orphans after the goals', () => {
    const sections = goalTree(p('tertialrapport'), 'tertialrapport', 2, 'Indikatorer och aktiviteter utan mål');
    expect(outlineOf(sections, true)).toEqual([
      'KF:s inriktningsmål: 1. En stad (2) [assessment, richText]',
      '  KF:s mål för verksamhetsområdet: 1.1 Målet (3) [assessment, fieldLabel, richText, fieldLabel, richText, indicatorTable]',
      '    Enhetsmål: (mål E) (5) [activityTable]',
      'Utan nivå (4)',
      'Indikatorer och aktiviteter utan mål (2) [indicatorTable]',
    ]);
    const kf = sections[0]!.children[0]!;
    expect(kf.blocks.filter((b) => b.kind === 'fieldLabel').map((b) => (b.kind === 'fieldLabel' ? b.text : ''))).toEqual(['Beskrivning', 'Analys']);
  });

  test('a plan has no Bedömning; its goals start at level 1', () => {
    expect(outlineOf(goalTree(p('verksamhetsplan'), 'verksamhetsplan', 1, 'Utan mål'), true).slice(0, 2)).toEqual([
      'KF:s inriktningsmål: 1. En stad (1) [richText]',
      '  KF:s mål för verksamhetsområdet: 1.1 Målet (2) [fieldLabel, richText, fieldLabel, richText, indicatorTable]',
    ]);
  });

  test('a goal without id has neither indicators nor activities (an empty Mål-id matches no goal)', () => {
    const sections = goalTree(plan('tertialrapport', { goals: [goal('', 'Utan id')], indicators: [indicator('', 'Ind')] }), 'tertialrapport', 2, 'Utan mål');
    expect(outlineOf(sections, true)).toEqual(['Utan id (4)', 'Utan mål (2) [indicatorTable]']);
  });

  test('the legend lists the assessments and statuses the document uses, in a fixed order', () => {
    expect(legend(p('tertialrapport'))!.items.map((i) => `${i.symbol} ${i.text}`)).toEqual(['● Uppfylls helt', '◆ Uppfylls delvis', '✕ aktivitet avbruten']);
    expect(legend(plan('tertialrapport', { goals: [goal('A', 'a', { assessment: 'Ingen' })] }))!.items.map((i) => i.text)).toEqual(['Ingen bedömning']);
    expect(legend(plan('tertialrapport'))).toBeUndefined();
  });
});
