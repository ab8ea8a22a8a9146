import { presentFinding } from '../../../src/core/findings/present';
import type { Finding } from '../../../src/core/findings/finding';
import { swedishQuotes } from '../../../src/core/values/text';
import { validate } from '../../../src/core/rules/validate';
import { readPlan } from '../../../src/core/workbook/readPlan';
import { FAULTS, FAULT_BASES } from '../../helpers/faults';
import { cloneSnapshot, merge, put, removeSheet, templatedSnapshot } from '../../helpers/snapshot';

const f = (sheet: string, cell: string, message: string, rule = 'value.choice'): Finding => ({ severity: 'error', sheet, cell, rule, message });

describe('a finding as the task pane shows it', () => {
  test.each([
    [f('Mål', 'E3', 'Mål!E3: "Kanske" är inget giltigt värde för Bedömning.'), '”Kanske” är inget giltigt värde för Bedömning.'],
    [f('Indikatorer', 'F3', 'Indikatorer!F3 (Periodens utfall): "tjugofem" är inget tal.'), 'Periodens utfall: ”tjugofem” är inget tal.'],
    [f('Dokument', '', 'Dokument: År saknas. Skriv året.'), 'År saknas. Skriv året.'],
    [f('Texter', '', 'Texter: avsnittet "Bilagor" saknas.'), 'Avsnittet ”Bilagor” saknas.'],
    [f('Mål', '', 'Mål rad 7: målet saknar Id.'), 'Rad 7: målet saknar Id.'],
    [f('Budget kostnadsslag', 'C15', 'Budget kostnadsslag!C15: Summa kostnader stämmer inte.'), 'Summa kostnader stämmer inte.'],
    [f('Driftbudget', 'A4', 'Driftbudget!A4: åtgärda raden.'), 'Åtgärda raden.'],
    // a location that is not the finding's own stays
    [f('Mål', 'E3', 'Mål!E4: något annat.'), 'Mål!E4: något annat.'],
    // the location as the sentence's subject
    [f('Indikatorer', 'B1048576', 'Indikatorer!B1048576 ligger utanför det Planrapport läser.'), 'Cellen ligger utanför det Planrapport läser.'],
    [f('Indikatorer', 'G2', 'Indikatorer!G2 (Utfall män/pojkar) visar felet #DIV/0!.'), 'Utfall män/pojkar visar felet #DIV/0!.'],
  ])('%#: %j', (finding, text) => {
    expect(presentFinding(finding).text).toBe(text);
  });

  test('a click goes to the cell or range, to the sheet when there is no cell, nowhere for a missing sheet', () => {
    expect(presentFinding(f('Mål', 'E3', 'x')).target).toEqual({ sheet: 'Mål', range: 'E3' });
    expect(presentFinding(f('Texter', 'D2:E2', 'x')).target).toEqual({ sheet: 'Texter', range: 'D2:E2' });
    expect(presentFinding(f('Dokument', '', 'x')).target).toEqual({ sheet: 'Dokument', range: '' });
    expect(presentFinding(f('Aktiviteter', '', 'Fliken Aktiviteter saknas.', 'sheet.missing')).target).toBeUndefined();
  });

  test('every rule’s message (the fault table): no location of its own left, no straight quote, a capital first letter', async () => {
    const bases = { T2: await templatedSnapshot(FAULT_BASES.T2), VP: await templatedSnapshot(FAULT_BASES.VP) };
    for (const c of FAULTS) {
      const snapshot = cloneSnapshot(bases[c.base ?? 'T2']);
      if (c.removeSheet) removeSheet(snapshot, c.removeSheet);
      if (c.merge) merge(snapshot, c.merge);
      for (const [ref, value] of Object.entries(c.cells ?? {})) put(snapshot, ref, value);
      for (const finding of validate(readPlan(snapshot))) {
        const { text } = presentFinding(finding);
        expect([finding.rule, text.startsWith(`${finding.sheet}!`)]).toEqual([finding.rule, false]);
        expect(text).not.toContain('"');
        expect(text).toMatch(/^[A-ZÅÄÖ0-9”]/);
      }
    }
  });
});

test('Swedish quotes: ” before and after', () => {
  expect(swedishQuotes('Kör "Uppdatera mallar" och "Validera".')).toBe('Kör ”Uppdatera mallar” och ”Validera”.');
});
