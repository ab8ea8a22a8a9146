/**
 * File-system errors as Swedish messages that say what is wrong and what to do. Light:
 * loaded by `--help` too, so it imports nothing heavy.
 */
import path from 'node:path';

/** A file the CLI cannot read or write; `message` is Swedish and complete. */
export class FileError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'FileError';
  }
}

/** PLANRAPPORT_DEBUG=1 (any value but empty or 0): internal errors with their stack trace. */
export function isDebug(): boolean {
  const v = process.env['PLANRAPPORT_DEBUG'];
  return !!v && v !== '0';
}

/** What the CLI was doing with the file: reading the workbook or writing a result. */
export type FileAction = 'read' | 'write';

export function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The Swedish message for an I/O error on `file`, or undefined when the error is not one
 * of the file-system errors a user can do something about.
 */
export function fileErrorMessage(e: unknown, file: string, action: FileAction): string | undefined {
  const code = errorCode(e);
  const dir = path.dirname(file);
  switch (code) {
    case 'ENOENT':
      return action === 'read'
        ? `Filen ${file} finns inte. Kontrollera namnet och mappen (skriv sökvägen inom citattecken om den innehåller mellanslag).`
        : `Mappen ${dir} finns inte, så ${file} kan inte sparas där. Skapa mappen eller välj en annan plats.`;
    case 'ENOTDIR':
      return `Sökvägen ${file} går genom något som är en fil, inte en mapp. Kontrollera sökvägen.`;
    case 'EACCES':
    case 'EPERM':
      if (action === 'read') {
        return `Du har inte behörighet att läsa ${file}. Be filens ägare om läsbehörighet, eller kopiera filen till en mapp där du har behörighet.`;
      }
      // Windows reports a file held open by Excel or Word as EPERM when it is replaced
      return code === 'EPERM'
        ? `${file} kunde inte sparas: filen är öppen i ett annat program (t.ex. Excel eller Word), eller så saknar du behörighet att skriva i mappen ${dir}. Stäng filen och försök igen, eller välj en mapp där du har skrivbehörighet.`
        : `Du har inte behörighet att spara ${file} (filen eller mappen ${dir} är skyddad). Välj en mapp där du har skrivbehörighet, eller be om behörighet.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `Disken är full: ${file} kunde inte ${action === 'read' ? 'läsas' : 'sparas'}. Frigör utrymme på disken (eller spara på en annan disk) och försök igen. Inga befintliga filer har ändrats.`;
    case 'EFBIG':
      return `${file} blev för stor för disken eller filsystemet. Spara på en annan disk och försök igen.`;
    case 'EISDIR':
      return action === 'read'
        ? `${file} är en mapp, inte en fil. Ange arbetsbokens filnamn, t.ex. ${path.join(file, 'plan.xlsx')}.`
        : `${file} är en mapp, inte en fil. Ange ett filnamn i mappen, t.ex. ${path.join(file, `rapport${path.extname(file) || '.docx'}`)}.`;
    case 'EBUSY':
    case 'ETXTBSY':
    case 'EAGAIN':
    case 'EWOULDBLOCK':
      return `${file} är låst – den är troligen öppen i ett annat program (t.ex. Excel eller Word). Stäng filen där och försök igen.`;
    case 'EROFS':
      return `${file} ligger på en skrivskyddad enhet eller mapp (t.ex. en skrivskyddad nätverksmapp eller ett låst USB-minne). Spara på en annan plats.`;
    case 'ENAMETOOLONG':
      return `Sökvägen ${file} är för lång. Använd ett kortare filnamn eller en mapp närmare roten.`;
    case 'EMFILE':
    case 'ENFILE':
      return `För många filer är öppna just nu för att ${action === 'read' ? 'öppna' : 'spara'} ${file}. Stäng några program och försök igen.`;
    case 'ELOOP':
      return `${file} är en symbolisk länk som pekar på sig själv eller på en ändlös kedja av länkar. Rätta länken eller ange filen den ska peka på.`;
    case 'EIO':
      return `Disken eller nätverksmappen svarade med ett läs-/skrivfel för ${file}. Kontrollera anslutningen (eller disken) och försök igen.`;
    case 'ETIMEDOUT':
    case 'EHOSTDOWN':
    case 'EHOSTUNREACH':
    case 'ENETDOWN':
    case 'ENETUNREACH':
    case 'ESTALE':
      return `Nätverksmappen med ${file} svarar inte. Kontrollera nätverksanslutningen och försök igen, eller kopiera filen till datorn.`;
    case 'EINVAL':
      return action === 'write' ? `Filnamnet ${file} går inte att använda här (otillåtna tecken för filsystemet?). Välj ett annat namn.` : undefined;
    default:
      return undefined;
  }
}

/** `fileErrorMessage` as a FileError; other errors are passed through unchanged. */
export function asFileError(e: unknown, file: string, action: FileAction): unknown {
  if (e instanceof FileError) return e;
  const message = fileErrorMessage(e, file, action);
  return message ? new FileError(message, errorCode(e)) : e;
}

/** Runs `fn`, turning a file-system error into a Swedish FileError about `file`. */
export async function onFile<T>(file: string, action: FileAction, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw asFileError(e, file, action);
  }
}

const WRITE_SYSCALLS = new Set([
  'write',
  'rename',
  'mkdir',
  'unlink',
  'link',
  'chmod',
  'fchmod',
  'chown',
  'fchown',
  'fsync',
  'close',
  'copyfile',
  'symlink',
  'rmdir',
  'ftruncate',
  'utime',
]);

/**
 * For an error that reached the top without passing through `onFile`: Node's own errors
 * carry the path and the system call, which is enough for the message.
 */
export function messageForUncaught(e: unknown): string | undefined {
  const err = e as NodeJS.ErrnoException | null;
  if (!err || typeof err !== 'object' || typeof err.path !== 'string') return undefined;
  const action: FileAction = err.syscall && WRITE_SYSCALLS.has(err.syscall) ? 'write' : 'read';
  return fileErrorMessage(err, err.path, action);
}
