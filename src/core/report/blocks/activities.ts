/** The activity table of a goal: dates, and in follow-ups the status symbol and Avvikelse. */
import { isFollowUp, type Activity, type ActivityStatus, type DocumentKind } from '../../model/plan';
import { oneLine } from '../../values/text';
import type { BlockOf, TableColumn } from '../model';
import { parseRichText } from '../richText';
import { AKTIVITETER, header, type ColumnKey } from '../../layout/layout';

/** The symbol printed before an activity's name in follow-ups (and explained in the legend). */
export const STATUS_SYMBOL: Record<ActivityStatus, string> = {
  Avslutad: '✓',
  Pågående: '▶',
  'Ej påbörjad': '○',
  Försenad: '❗',
  Pausad: '⏸',
  Avbruten: '✕',
};

/** The colour of status symbols (the words beside them carry the meaning). */
export const STATUS_COLOR = '0B3F73';

/** A column after the name: header, share of the width, and what its cell shows of an activity. */
interface ValueColumn extends TableColumn {
  cell: (a: Activity) => string;
}
/** Headers are the sheet's (src/core/layout). */
const left = (key: ColumnKey<typeof AKTIVITETER>, width: number, cell: (a: Activity) => string): ValueColumn => ({
  header: header(AKTIVITETER, key),
  width,
  align: 'left',
  cell,
});
const NAME = header(AKTIVITETER, 'name');

/** The columns as the reference documents have them, one line each: the name's width, then the others. */
function columnsFor(kind: DocumentKind, activities: readonly Activity[]): { name: TableColumn; values: ValueColumn[] } {
  if (!isFollowUp(kind)) {
    return {
      name: { header: NAME, width: 68, align: 'left' },
      values: [left('start', 16, (a) => a.start ?? ''), left('end', 16, (a) => a.end ?? '')],
    };
  }
  // an Avvikelse column nobody has written in takes little room
  const deviation = activities.some((a) => a.deviation) ? 19 : 10;
  return {
    name: { header: NAME, width: 100 - 26 - deviation, align: 'left' },
    values: [left('start', 13, (a) => a.start ?? ''), left('end', 13, (a) => a.end ?? ''), left('deviation', deviation, (a) => oneLine(a.deviation ?? ''))],
  };
}

export function activityBlock(kind: DocumentKind, activities: readonly Activity[]): BlockOf<'activityTable'> {
  const followUp = isFollowUp(kind);
  const { name, values } = columnsFor(kind, activities);
  return {
    kind: 'activityTable',
    columns: [name, ...values.map(({ header, width, align }) => ({ header, width, align }))],
    rows: activities.map((a) => ({
      name: oneLine(a.name),
      status: followUp && a.status ? { symbol: STATUS_SYMBOL[a.status], color: STATUS_COLOR, label: a.status } : undefined,
      cells: values.map((c) => c.cell(a)),
      analysis: parseRichText(a.analysis),
    })),
  };
}
