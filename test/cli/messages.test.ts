/**
 * Every failure the user can do something about is a Swedish message saying what to do:
 * I/O errors reading the workbook and writing results, foreign files renamed .xlsx, option
 * mistakes, a closed output pipe. Never "Oväntat fel" with a program's English internals,
 * and never a stack trace unless PLANRAPPORT_DEBUG=1.
 */
import JSZip from 'jszip';
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileErrorMessage } from '../../src/cli/errors';
import { main } from '../../src/cli/main';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';
import { generateReport } from '../../src/usecases/generate';
import { planrapport, ROOT, STACK_TRACE } from '../helpers/cli';
import { CLEAN_T2, buildFixture, loadWorkbook, set } from '../helpers/fixtures';

const BIN = path.join(ROOT, 'bin', 'planrapport.js');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
/** Words of node's and libraries' English messages that must not reach the user. */
const ENGLISH = /\b(Unknown option|argument|ambiguous|permission denied|no such file|no space|is a directory|Cannot|undefined|null)\b|E[A-Z]{3,}:/;

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { log: (t) => (stdout += `${t}\n`), error: (t) => (stderr += `${t}\n`) });
  return { code, stdout, stderr };
}

function cli(args: string[], options: SpawnSyncOptions = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT, timeout: 120_000, ...options });
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'planrapport-messages-'));
const clean = path.join(dir, 'ren.xlsx');
const broken = path.join(dir, 'fel.xlsx');

beforeAll(async () => {
  const host = await buildFixture(CLEAN_T2);
  await host.save(clean);
  const wb = await loadWorkbook(readFileSync(clean));
  for (let r = 3; r <= 12; r++) set(wb, `Indikatorer!F${r}`, 'tjugofem');
  await wb.xlsx.writeFile(broken);
});

describe('I/O errors as Swedish messages (the mapping)', () => {
  const file = path.join('mapp', 'plan.xlsx');
  test.each([
    ['EACCES', 'read', /^Du har inte behörighet att läsa mapp\/plan\.xlsx\. Be filens ägare om läsbehörighet/],
    ['EPERM', 'read', /behörighet att läsa/],
    ['EACCES', 'write', /^Du har inte behörighet att spara mapp\/plan\.xlsx \(filen eller mappen mapp är skyddad\)\. Välj en mapp där du har skrivbehörighet/],
    [
      'EPERM',
      'write',
      /^mapp\/plan\.xlsx kunde inte sparas: filen är öppen i ett annat program \(t\.ex\. Excel eller Word\), eller så saknar du behörighet att skriva i mappen mapp\. Stäng filen/,
    ],
    ['ENOSPC', 'write', /^Disken är full: mapp\/plan\.xlsx kunde inte sparas\. Frigör utrymme/],
    ['EDQUOT', 'write', /^Disken är full/],
    ['EISDIR', 'read', /^mapp\/plan\.xlsx är en mapp, inte en fil\. Ange arbetsbokens filnamn/],
    ['EISDIR', 'write', /^mapp\/plan\.xlsx är en mapp, inte en fil\. Ange ett filnamn i mappen/],
    ['EBUSY', 'read', /^mapp\/plan\.xlsx är låst – den är troligen öppen i ett annat program \(t\.ex\. Excel eller Word\)\. Stäng filen där och försök igen\./],
    ['EBUSY', 'write', /är låst – den är troligen öppen i ett annat program/],
    ['ETXTBSY', 'write', /är låst/],
    ['EROFS', 'write', /^mapp\/plan\.xlsx ligger på en skrivskyddad enhet eller mapp .* Spara på en annan plats\./],
    ['ENOENT', 'read', /^Filen mapp\/plan\.xlsx finns inte\. Kontrollera namnet och mappen/],
    ['ENOENT', 'write', /^Mappen mapp finns inte, så mapp\/plan\.xlsx kan inte sparas där\. Skapa mappen eller välj en annan plats\./],
    ['ENOTDIR', 'write', /går genom något som är en fil, inte en mapp/],
    ['ENAMETOOLONG', 'read', /^Sökvägen mapp\/plan\.xlsx är för lång\. Använd ett kortare filnamn/],
    ['EMFILE', 'read', /^För många filer är öppna just nu för att öppna mapp\/plan\.xlsx\. Stäng några program och försök igen\./],
    ['ENFILE', 'write', /För många filer är öppna just nu för att spara/],
    ['ELOOP', 'read', /symbolisk länk som pekar på sig själv/],
    ['EIO', 'read', /läs-\/skrivfel/],
  ] as const)('%s (%s)', (code, action, expected) => {
    const message = fileErrorMessage({ code }, file, action);
    expect(message).toMatch(expected);
    expect(message).not.toMatch(ENGLISH);
  });

  test('an error that is not a file-system error is left alone', () => {
    expect(fileErrorMessage(new Error('x'), 'a', 'read')).toBeUndefined();
    expect(fileErrorMessage({ code: 'ERR_SOMETHING' }, 'a', 'read')).toBeUndefined();
  });
});

