/**
 * The command line (contract §1): `planrapport template|validate|generate|demo`.
 * Same core and use-cases as the task pane, over the .xlsx adapter. Messages in Swedish;
 * bad input never ends in a stack trace.
 */
import { UnreadableWorkbookError, WorkbookConflictError } from '../hosts/port';
import { templateCommand } from './commands/template';
import { demoCommand } from './commands/demo';
import { validateCommand } from './commands/validate';
import { generateCommand } from './commands/generate';
import { UsageError, type Output } from './io';

export const USAGE = `Planrapport – verksamhetsplan, tertialrapport och verksamhetsberättelse ur Excel

Användning:
  planrapport template <fil.xlsx> --kind <typ> --year <ÅÅÅÅ> [--tertial 1|2] [--org "<namn>"]
      Skapar arbetsboken med mallens flikar, eller lägger till det som saknas i en befintlig
      arbetsbok utan att ändra något du skrivit.
  planrapport validate <fil.xlsx> [--json]
      Kontrollerar arbetsboken före inlämning. Slutstatus 0: inga fel (varningar tillåts),
      1: fel hittades, 2: filen kan inte läsas eller är ingen Planrapport-arbetsbok.
  planrapport generate <fil.xlsx> --out <rapport.docx> [--exact-pages]
      Skriver Word-dokumentet för arbetsbokens dokumenttyp (fungerar även på utkast och
      visar valideringens sammanfattning). --exact-pages räknar innehållsförteckningens
      sidnummer som Word bryter sidorna (tar några sekunder i stället för bråkdelar).
  planrapport demo --out <mapp>
      Skriver exempelarbetsböcker (och rapporter) från inbyggda exempeldata.

  <typ> är verksamhetsplan, tertialrapport eller verksamhetsberattelse.
`;

type Command = (args: string[], out: Output) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  template: templateCommand,
  validate: validateCommand,
  generate: generateCommand,
  demo: demoCommand,
};

export async function main(argv: string[], out: Output = defaultOutput()): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out.log(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    out.error(`Okänt kommando "${name}".\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(args, out);
  } catch (e) {
    if (e instanceof UsageError) {
      out.error(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof UnreadableWorkbookError || e instanceof WorkbookConflictError) {
      out.error(e.message);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    out.error(`Oväntat fel: ${message}`);
    if (process.env['PLANRAPPORT_DEBUG'] && e instanceof Error && e.stack) out.error(e.stack);
    return 2;
  }
}

function defaultOutput(): Output {
  return {
    log: (text) => process.stdout.write(`${text}\n`),
    error: (text) => process.stderr.write(`${text}\n`),
  };
}

