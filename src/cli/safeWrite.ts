/**
 * Writing files without ever losing what is there:
 *
 * - through a temporary file in the target's directory and a rename, so a failure or an
 *   interruption (Ctrl+C, SIGTERM) never leaves a half-written file; the temporary file is
 *   created exclusively (O_EXCL) under an unpredictable name, so nothing prepared in the
 *   directory can redirect the write;
 * - the result keeps the replaced file's permissions and (when running as root) owner;
 * - a read-only file is not replaced; a symbolic link is written through to its target
 *   (the link stays a link);
 * - optionally, a file that changed on disk since it was read is not replaced: the result
 *   is written beside it under a new name.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants, promises as fs, rmSync, type Stats } from 'node:fs';
import path from 'node:path';
import { errorCode, FileError, fileErrorMessage, onFile } from './errors';

export type Content = Uint8Array | AsyncIterable<Uint8Array>;

/** What a file was when it was read: compared just before it is replaced. */
export interface Fingerprint {
  /** The file actually read (a symbolic link resolved). */
  file: string;
  dev: bigint;
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  sha256: string;
}

export interface WriteOptions {
  /**
   * Replace the file only if it still is what was read; `'absent'`: only if it still does
   * not exist. Otherwise the result is written beside it (see `WriteResult.beside`).
   */
  unchangedSince?: Fingerprint | 'absent';
}

export interface WriteResult {
  /** The file written: the target, or for a changed target the new file beside it. */
  written: string;
  /** True when the target had changed on disk and the result went beside it. */
  beside: boolean;
}

// ---------------------------------------------------------------------------------------
// Temporary files and signals

const pending = new Set<string>();
const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

function onSignal(signal: keyof typeof SIGNALS): void {
  for (const tmp of pending) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing more can be done while exiting
    }
  }
  pending.clear();
  try {
    process.stderr.write('\nAvbrutet. Filen som höll på att sparas togs bort; befintliga filer är orörda.\n');
  } catch {
    // stderr may be closed
  }
  process.exit(SIGNALS[signal]);
}

const handlers = Object.fromEntries(Object.keys(SIGNALS).map((s) => [s, () => onSignal(s as keyof typeof SIGNALS)])) as Record<
  keyof typeof SIGNALS,
  () => void
>;

function track(tmp: string): void {
  if (pending.size === 0) for (const [signal, handler] of Object.entries(handlers)) process.on(signal, handler);
  pending.add(tmp);
}

function untrack(tmp: string): void {
  if (!pending.delete(tmp) || pending.size > 0) return;
  for (const [signal, handler] of Object.entries(handlers)) process.removeListener(signal, handler);
}

/** `.<name>.<random>.tmp` beside the target; the name part is shortened so it still fits. */
function temporaryName(target: string): string {
  const base = path.basename(target).slice(0, 120);
  return path.join(path.dirname(target), `.${base}.${randomBytes(9).toString('hex')}.tmp`);
}

async function createTemporary(target: string, mode: number): Promise<{ tmp: string; handle: fs.FileHandle }> {
  for (let attempt = 0; ; attempt++) {
    const tmp = temporaryName(target);
    track(tmp);
    try {
      // 'wx' = O_CREAT | O_EXCL: never opens an existing file or follows a symbolic link
      return { tmp, handle: await fs.open(tmp, 'wx', mode) };
    } catch (e) {
      untrack(tmp);
      if (errorCode(e) !== 'EEXIST' || attempt >= 8) throw e;
    }
  }
}

// ---------------------------------------------------------------------------------------
// The target

interface Target {
  /** The file to replace: `file` itself, or for a symbolic link the file it points to. */
  real: string;
  /** The existing file, undefined when there is none. */
  stat?: Stats;
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

async function resolveTarget(file: string, makeDirectory = true): Promise<Target> {
  const absolute = path.resolve(file);
  let link: Stats;
  try {
    link = await fs.lstat(absolute);
  } catch (e) {
    if (errorCode(e) !== 'ENOENT') throw e;
    // a new file: its directory may have to be made, or may be reached through a link
    const dir = path.dirname(absolute);
    if (!makeDirectory) return { real: absolute };
    await fs.mkdir(dir, { recursive: true });
    return { real: path.join(await fs.realpath(dir), path.basename(absolute)) };
  }
  let real = absolute;
  if (link.isSymbolicLink()) {
    try {
      real = await fs.realpath(absolute);
    } catch (e) {
      if (errorCode(e) !== 'ENOENT') throw e;
      const to = await fs.readlink(absolute).catch(() => '?');
      throw new FileError(
        `${file} är en symbolisk länk till ${to}, som inte finns. Ta bort länken eller skapa filen den pekar på, eller välj ett annat filnamn.`,
      );
    }
  } else {
    real = path.join(await fs.realpath(path.dirname(absolute)), path.basename(absolute));
  }
  const stat = await fs.stat(real);
  if (stat.isDirectory()) throw new FileError(fileErrorMessage({ code: 'EISDIR' }, file, 'write')!, 'EISDIR');
  if (!stat.isFile())
    throw new FileError(`${file} är ingen vanlig fil (utan t.ex. en enhet eller en namngiven pipe) och ersätts inte. Välj ett annat filnamn.`);
  if ((stat.mode & 0o222) === 0) throw readOnly(file);
  try {
    await fs.access(real, constants.W_OK);
  } catch (e) {
    const code = errorCode(e);
    if (code === 'EACCES' || code === 'EPERM') throw readOnly(file);
    throw e;
  }
  return { real, stat };
}

function readOnly(file: string): FileError {
  return new FileError(
    `${file} är skrivskyddad och ersätts inte. Ta bort skrivskyddet (i Utforskaren: Egenskaper → avmarkera Skrivskyddad; i macOS/Linux: chmod u+w "${file}") eller spara under ett annat namn.`,
    'EACCES',
  );
}

// ---------------------------------------------------------------------------------------
// Fingerprints

async function hashHandle(handle: fs.FileHandle): Promise<string> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(1 << 20);
  for (let position = 0; ;) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
    if (bytesRead === 0) break;
    hash.update(buffer.subarray(0, bytesRead));
    position += bytesRead;
  }
  return hash.digest('hex');
}