describe('I/O errors through the command line', () => {
  test('validate a directory (EISDIR)', () => {
    const r = planrapport('validate', dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${dir} är en mapp, inte en fil. Ange arbetsbokens filnamn, t.ex. ${path.join(dir, 'plan.xlsx')}.\n`);
  });

  test('generate --out a directory (EISDIR)', () => {
    const out = path.join(dir, 'mapp.docx');
    mkdirSync(out);
    const r = planrapport('generate', clean, '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${out} är en mapp, inte en fil. Ange ett filnamn i mappen, t.ex. ${path.join(out, 'rapport.docx')}.\n`);
    expect(readdirSync(out)).toEqual([]);
  });

  test('a missing workbook (ENOENT)', () => {
    const r = planrapport('validate', path.join(dir, 'saknas.xlsx'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^Filen .*saknas\.xlsx finns inte\. Kontrollera namnet och mappen/);
  });

  test('an output path through a file (ENOTDIR)', () => {
    const r = planrapport('generate', clean, '--out', path.join(clean, 'rapport.docx'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^Sökvägen .*ren\.xlsx\/rapport\.docx går genom något som är en fil, inte en mapp\. Kontrollera sökvägen\./);
  });

  test('names that are too long (ENAMETOOLONG), reading and writing', () => {
    const long = 'å'.repeat(200);
    const read = planrapport('validate', path.join(dir, `${long}.xlsx`));
    expect(read.status).toBe(2);
    expect(read.stderr).toMatch(/^Sökvägen .*\.xlsx är för lång\. Använd ett kortare filnamn/);
    const write = planrapport('generate', clean, '--out', path.join(dir, `${long}.docx`));
    expect(write.status).toBe(2);
    expect(write.stderr).toMatch(/^Sökvägen .*\.docx är för lång\./);
  });

  // root may read and write everything: the command runs as "nobody" instead, if it can reach the project
  const as: SpawnSyncOptions = isRoot ? { uid: 65534, gid: 65534 } : {};
  const reachable = !isRoot || cli(['--help'], as).status === 0;
  if (!reachable) console.warn('messages: användaren nobody når inte projektmappen – testerna för behörighet (EACCES) hoppas över.');

  (reachable ? describe : describe.skip)('permissions (EACCES), as a user without them', () => {
    const closed = path.join(dir, 'stängd');

    beforeAll(() => {
      mkdirSync(closed);
      writeFileSync(path.join(closed, 'plan.xlsx'), readFileSync(clean));
      chmodSync(path.join(closed, 'plan.xlsx'), 0o600);
      chmodSync(closed, 0o755);
      chmodSync(dir, 0o755);
      chmodSync(clean, 0o644);
      if (!isRoot) {
        chmodSync(path.join(closed, 'plan.xlsx'), 0o000);
        chmodSync(closed, 0o555);
      }
    });

    test('reading the workbook', () => {
      const r = cli(['validate', path.join(closed, 'plan.xlsx')], as);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^Du har inte behörighet att läsa .*plan\.xlsx\. Be filens ägare om läsbehörighet/);
    });

    test('writing the report', () => {
      const r = cli(['generate', clean, '--out', path.join(closed, 'rapport.docx')], as);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^Du har inte behörighet att spara .*rapport\.docx \(filen eller mappen .*stängd är skyddad\)/);
      expect(r.stderr).not.toMatch(STACK_TRACE);
      expect(readdirSync(closed)).toEqual(['plan.xlsx']);
    });
  });

  describe('errors from deeper down (the adapter, the rename) are mapped too', () => {
    afterEach(() => jest.restoreAllMocks());

    test('the workbook is locked while the adapter reads it (EBUSY)', async () => {
      jest
        .spyOn(XlsxHost, 'open')
        .mockRejectedValue(Object.assign(new Error(`EBUSY: resource busy or locked, open '${clean}'`), { code: 'EBUSY', syscall: 'open', path: clean }));
      const r = await run('validate', clean);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`${clean} är låst – den är troligen öppen i ett annat program (t.ex. Excel eller Word). Stäng filen där och försök igen.\n`);
    });

    test('the report is open in Word when it is to be replaced (EBUSY on rename): untouched, no temporary file', async () => {
      const out = path.join(dir, 'öppen.docx');
      writeFileSync(out, 'öppen i Word');
      const fs = jest.requireActual<typeof import('node:fs')>('node:fs').promises;
      jest.spyOn(fs, 'rename').mockRejectedValue(Object.assign(new Error('EBUSY: resource busy or locked, rename'), { code: 'EBUSY', syscall: 'rename' }));
      const r = await run('generate', clean, '--out', out);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`${out} är låst – den är troligen öppen i ett annat program (t.ex. Excel eller Word). Stäng filen där och försök igen.\n`);
      expect(readFileSync(out, 'utf8')).toBe('öppen i Word');
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });

    test('a raw error with a path that reaches the top is still a Swedish message', async () => {
      jest.spyOn(XlsxHost, 'open').mockRejectedValue(Object.assign(new Error('EMFILE: too many open files'), { code: 'EMFILE', syscall: 'open', path: clean }));
      const r = await run('validate', clean);
      expect(r.stderr).toMatch(/^För många filer är öppna just nu/);
      expect(r.stderr).not.toMatch(/Oväntat fel/);
    });
  });
});

