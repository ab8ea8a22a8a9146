/**
 * The CLI never loses or exposes what is on disk: permissions and owner kept, read-only
 * files and the input itself never replaced, symbolic links written through, temporary
 * files exclusive and unpredictable, a workbook saved by someone else meanwhile never
 * overwritten, an interrupted write leaves nothing behind.
 */
import ExcelJS from 'exceljs';
import { spawn } from 'node:child_process';
import crypto, { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { fingerprint, writeFileSafely } from '../../src/cli/safeWrite';
import { FileError } from '../../src/cli/errors';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';
import { planrapport, ROOT, STACK_TRACE } from '../helpers/cli';
import { CLEAN_VP, buildFixture } from '../helpers/fixtures';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const mode = (file: string) => statSync(file).mode & 0o777;
const temporaries = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => ws.name);
}

/** Runs the CLI in-process (so a test can step in between reading and writing). */
async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { log: (t) => (stdout += `${t}\n`), error: (t) => (stderr += `${t}\n`) });
  return { code, stdout, stderr };
}

describe('file safety', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'planrapport-safety-'));
  let n = 0;
  /** A fresh directory per test. */
  const fresh = () => {
    const dir = path.join(root, String(++n));
    mkdirSync(dir);
    return dir;
  };
  let userWorkbook: Buffer; // a user's own workbook, no Planrapport sheets yet
  let plan: Buffer; // a Planrapport verksamhetsplan

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Blad1').getCell('A1').value = 'mitt eget';
    userWorkbook = Buffer.from(await wb.xlsx.writeBuffer());
    plan = await (await buildFixture(CLEAN_VP)).toBuffer();
  });

  const template = (file: string) => planrapport('template', file, '--kind', 'verksamhetsplan', '--year', '2025');

  describe('permissions and owner', () => {
    test('template keeps a 0600 workbook 0600', async () => {
      const file = path.join(fresh(), 'plan.xlsx');
      writeFileSync(file, userWorkbook);
      chmodSync(file, 0o600);
      const r = template(file);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(mode(file)).toBe(0o600);
      expect(await sheetNames(file)).toContain('Dokument');
    });

    test('generate keeps an existing report 0640', () => {
      const dir = fresh();
      const input = path.join(dir, 'plan.xlsx');
      const out = path.join(dir, 'rapport.docx');
      writeFileSync(input, plan);
      writeFileSync(out, 'gammal rapport');
      chmodSync(out, 0o640);
      const r = planrapport('generate', input, '--out', out);
      expect(r.status).toBe(0);
      expect(mode(out)).toBe(0o640);
      expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    });

    (isRoot ? test : test.skip)("as root, template keeps the workbook's owner and group", () => {
      const file = path.join(fresh(), 'plan.xlsx');
      writeFileSync(file, userWorkbook);
      chownSync(file, 4321, 4322);
      expect(template(file).status).toBe(0);
      const st = statSync(file);
      expect([st.uid, st.gid]).toEqual([4321, 4322]);
    });
    if (!isRoot) console.warn('fileSafety: körs inte som root – testet för ägare och grupp hoppas över.');

    test("a new file gets the usual permissions (umask), not the temporary file's 0600", () => {
      const file = path.join(fresh(), 'ny.xlsx');
      expect(template(file).status).toBe(0);
      const umask = process.umask();
      expect(mode(file)).toBe(0o666 & ~umask);
    });
  });

  describe('read-only files are not replaced', () => {
    test('template: a 0444 workbook → exit 2, Swedish message, file untouched', () => {
      const dir = fresh();
      const file = path.join(dir, 'plan.xlsx');
      writeFileSync(file, userWorkbook);
      chmodSync(file, 0o444);
      const before = sha(file);
      const r = template(file);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/plan\.xlsx är skrivskyddad och ersätts inte\. Ta bort skrivskyddet/);
      expect(r.stderr).not.toMatch(STACK_TRACE);
      expect(sha(file)).toBe(before);
      expect(mode(file)).toBe(0o444);
      expect(temporaries(dir)).toEqual([]);
    });

    test('generate: a read-only report is not replaced', () => {
      const dir = fresh();
      const input = path.join(dir, 'plan.xlsx');
      const out = path.join(dir, 'rapport.docx');
      writeFileSync(input, plan);
      writeFileSync(out, 'låst rapport');
      chmodSync(out, 0o400);
      const r = planrapport('generate', input, '--out', out);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/rapport\.docx är skrivskyddad/);
      expect(readFileSync(out, 'utf8')).toBe('låst rapport');
      expect(temporaries(dir)).toEqual([]);
    });

    test('EROFS and EACCES from the access check are refusals too (writeFileSafely)', async () => {
      const dir = fresh();
      const file = path.join(dir, 'r.docx');
      writeFileSync(file, 'orörd');
      const fsp = jest.requireActual<typeof import('node:fs')>('node:fs').promises;
      for (const [code, message] of [
        ['EROFS', /skrivskyddad enhet/],
        ['EACCES', /är skrivskyddad och ersätts inte/],
      ] as const) {
        const spy = jest.spyOn(fsp, 'access').mockRejectedValueOnce(Object.assign(new Error(code), { code }));
        await expect(writeFileSafely(file, Buffer.from('ny'))).rejects.toThrow(message);
        spy.mockRestore();
      }
      expect(readFileSync(file, 'utf8')).toBe('orörd');
      expect(temporaries(dir)).toEqual([]);
    });
  });

  describe('symbolic links are written through to their target', () => {
    test('template on a link: the link stays a link, the target gets the new workbook', async () => {
      const dir = fresh();
      mkdirSync(path.join(dir, 'delad'));
      const target = path.join(dir, 'delad', 'plan-original.xlsx');
      const link = path.join(dir, 'plan.xlsx');
      writeFileSync(target, userWorkbook);
      chmodSync(target, 0o640);
      symlinkSync(path.join('delad', 'plan-original.xlsx'), link);
      const r = template(link);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(readlinkSync(link)).toBe(path.join('delad', 'plan-original.xlsx'));
      expect(await sheetNames(target)).toEqual(expect.arrayContaining(['Blad1', 'Dokument', 'Mål']));
      expect(mode(target)).toBe(0o640);
      expect(temporaries(dir)).toEqual([]);
      expect(temporaries(path.join(dir, 'delad'))).toEqual([]);
    });

    test("generate --out a link: the report goes to the link's target", () => {
      const dir = fresh();
      const input = path.join(dir, 'plan.xlsx');
      const target = path.join(dir, 'riktig.docx');
      const link = path.join(dir, 'rapport.docx');
      writeFileSync(input, plan);
      writeFileSync(target, 'gammal');
      symlinkSync(target, link);
      expect(planrapport('generate', input, '--out', link).status).toBe(0);
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');
    });

    test('a link to nothing is refused with a message', () => {
      const dir = fresh();
      const input = path.join(dir, 'plan.xlsx');
      const link = path.join(dir, 'rapport.docx');
      writeFileSync(input, plan);
      symlinkSync(path.join(dir, 'saknas', 'x.docx'), link);
      const r = planrapport('generate', input, '--out', link);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/rapport\.docx är en symbolisk länk till .*x\.docx, som inte finns\./);
      expect(existsSync(path.join(dir, 'saknas'))).toBe(false);
    });
  });

  describe('temporary files', () => {
    test('are created exclusively: a link prepared at the temporary name is never followed', async () => {
      const dir = fresh();
      const victim = path.join(dir, 'annan-fil.txt');
      writeFileSync(victim, 'får inte skrivas över');
      const target = path.join(dir, 'rapport.docx');
      // the first name tried is made predictable, and an attacker's link is waiting there
      const fixed = Buffer.alloc(9, 0xab);
      const spy = jest.spyOn(crypto, 'randomBytes').mockImplementationOnce(() => fixed);
      const predicted = path.join(dir, `.rapport.docx.${fixed.toString('hex')}.tmp`);
      symlinkSync(victim, predicted);
      let calls = 0;
      try {
        await writeFileSafely(target, Buffer.from('rapporten'));
        calls = spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
      expect(calls).toBe(2); // the predicted name, then a fresh one
      expect(readFileSync(victim, 'utf8')).toBe('får inte skrivas över');
      expect(readFileSync(target, 'utf8')).toBe('rapporten');
      expect(lstatSync(predicted).isSymbolicLink()).toBe(true); // not ours: left alone
    });

    test("have unpredictable names in the target's directory (no process id)", async () => {
      const dir = fresh();
      const target = path.join(dir, 'plan.xlsx');
      const seen: string[] = [];
      for (let i = 0; i < 2; i++) {
        const content = async function* () {
          seen.push(...temporaries(dir));
          yield Buffer.from('x');
        };
        await writeFileSafely(target, content());
      }
      expect(seen).toHaveLength(2);
      for (const name of seen) {
        expect(name).toMatch(/^\.plan\.xlsx\.[0-9a-f]{18}\.tmp$/);
        expect(name).not.toContain(String(process.pid));
      }
      expect(seen[0]).not.toBe(seen[1]);
      expect(temporaries(dir)).toEqual([]);
    });

    test('a failed write (disk full) leaves the file untouched and no temporary file', async () => {
      const dir = fresh();
      const target = path.join(dir, 'plan.xlsx');
      writeFileSync(target, 'orörd');
      const content = async function* () {
        yield Buffer.from('början');
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      };
      const error = await writeFileSafely(target, content()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FileError);
      expect((error as Error).message).toMatch(/^Disken är full: .*plan\.xlsx kunde inte sparas\. Frigör utrymme/);
      expect(readFileSync(target, 'utf8')).toBe('orörd');
      expect(temporaries(dir)).toEqual([]);
    });
  });

  describe('--out that is the input is refused before anything is written', () => {
    const cases: [string, (dir: string, input: string) => string][] = [
      ['the same path', (_dir, input) => input],
      ['the same path written differently', (dir, input) => path.join(dir, '.', 'x', '..', path.basename(input))],
      [
        'a symbolic link to the input',
        (dir, input) => {
          const link = path.join(dir, 'länk.docx');
          symlinkSync(input, link);
          return link;
        },
      ],
      [
        'a hard link to the input',
        (dir, input) => {
          const hard = path.join(dir, 'hård.docx');
          linkSync(input, hard);
          return hard;
        },
      ],
    ];
    test.each(cases)('%s', (_what, outFor) => {
      const dir = fresh();
      mkdirSync(path.join(dir, 'x'));
      const input = path.join(dir, 'plan.xlsx');
      writeFileSync(input, plan);
      const before = sha(input);
      const mtime = statSync(input).mtimeMs;
      const r = planrapport('generate', input, '--out', outFor(dir, input));
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/är samma fil som arbetsboken .*plan\.xlsx, som då skulle skrivas över\. Välj ett annat namn/);
      expect(sha(input)).toBe(before);
      expect(statSync(input).mtimeMs).toBe(mtime);
      expect(temporaries(dir)).toEqual([]);
    });

    test('generate x.docx --out x.docx no longer destroys the input', () => {
      const dir = fresh();
      const doc = path.join(dir, 'x.docx');
      writeFileSync(doc, 'ett Word-dokument jag skrivit');
      const r = planrapport('generate', doc, '--out', doc);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/samma fil som arbetsboken/);
      expect(readFileSync(doc, 'utf8')).toBe('ett Word-dokument jag skrivit');
    });
  });

  describe('template never overwrites a workbook that changed on disk while it ran', () => {
    afterEach(() => jest.restoreAllMocks());

    /** XlsxHost.open, and then someone saves the workbook (as Excel does: a new file renamed over it). */
    function someoneSavesAfterReading(file: string, content: Buffer) {
      const open = XlsxHost.open.bind(XlsxHost);
      jest.spyOn(XlsxHost, 'open').mockImplementation(async (p: string) => {
        const host = await open(p);
        writeFileSync(`${file}.excel-tmp`, content);
        jest.requireActual<typeof import('node:fs')>('node:fs').renameSync(`${file}.excel-tmp`, file);
        return host;
      });
    }

    test('the result goes beside it as "plan (Planrapport).xlsx", then "(Planrapport 2)"; exit 1 and a Swedish message', async () => {
      const dir = fresh();
      const file = path.join(dir, 'plan.xlsx');
      writeFileSync(file, userWorkbook);
      const theirs = Buffer.concat([userWorkbook]); // their save: same bytes, but a new file
      someoneSavesAfterReading(file, theirs);
      const r = await run('template', file, '--kind', 'verksamhetsplan', '--year', '2025');
      const beside = path.join(dir, 'plan (Planrapport).xlsx');
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        `${file} ändrades av någon annan (eller ett annat program) medan Planrapport arbetade, så den skrevs inte över. Resultatet sparades i stället som ${beside}. Stäng arbetsboken i Excel, jämför filerna och kör kommandot igen på den version du vill behålla.\n`,
      );
      expect(readFileSync(file)).toEqual(theirs);
      expect(await sheetNames(beside)).toContain('Dokument');

      const first = sha(beside);
      const again = await run('template', file, '--kind', 'verksamhetsplan', '--year', '2025');
      expect(again.code).toBe(1);
      expect(again.stderr).toContain(path.join(dir, 'plan (Planrapport 2).xlsx'));
      expect(sha(beside)).toBe(first); // never overwritten
      expect(temporaries(dir)).toEqual([]);
    });

    test('a change that keeps size, time and inode is caught by the content hash', async () => {
      const dir = fresh();
      const file = path.join(dir, 'plan.xlsx');
      writeFileSync(file, 'AAAA');
      const before = await fingerprint(file);
      const st = statSync(file);
      writeFileSync(file, 'BBBB'); // same inode, same size
      utimesSync(file, st.atime, st.mtime);
      const result = await writeFileSafely(file, Buffer.from('mall'), { unchangedSince: before });
      expect(result).toEqual({ written: path.join(dir, 'plan (Planrapport).xlsx'), beside: true });
      expect(readFileSync(file, 'utf8')).toBe('BBBB');
      // unchanged: replaced in place
      const now = await fingerprint(file);
      expect(await writeFileSafely(file, Buffer.from('mall'), { unchangedSince: now })).toEqual({ written: file, beside: false });
      expect(readFileSync(file, 'utf8')).toBe('mall');
    });

    test('a new workbook that someone else creates meanwhile is not overwritten either', async () => {
      const dir = fresh();
      const file = path.join(dir, 'ny.xlsx');
      const create = XlsxHost.create.bind(XlsxHost);
      jest.spyOn(XlsxHost, 'create').mockImplementation(() => {
        writeFileSync(file, 'kollegans fil');
        return create();
      });
      const r = await run('template', file, '--kind', 'verksamhetsplan', '--year', '2025');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /ny\.xlsx skapades av någon annan medan Planrapport arbetade, så den skrevs inte över\. Den nya mallen sparades i stället som .*ny \(Planrapport\)\.xlsx\./,
      );
      expect(readFileSync(file, 'utf8')).toBe('kollegans fil');
    });
  });

  describe('Ctrl+C and SIGTERM during a write', () => {
    const child = (dir: string, target: string) => {
      const script = path.join(dir, 'skriv.js');
      writeFileSync(
        script,
        `const { writeFileSafely } = require(${JSON.stringify(path.join(ROOT, 'lib', 'cli', 'safeWrite.js'))});
async function* content() {
  yield Buffer.from('halva ');
  process.stdout.write('REDO\\n');
  await new Promise(() => setInterval(() => {}, 1000));
}
writeFileSafely(process.argv[2], content()).then(() => process.exit(0), (e) => { console.error(e); process.exit(3); });
`,
      );
      return spawn(process.execPath, [script, target], { stdio: ['ignore', 'pipe', 'pipe'] });
    };

    test.each([
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ] as const)('%s: the temporary file is removed, exit %i, the file untouched', async (signal, status) => {
      const dir = fresh();
      const target = path.join(dir, 'plan.xlsx');
      writeFileSync(target, 'orörd');
      const proc = child(dir, target);
      let stderr = '';
      proc.stderr.on('data', (d) => (stderr += d));
      await new Promise<void>((resolve, reject) => {
        proc.stdout.on('data', (d: Buffer) => d.toString().includes('REDO') && resolve());
        proc.on('exit', () => reject(new Error(`barnprocessen avslutades för tidigt: ${stderr}`)));
      });
      expect(temporaries(dir)).toHaveLength(1); // mid-write
      proc.kill(signal);
      const code = await new Promise<number | null>((resolve) => proc.on('exit', (c) => resolve(c)));
      expect(code).toBe(status);
      expect(stderr).toContain('Avbrutet. Filen som höll på att sparas togs bort; befintliga filer är orörda.');
      expect(temporaries(dir)).toEqual([]);
      expect(readFileSync(target, 'utf8')).toBe('orörd');
    });
  });
});
