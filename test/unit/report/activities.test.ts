/** The activity table builder (report/blocks/activities.ts). */
import { activityBlock, STATUS_SYMBOL } from '../../../src/core/report/blocks/activities';
import { activity } from './plans';

describe('activity tables', () => {
  const a = activity('G', 'Utbilda\npersonalen', { start: '2025-01-01', end: '2025-06-30', status: 'Pågående', analysis: 'Går bra.' });

  test('a plan: name and dates, no status', () => {
    const block = activityBlock('verksamhetsplan', [a]);
    expect(block.columns.map((c) => [c.header, c.width])).toEqual([
      ['Aktivitet', 68],
      ['Startdatum', 16],
      ['Slutdatum', 16],
    ]);
    expect(block.rows).toEqual([
      { name: 'Utbilda personalen', status: undefined, cells: ['2025-01-01', '2025-06-30'], analysis: [{ kind: 'paragraph', runs: [{ text: 'Går bra.' }] }] },
    ]);
  });

  test('a follow-up: the status symbol and Avvikelse, a narrow Avvikelse column when nobody wrote in it', () => {
    const block = activityBlock('tertialrapport', [a, activity('G', 'Klar', { status: 'Avslutad' })]);
    expect(block.columns.map((c) => [c.header, c.width])).toEqual([
      ['Aktivitet', 64],
      ['Startdatum', 13],
      ['Slutdatum', 13],
      ['Avvikelse', 10],
    ]);
    expect(block.rows.map((r) => [r.status?.symbol, r.status?.label, r.cells])).toEqual([
      ['▶', 'Pågående', ['2025-01-01', '2025-06-30', '']],
      ['✓', 'Avslutad', ['', '', '']],
    ]);
    const wide = activityBlock('verksamhetsberattelse', [activity('G', 'Sen', { deviation: 'Försenad\ntvå månader' })]);
    expect(wide.columns.map((c) => c.width)).toEqual([55, 13, 13, 19]);
    expect(wide.rows[0]!.cells[2]).toBe('Försenad två månader');
  });

  test('every status has its symbol', () => {
    expect(STATUS_SYMBOL).toEqual({ Avslutad: '✓', Pågående: '▶', 'Ej påbörjad': '○', Försenad: '❗', Pausad: '⏸', Avbruten: '✕' });
  });
});