describe('a file that is not an .xlsx workbook, renamed .xlsx', () => {
  test('a Word document: says what it is, the file untouched', async () => {
    const file = path.join(dir, 'rapport-omdöpt.xlsx');
    writeFileSync(file, (await generateReport(await buildFixture(CLEAN_T2))).bytes);
    const before = readFileSync(file);
    for (const args of [
      ['validate', file],
      ['template', file],
      ['generate', file, '--out', path.join(dir, 'x.docx')],
    ]) {
      const r = await run(...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `${file} är ett Word-dokument (.docx), inte en Excel-arbetsbok (.xlsx). Kontrollera att du valt rätt fil: Planrapport behöver arbetsboken (.xlsx).\n`,
      );
    }
    expect(readFileSync(file)).toEqual(before);
  });

  test('an OpenDocument spreadsheet: open it in Excel and save as .xlsx', async () => {
    const z = new JSZip();
    z.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
    z.file('content.xml', '<office:document-content/>');
    const file = path.join(dir, 'kalkyl.xlsx');
    writeFileSync(file, await z.generateAsync({ type: 'nodebuffer' }));
    const r = planrapport('validate', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `${file} är ett OpenDocument-kalkylark (.ods), inte en Excel-arbetsbok (.xlsx). Öppna den i Excel och spara som Excel-arbetsbok (.xlsx).\n`,
    );
  });

  test('a binary workbook (.xlsb) and a CSV file', async () => {
    const z = new JSZip();
    z.file('[Content_Types].xml', '<Types/>');
    z.file('xl/workbook.bin', 'bin');
    const xlsb = path.join(dir, 'binär.xlsx');
    writeFileSync(xlsb, await z.generateAsync({ type: 'nodebuffer' }));
    expect((await run('validate', xlsb)).stderr).toMatch(
      /binär\.xlsx är en binär Excel-arbetsbok \(\.xlsb\), inte en Excel-arbetsbok \(\.xlsx\)\. Öppna den i Excel och spara som Excel-arbetsbok \(\.xlsx\)\./,
    );
    const csv = path.join(dir, 'export.xlsx');
    writeFileSync(csv, 'Mål-id;Indikator\n1;Nöjdhet\n');
    expect((await run('validate', csv)).stderr).toMatch(/export\.xlsx är en textfil \(t\.ex\. CSV\), inte en Excel-arbetsbok/);
  });

  test('a password-protected workbook (Excel saves it as an encrypted OLE file)', async () => {
    const header = Buffer.alloc(512);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
    header.writeUInt16LE(9, 0x1e);
    const directory = Buffer.alloc(512);
    Buffer.from('EncryptedPackage', 'utf16le').copy(directory, 128);
    const file = path.join(dir, 'lösenord.xlsx');
    writeFileSync(file, Buffer.concat([header, directory]));
    const r = await run('validate', file);
    expect(r.stderr).toMatch(
      /lösenord\.xlsx är en krypterad \(lösenordsskyddad\) Excel-arbetsbok, inte en Excel-arbetsbok \(\.xlsx\) som Planrapport kan läsa\. Är den lösenordsskyddad: öppna den i Excel, ta bort lösenordet/,
    );
  });
});

