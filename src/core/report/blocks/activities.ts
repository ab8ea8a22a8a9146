/** The activity table of a goal: dates, and in follow-ups the status symbol and Avvikelse. */
import { isFollowUp, type Activity, type ActivityStatus, type DocumentKind } from '../../model/plan';
import { oneLine } from '../../values/text';
import type { BlockOf, TableColumn } from '../model';
import { parseRichText } from '../richText';

/** The symbol printed before an activity's name in follow-ups (and explained in the legend). */
export const STATUS_SYMBOL: Record<ActivityStatus, string> = {
  Avslutad: '✓',
  Pågående: '▶',
  'Ej påbörjad': '○',
  Avbruten: '✕',
};

export function activityBlock(kind: DocumentKind, activities: readonly Activity[]): BlockOf<'activityTable'> {
  const followUp = isFollowUp(kind);
  // an Avvikelse column nobody has written in takes little room
  const deviation = activities.some((a) => a.deviation) ? 19 : 10;
  const columns: TableColumn[] = followUp
    ? [
        { header: 'Aktivitet', width: 100 - 26 - deviation, align: 'left' },
        { header: 'Startdatum', width: 13, align: 'left' },
        { header: 'Slutdatum', width: 13, align: 'left' },
        { header: 'Avvikelse', width: deviation, align: 'left' },
      ]
    : [
        { header: 'Aktivitet', width: 68, align: 'left' },
        { header: 'Startdatum', width: 16, align: 'left' },
        { header: 'Slutdatum', width: 16, align: 'left' },
      ];
  return {
    kind: 'activityTable',
    columns,
    rows: activities.map((a) => ({
      name: oneLine(a.name),
      status: followUp && a.status ? { symbol: STATUS_SYMBOL[a.status], label: a.status } : undefined,
      cells: followUp ? [a.start ?? '', a.end ?? '', oneLine(a.deviation ?? '')] : [a.start ?? '', a.end ?? ''],
      analysis: parseRichText(a.analysis),
    })),
  };
}
