/**
 * The command line (contract §1): `planrapport template|validate|generate|demo`, and
 * the extensions `audit` and the year cycle's `next|import-previous|kolada`.
 * Same core and use-cases as the task pane, over the .xlsx adapter. Messages in Swedish;
 * bad input never ends in a stack trace.
 */
import { UnreadableWorkbookError, WorkbookConflictError } from '../hosts/port';
import { FileError, isDebug, messageForUncaught } from './errors';
import { HelpRequested, UsageError, type Output } from './io';

export const USAGE = `Planrapport – verksamhetsplan, tertialrapport och verksamhetsberättelse ur Excel

Användning:
  planrapport template <fil.xlsx> --kind <typ> --year <ÅÅÅÅ> [--tertial 1|2] [--org "<namn>"]
      Skapar arbetsboken med mallens flikar, eller lägger till det som saknas i en befintlig
      arbetsbok utan att ändra något du skrivit.
  planrapport validate <fil.xlsx> [--json]
      Kontrollerar arbetsboken före inlämning. Slutstatus 0: inga fel (varningar tillåts),
      1: fel hittades, 2: filen kan inte läsas eller är ingen Planrapport-arbetsbok.
  planrapport generate <fil.xlsx> --out <rapport.docx> [--exact-pages] [--pdf] [--logo <bild.png> [--logo-alt "<text>"]]
      Skriver Word-dokumentet för arbetsbokens dokumenttyp (fungerar även på utkast och
      visar valideringens sammanfattning). --exact-pages räknar innehållsförteckningens
      sidnummer som Word bryter sidorna (tar några sekunder i stället för bråkdelar).
      --pdf skriver också en taggad, tillgänglig PDF (PDF/UA) bredvid, t.ex. rapport.pdf;
      det kräver LibreOffice. --logo sätter en logotyp (PNG eller JPEG) överst på sidan 1,
      med --logo-alt som alternativtext.
  planrapport audit <fil.docx> [--json]
      Granskar ett Word-dokument (en rapport från Planrapport eller ett dokument som ändrats
      efteråt) mot kraven på tillgänglighet: rubriker, tabeller, kontrast, symboler, språk,
      titel och författare. Slutstatus 0: inga problem, 1: problem hittades, 2: filen kan
      inte läsas som Word-dokument.
  planrapport demo --out <mapp>
      Skriver exempelarbetsböcker (och rapporter) från inbyggda exempeldata.
  planrapport next <fil.xlsx> --kind <typ> [--year <ÅÅÅÅ>] [--tertial 1|2] [--date <ÅÅÅÅ-MM-DD>] --out <ny.xlsx>
      Nästa period: plan → tertialrapport 1 → tertialrapport 2 → verksamhetsberättelse → nästa
      års plan. Mål, indikatorer med mål, aktiviteter och budget följer med; utfall, prognoser,
      analyser, bedömningar och statusar töms. Skriver bara --out; ursprungsfilen ändras inte.
  planrapport import-previous <fil.xlsx> --from <vb.xlsx> [--overwrite] [--dry-run] [--out <ny.xlsx>]
      Fyller Periodens utfall VB <år−1> från förra årets verksamhetsberättelse (matchar på
      Kolada-id, annars namn) och visar varje ändring och det som inte kunde matchas.
  planrapport kolada <fil.xlsx> (--data <svar.json> | --fetch) [--area <id>] [--overwrite] [--dry-run] [--out <ny.xlsx>]
      Hämtar utfall (totalt, kvinnor, män) ur Kolada för indikatorer med Kolada-id, i
      indikatorns enhet, och noterar källan i kolumnen Källa.
      Ett värde du skrivit skrivs bara över med --overwrite; --dry-run visar ändringarna
      utan att spara.

  <typ> är verksamhetsplan, tertialrapport eller verksamhetsberattelse.
`;

type Command = (args: string[], out: Output) => Promise<number>;

/* eslint-disable @typescript-eslint/no-require-imports */
// Loaded on demand: `--help` and a mistyped command load nothing more.
const COMMANDS: Record<string, () => Command> = {
  template: () => (require('./commands/template') as typeof import('./commands/template')).templateCommand,
  validate: () => (require('./commands/validate') as typeof import('./commands/validate')).validateCommand,
  generate: () => (require('./commands/generate') as typeof import('./commands/generate')).generateCommand,
  demo: () => (require('./commands/demo') as typeof import('./commands/demo')).demoCommand,
  next: () => (require('./commands/next') as typeof import('./commands/next')).nextCommand,
  'import-previous': () => (require('./commands/importPrevious') as typeof import('./commands/importPrevious')).importPreviousCommand,
  kolada: () => (require('./commands/kolada') as typeof import('./commands/kolada')).koladaCommand,
  audit: () => (require('./commands/audit') as typeof import('./commands/audit')).auditCommand,
};
/* eslint-enable @typescript-eslint/no-require-imports */

export async function main(argv: string[], out: Output = defaultOutput()): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out.log(USAGE);
    return name ? 0 : 2;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    out.error(`Okänt kommando "${name}". Kommandona är template, validate, generate, audit, demo, next, import-previous och kolada.\n\n${USAGE}`);
    return 2;
  }
  try {
    return await load()(args, out);
  } catch (e) {
    if (e instanceof HelpRequested) {
      out.log(USAGE);
      return 0;
    }
    if (e instanceof UsageError) {
      out.error(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof UnreadableWorkbookError || e instanceof WorkbookConflictError || e instanceof FileError) {
      out.error(e.message);
      return 2;
    }
    const known = messageForUncaught(e);
    if (known) {
      out.error(known);
      return 2;
    }
    out.error(unexpected(e));
    return 2;
  }
}

/** An internal error: the one place the CLI shows a program's own words, with what to do. */
export function unexpected(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const debug = isDebug();
  const stack = debug && e instanceof Error && e.stack ? `\n${e.stack}` : '';
  return `Oväntat fel i Planrapport: ${message}${stack}\n${debug ? '' : 'Kör kommandot igen med PLANRAPPORT_DEBUG=1 för detaljer, och '}rapportera felet till den som förvaltar Planrapport.`;
}

function defaultOutput(): Output {
  return {
    log: (text) => process.stdout.write(`${text}\n`),
    error: (text) => process.stderr.write(`${text}\n`),
  };
}
