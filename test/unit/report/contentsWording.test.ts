/** Contents entries worded as the reference documents of the nearest year: 2019/2020 without the goals' labels, 2025 with them. */
import { buildReport } from '../../../src/core/report/build';
import { estimateTocPages } from '../../../src/core/report/pages/pager';
import { goal, plan, text } from './plans';

function entries(year: number) {
  const model = buildReport(
    plan('verksamhetsberattelse', {
      info: { year, organisation: 'Enheten' },
      texts: [text('Sammanfattande analys', 'Allt gick bra.')],
      goals: [
        goal('IM1', '1. En modern storstad med möjligheter och valfrihet för alla', { level: 'KF:s inriktningsmål' }),
        goal('KF1', '1.1 I Stockholm är människor självförsörjande', {
          level: 'KF:s mål för verksamhetsområdet',
          parentId: 'IM1',
          assessment: 'Uppfylls helt',
        }),
      ],
    }),
  );
  return estimateTocPages(model, 3).map((e) => e.title);
}

test('2020: the goals alone, as "1. En modern storstad …" in the 2020 verksamhetsberättelse', () => {
  const titles = entries(2020);
  expect(titles).toContain('1. En modern storstad med möjligheter och valfrihet för alla');
  expect(titles).toContain('1.1 I Stockholm är människor självförsörjande');
  expect(titles.some((t) => t.startsWith('KF:s'))).toBe(false);
});

test('2025: with their labels, as "KF:s inriktningsmål: 1. …" in the 2025 verksamhetsplan', () => {
  const titles = entries(2025);
  expect(titles.filter((t) => t.startsWith('KF:s inriktningsmål:'))).toHaveLength(1);
  expect(titles.filter((t) => t.startsWith('KF:s mål för verksamhetsområdet:'))).toHaveLength(1);
});
