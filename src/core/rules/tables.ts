/** Rules for the Tabeller sheet: each table's Avsnitt names a section of the document. */
import { tablePlaces } from '../report/build';
import { quote, type RuleContext } from './context';

/** At most this many names in a message (the document's sections can be many). */
const NAMES_SHOWN = 12;

export function tableRules(ctx: RuleContext) {
  if (!ctx.plan.tables.length) return;
  const { names, unplaced } = tablePlaces(ctx.plan);
  const shown = names.slice(0, NAMES_SHOWN).join(', ') + (names.length > NAMES_SHOWN ? ' eller ett annat avsnitt i dokumentet' : '');
  for (const table of unplaced) {
    const name = table.caption ? quote(table.caption, 40) : `på rad ${table.source.row}`;
    const what = table.section ? `Avsnitt ${quote(table.section, 40)} finns inte i dokumentet` : 'Avsnitt är tomt';
    ctx.report(
      'table.section-unknown',
      table.source,
      'section',
      `${ctx.where(table.source, 'section')}: tabellen ${name}: ${what}, så tabellen skrivs direkt under ekonomirubriken. Skriv avsnittet den hör till, t.ex. ${shown}.`,
    );
  }
}