describe('option mistakes as Swedish messages', () => {
  test.each([
    [
      ['template', 'x.xlsx', '--org', '-x'],
      /^Värdet för --org börjar med "-" \("-x"\), så det ser ut som en flagga\. Menar du värdet, skriv --org="-x"; annars saknas värdet för --org\./,
    ],
    [
      ['template', 'x.xlsx', '--org', '--kind', 'verksamhetsplan'],
      /^Flaggan --org behöver ett värde, men följs av flaggan --kind\. Skriv värdet direkt efter --org/,
    ],
    [['validate', 'x.xlsx', '--bogus'], /^Okänd flagga --bogus\. Kommandot tar --json\./],
    [['validate', 'x.xlsx', '-x'], /^Okänd flagga -x\./],
    [['generate', 'x.xlsx', '--out'], /^Flaggan --out behöver ett värde, t\.ex\. --out rapport\.docx\./],
    [['validate', 'x.xlsx', '--json=1'], /^Flaggan --json tar inget värde: skriv bara --json \(utan "=1"\)\./],
    [['generate', 'x.xlsx', '--exact-pages=ja', '--out', 'r.docx'], /^Flaggan --exact-pages tar inget värde/],
    [['template', 'x.xlsx', '--year', '2025', '--year', '2026'], /^Flaggan --year står flera gånger\. Ange den en gång\./],
    [['template', 'x.xlsx', '--year', '-2025'], /^Värdet för --year börjar med "-"/],
    [['nytt'], /^Okänt kommando "nytt"\. Kommandona är template, validate, generate, audit, demo, next, import-previous och kolada\./],
  ])('%j', async (args, expected) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(expected);
    expect(r.stderr).not.toMatch(ENGLISH);
  });

  test('--org=-x says it is meant: accepted', async () => {
    const file = path.join(dir, 'minus.xlsx');
    const r = await run('template', file, '--kind', 'verksamhetsplan', '--year', '2025', '--org=-x');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  test('--help after a command prints the usage, exit 0', async () => {
    const r = await run('validate', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Användning:');
  });

  test("through bin: node's English never shows", () => {
    const r = planrapport('template', 'x.xlsx', '--org', '-x');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^Värdet för --org börjar med "-"/);
    expect(r.stderr).not.toMatch(ENGLISH);
  });
});

describe('a closed output pipe ends quietly', () => {
  /** Runs the CLI with its stdout read end closed at once, as `| head -0` would. */
  function closedPipe(args: string[]): Promise<{ status: number | null; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (status) => resolve({ status, stderr }));
    });
  }

  test("validate: no stack trace, and the exit status is still the validation's", async () => {
    const r = await closedPipe(['validate', broken]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
  });

  test('generate: the report is still written, nothing printed', async () => {
    const out = path.join(dir, 'pipe.docx');
    const r = await closedPipe(['generate', clean, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect((await fsp.readFile(out)).subarray(0, 2).toString()).toBe('PK');
  });

  test('in a shell pipeline: `planrapport validate … | head -1`', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" validate "${broken}" | head -1`], { encoding: 'utf8', cwd: ROOT });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/fel\.xlsx: \d+ fel, \d+ varning/);
    expect(r.stderr).toBe('');
  });
});

