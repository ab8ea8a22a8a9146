/** Small sheet records the task-pane tests type into a fake workbook. */
import type { SheetRecord } from '../../src/core/workbook/writeRecords';

/** KF:s inriktningsmål → KF:s mål → Nämndmål N1. */
export const GOAL_TREE: SheetRecord[] = [
  { Id: 'IM1', Nivå: 'KF:s inriktningsmål', Mål: '1. En stad för alla' },
  { Id: 'KF1', Nivå: 'KF:s mål för verksamhetsområdet', 'Överordnat id': 'IM1', Mål: '1.1 Människor är självförsörjande', Bedömning: 'Uppfylls helt' },
  { Id: 'N1', Nivå: 'Nämndmål', 'Överordnat id': 'KF1', Mål: 'Invånarna är självförsörjande', Bedömning: 'Uppfylls helt' },
];

/** An indicator of N1 that reaches its target, with `extra` columns changed. */
export const indicatorRecord = (extra: SheetRecord = {}): SheetRecord => ({
  'Mål-id': 'N1',
  Indikator: 'Antal aspiranter',
  Enhet: 'st',
  Riktning: 'Högre är bättre',
  Periodicitet: 'Tertial',
  'Periodens utfall': 17,
  'Prognos helår': 25,
  Årsmål: 25,
  Period: 'Tertial 2 2019',
  ...extra,
});
