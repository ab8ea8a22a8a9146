/** The indicator table of a goal: columns per kind, every figure formatted the Swedish way, the analysis under its row. */
import { isFollowUp, type DocumentKind, type Indicator } from '../../model/plan';
import { formatValue } from '../../values/swedish';
import { oneLine } from '../../values/text';
import { widenToFit } from '../columns';
import type { BlockOf, Section, TableColumn } from '../model';
import { parseRichText } from '../richText';

export type IndicatorTable = BlockOf<'indicatorTable'>;

const num = (header: string, width: number): TableColumn => ({ header, width, align: 'right' });

/** The columns as the reference documents have them (widths in percent, before fitting). */
export function indicatorColumns(kind: DocumentKind, year: number | undefined): TableColumn[] {
  if (!isFollowUp(kind)) {
    return [{ header: 'Indikator', width: 52, align: 'left' }, num('Årsmål', 14), num('KF:s årsmål', 20), { header: 'Periodicitet', width: 14, align: 'left' }];
  }
  return [
    { header: 'Indikator', width: 29, align: 'left' },
    num('Periodens utfall', 8),
    num('Utfall män/pojkar', 8),
    num('Utfall kvinnor/flickor', 8),
    num(`Periodens utfall VB ${year ? year - 1 : ''}`.trim(), 8),
    num('Prognos helår', 8),
    num('Årsmål', 8),
    num('KF:s årsmål', 11),
    { header: 'Period', width: 12, align: 'left' },
  ];
}

export function indicatorBlock(kind: DocumentKind, year: number | undefined, indicators: readonly Indicator[]): IndicatorTable {
  const followUp = isFollowUp(kind);
  const rows = indicators.map((ind) => ({
    name: oneLine(ind.name),
    flag: ind.flag,
    cells: followUp
      ? [
          formatValue(ind.outcome, ind.unit),
          formatValue(ind.outcomeMen, ind.unit),
          formatValue(ind.outcomeWomen, ind.unit),
          formatValue(ind.previousOutcome, ind.unit),
          formatValue(ind.forecast, ind.unit),
          formatValue(ind.annualTarget, ind.unit),
          formatValue(ind.cityTarget, ind.unit),
          oneLine(ind.period),
        ].map(oneLine)
      : [formatValue(ind.annualTarget, ind.unit), formatValue(ind.cityTarget, ind.unit), ind.periodicity ?? ''].map(oneLine),
    analysis: parseRichText(ind.analysis),
  }));
  return { kind: 'indicatorTable', columns: indicatorColumns(kind, year), rows };
}

/** Gives every indicator table under the sections the same columns, wide enough for all their figures (column fitting: report/columns.ts). */
export function fitIndicatorColumns(sections: readonly Section[]): void {
  const tables: IndicatorTable[] = [];
  const walk = (s: Section) => {
    s.blocks.forEach((b) => b.kind === 'indicatorTable' && tables.push(b));
    s.children.forEach(walk);
  };
  sections.forEach(walk);
  if (!tables.length) return;
  const columns = widenToFit(
    tables[0]!.columns,
    tables.flatMap((t) => t.rows.map((r) => r.cells)),
  );
  tables.forEach((t) => (t.columns = columns));
}