describe('bin/planrapport.js never prints a stack trace unless PLANRAPPORT_DEBUG=1', () => {
  const preload = path.join(dir, 'bugg.js');
  beforeAll(() => {
    // an internal error outside every try: a throw from a timer
    writeFileSync(preload, "setTimeout(() => { throw new TypeError('intern bugg') }, 0); setTimeout(() => {}, 5000);\n");
  });

  test('without PLANRAPPORT_DEBUG: a Swedish line, what to do, exit 2', () => {
    const bug = spawnSync(process.execPath, ['--require', preload, BIN, 'validate', clean], {
      encoding: 'utf8',
      cwd: ROOT,
      env: { ...process.env, PLANRAPPORT_DEBUG: '' },
    });
    expect(bug.status).toBe(2);
    expect(bug.stderr).toMatch(/^Oväntat fel i Planrapport: intern bugg\nKör kommandot igen med PLANRAPPORT_DEBUG=1 för detaljer/);
    expect(bug.stderr).not.toMatch(STACK_TRACE);
  });

  test('with PLANRAPPORT_DEBUG=1: the stack trace too', () => {
    const bug = spawnSync(process.execPath, ['--require', preload, BIN, 'validate', clean], {
      encoding: 'utf8',
      cwd: ROOT,
      env: { ...process.env, PLANRAPPORT_DEBUG: '1' },
    });
    expect(bug.status).toBe(2);
    expect(bug.stderr).toMatch(/Oväntat fel i Planrapport: intern bugg/);
    expect(bug.stderr).toMatch(STACK_TRACE);
  });
});

describe('generate --logo: a picture for page 1, or a message saying what is wrong with it', () => {
  test('a PNG goes into the page-1 header with its alternative text', async () => {
    const out = path.join(dir, 'med-logotyp.docx');
    const r = cli(['generate', clean, '--out', out, '--logo', path.join(ROOT, 'assets', 'icon-80.png'), '--logo-alt', 'Stockholms stad']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^word\/header\d*\.xml$/.test(n))
        .map((n) => zip.file(n)!.async('string')),
    );
    expect(headers.some((x) => /<wp:docPr [^>]*descr="Stockholms stad"/.test(x))).toBe(true);
  });

  test.each([
    [['--logo', 'package.json'], /--logo package\.json är ingen PNG- eller JPEG-bild/],
    [['--logo', 'saknas.png'], /--logo saknas\.png finns inte/],
    [['--logo-alt', 'Stockholms stad'], /--logo-alt är alternativtexten till en logotyp/],
  ])('%j', (args, message) => {
    const r = cli(['generate', clean, '--out', path.join(dir, 'x.docx'), ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });
});