/** Size, modification time, inode and sha256 of the file (a symbolic link followed). */
export async function fingerprint(file: string): Promise<Fingerprint> {
  return onFile(file, 'read', async () => {
    const real = await fs.realpath(file);
    const handle = await fs.open(real, 'r');
    try {
      const st = await handle.stat({ bigint: true });
      return { file: real, dev: st.dev, ino: st.ino, size: st.size, mtimeNs: st.mtimeNs, sha256: await hashHandle(handle) };
    } finally {
      await handle.close();
    }
  });
}

async function unchanged(before: Fingerprint): Promise<boolean> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(before.file, 'r');
  } catch {
    return false; // removed, or no longer readable: not what was read
  }
  try {
    const st = await handle.stat({ bigint: true });
    if (st.dev !== before.dev || st.ino !== before.ino || st.size !== before.size || st.mtimeNs !== before.mtimeNs) return false;
    return (await hashHandle(handle)) === before.sha256;
  } finally {
    await handle.close();
  }
}

/** True when both paths name the same existing file (same path, a link to it, a hard link). */
export async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(a, { bigint: true }), fs.stat(b, { bigint: true })]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------
// Writing

/** `<stem> (Planrapport)<ext>`, `<stem> (Planrapport 2)<ext>` … beside `target`; never replaces a file. */
async function placeBeside(tmp: string, target: string): Promise<string> {
  const ext = path.extname(target);
  const stem = path.basename(target, ext);
  for (let n = 1; n < 1000; n++) {
    const candidate = path.join(path.dirname(target), `${stem} (Planrapport${n === 1 ? '' : ` ${n}`})${ext}`);
    if (await placeIfAbsent(tmp, candidate)) return candidate;
  }
  throw new FileError(`Kunde inte hitta ett ledigt filnamn bredvid ${target}. Städa bland kopiorna "${stem} (Planrapport …)${ext}" och försök igen.`);
}

/** Moves `tmp` to `target` only if `target` does not exist (atomically where the file system can). */
async function placeIfAbsent(tmp: string, target: string): Promise<boolean> {
  try {
    await fs.link(tmp, target); // fails with EEXIST, never replaces
  } catch (e) {
    const code = errorCode(e);
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EMLINK') throw e;
    // no hard links here (some network and FAT file systems): check, then rename
    try {
      await fs.lstat(target);
      return false;
    } catch (err) {
      if (errorCode(err) !== 'ENOENT') throw err;
    }
    await fs.rename(tmp, target);
    return true;
  }
  await fs.rm(tmp, { force: true });
  return true;
}

async function writeContent(handle: fs.FileHandle, content: Content): Promise<void> {
  if (content instanceof Uint8Array) {
    await handle.writeFile(content);
    return;
  }
  for await (const chunk of content) await handle.write(chunk);
}

/**
 * The checks `writeFileSafely` makes before it writes (a directory, a read-only file, a
 * link to nothing …), without writing or creating anything: a command calls it before
 * long work so that it fails at once.
 */
export async function checkWritable(file: string): Promise<void> {
  await onFile(file, 'write', () => resolveTarget(file, false));
}

/**
 * Writes `content` to `file` safely (see the module comment). Errors are Swedish
 * FileErrors; on any failure `file` is untouched and no temporary file is left.
 */
export async function writeFileSafely(file: string, content: Content, options: WriteOptions = {}): Promise<WriteResult> {
  return onFile(file, 'write', async () => {
    const target = await resolveTarget(file);
    const original = target.stat;
    const { tmp, handle } = await createTemporary(target.real, original ? 0o600 : 0o666);
    let placed = false;
    try {
      try {
        await writeContent(handle, content);
        if (original) {
          if (isRoot() && (original.uid !== process.getuid!() || original.gid !== process.getgid!())) {
            await handle.chown(original.uid, original.gid);
          }
          await handle.chmod(original.mode & 0o7777);
        }
        await handle.sync();
      } finally {
        await handle.close();
      }
      const expected = options.unchangedSince;
      let result: WriteResult;
      if (expected === 'absent') {
        result = (await placeIfAbsent(tmp, target.real)) ? { written: file, beside: false } : { written: await placeBeside(tmp, target.real), beside: true };
      } else if (expected && !(await unchanged(expected))) {
        result = { written: await placeBeside(tmp, target.real), beside: true };
      } else {
        await fs.rename(tmp, target.real);
        result = { written: file, beside: false };
      }
      placed = true;
      return result;
    } finally {
      // once placed, the temporary name is free again: never remove what may be someone else's
      if (!placed) await fs.rm(tmp, { force: true }).catch(() => undefined);
      untrack(tmp);
    }
  });
}
