/** The indicator table of a goal: columns per kind, every figure formatted the Swedish way, the analysis under its row. */
import { isFollowUp, type Assessment, type DocumentKind, type Indicator } from '../../model/plan';
import { oneLine, oneLineKeepingNoBreaks } from '../../values/text';
import { widenToFit } from '../columns';
import { ASSESSMENT_STYLE, type BlockOf, type RowMark, type Section, type TableColumn } from '../model';
import { parseRichText } from '../richText';
import { header, INDICATOR_VALUE_KEYS, INDIKATORER, type ColumnKey } from '../../layout/layout';
import { figures, type Figures } from '../figures';
import { suggestion } from '../../derive/assessment';

export type IndicatorTable = BlockOf<'indicatorTable'>;

/** A column after the name: its header, its share of the width before fitting, and what its cell shows of an indicator. */
interface ValueColumn extends TableColumn {
  cell: (ind: Indicator) => string;
}

type ValueKey = (typeof INDICATOR_VALUE_KEYS)[number];
/** Headers are the sheet's (src/core/layout), for the document's year. */
const value = (key: ValueKey, width: number, year: number | undefined, fig: Figures): ValueColumn => ({
  header: header(INDIKATORER, key, { year }),
  width,
  align: 'right',
  cell: (ind) => fig.value(ind[key], ind.unit),
});
const text = (key: ColumnKey<typeof INDIKATORER>, width: number, cell: (ind: Indicator) => string): ValueColumn => ({
  header: header(INDIKATORER, key),
  width,
  align: 'left',
  cell,
});

/** The columns as the reference documents have them, one line each (widths in percent, before fitting). */
function columnsFor(kind: DocumentKind, year: number | undefined, fig: Figures = figures()): { name: TableColumn; values: ValueColumn[] } {
  if (!isFollowUp(kind)) {
    return {
      name: { header: header(INDIKATORER, 'name'), width: 52, align: 'left' },
      values: [value('annualTarget', 14, year, fig), value('cityTarget', 20, year, fig), text('periodicity', 14, (ind) => ind.periodicity ?? '')],
    };
  }
  return {
    name: { header: header(INDIKATORER, 'name'), width: 29, align: 'left' },
    values: [
      value('outcome', 8, year, fig),
      value('outcomeMen', 8, year, fig),
      value('outcomeWomen', 8, year, fig),
      value('previousOutcome', 8, year, fig),
      value('forecast', 8, year, fig),
      value('annualTarget', 8, year, fig),
      value('cityTarget', 11, year, fig),
      text('period', 12, (ind) => oneLine(ind.period)),
    ],
  };
}

/** The table's columns: the name, then the values. */
export function indicatorColumns(kind: DocumentKind, year: number | undefined): TableColumn[] {
  const { name, values } = columnsFor(kind, year);
  return [name, ...values.map(({ header, width, align }) => ({ header, width, align }))];
}

/**
 * An indicator's assessment as follow-ups print it: the controller's Bedömning, else the
 * sheet's suggestion (forecast or outcome against Årsmål by Riktning); none in a plan, and
 * none when there is nothing to assess.
 */
export function indicatorAssessment(ind: Indicator, kind: DocumentKind): Assessment | undefined {
  if (!isFollowUp(kind)) return undefined;
  if (ind.assessment) return ind.assessment;
  const s = suggestion(ind, kind);
  return s === 'Uppfylls' ? 'Uppfylls helt' : s === 'Uppfylls inte' ? 'Uppfylls inte' : undefined;
}

function markOf(ind: Indicator, kind: DocumentKind): RowMark | undefined {
  const a = indicatorAssessment(ind, kind);
  return a ? { ...ASSESSMENT_STYLE[a], label: a === 'Ingen' ? 'Ingen bedömning' : a } : undefined;
}

export function indicatorBlock(kind: DocumentKind, year: number | undefined, indicators: readonly Indicator[], fig: Figures = figures()): IndicatorTable {
  const { values } = columnsFor(kind, year, fig);
  const rows = indicators.map((ind) => ({
    name: oneLine(ind.name),
    flag: ind.flag,
    mark: markOf(ind, kind),
    cells: values.map((c) => oneLineKeepingNoBreaks(c.cell(ind))),
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
    tables.flatMap((t) => t.rows.map((r) => (r.flag ? `${r.flag}\u00a0${r.name}` : r.name))),
  );
  tables.forEach((t) => (t.columns = columns));
}
