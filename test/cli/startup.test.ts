/**
 * Start-up: `--help`, a mistyped command and every usage error answer without loading
 * exceljs, docx or the report and rules code (the commands load them once their arguments
 * are known). The loaded files are recorded by a preloaded script in a real process.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../helpers/cli';
import { CLEAN_T2, buildFixture } from '../helpers/fixtures';

const BIN = path.join(ROOT, 'bin', 'planrapport.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'planrapport-startup-'));
const recorder = path.join(dir, 'record.js');
writeFileSync(
  recorder,
  `const fs = require('node:fs');
process.on('exit', () => fs.writeFileSync(process.env.PLANRAPPORT_LOADED, Object.keys(require.cache).join('\\n')));
`,
);

/** Runs the CLI under the recorder; returns the files it loaded (relative to the project). */
function loaded(args: string[]): { status: number | null; files: string[] } {
  const out = path.join(dir, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  const r = spawnSync(process.execPath, ['--require', recorder, BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PLANRAPPORT_LOADED: out },
  });
  const files = readFileSync(out, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((f) => path.relative(ROOT, f).split(path.sep).join('/'));
  return { status: r.status, files };
}

const HEAVY =
  /(^|\/)node_modules\/(exceljs|docx|jszip|yauzl|@xmldom)\/|^lib\/core\/(report|rules|workbook|layout)\/|^lib\/hosts\/xlsx\/xlsxHost\.js$|^lib\/usecases\//;

describe('start-up loads only what the answer needs', () => {
  test.each([
    [['--help'], 0],
    [['-h'], 0],
    [[], 2],
    [['nytt'], 2],
    [['validate', '--help'], 0],
    [['validate'], 2],
    [['validate', 'plan.xlsx', '--bogus'], 2],
    [['validate', 'plan.xlsx', '--json=1'], 2],
    [['template', path.join(dir, 'ny.xlsx')], 2],
    [['template', 'plan.xlsx', '--org', '-x'], 2],
    [['template', path.join(dir, 'ny.xlsx'), '--kind', 'budget', '--year', '2025'], 2],
    [['generate', 'plan.xlsx'], 2],
    [['generate', 'plan.xlsx', '--out', 'plan.xlsx'], 2],
    [['demo', 'extra'], 2],
  ])('%j: exit %i, no exceljs, docx, report or rules code', (args, status) => {
    const r = loaded(args);
    expect(r.status).toBe(status);
    expect(r.files.filter((f) => HEAVY.test(f))).toEqual([]);
    expect(r.files).toContain('lib/cli/main.js'); // the recorder saw the CLI itself
  });

  test('a file that is not a workbook is refused before exceljs is loaded', () => {
    const csv = path.join(dir, 'export.xlsx');
    writeFileSync(csv, 'a;b\n1;2\n');
    const r = loaded(['validate', csv]);
    expect(r.status).toBe(2);
    expect(r.files.filter((f) => HEAVY.test(f))).toEqual([]);
  });

  test('a read-only output is refused before the workbook is even read', () => {
    const out = path.join(dir, 'skrivskyddad.docx');
    writeFileSync(out, 'x');
    chmodSync(out, 0o444);
    const r = loaded(['generate', 'plan.xlsx', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.files.filter((f) => HEAVY.test(f))).toEqual([]);
  });

  test('control: validating a real workbook loads the package reader and the rules, never exceljs or docx', async () => {
    const file = path.join(dir, 'ren.xlsx');
    await (await buildFixture(CLEAN_T2)).save(file);
    const r = loaded(['validate', file]);
    expect(r.status).toBe(0);
    expect(r.files.some((f) => /(^|\/)node_modules\/yauzl\//.test(f))).toBe(true);
    expect(r.files.some((f) => f.startsWith('lib/core/rules/'))).toBe(true);
    // the CLI reads and writes workbooks through the package itself; exceljs is for tests only
    expect(r.files.some((f) => /(^|\/)node_modules\/exceljs\//.test(f))).toBe(false);
    expect(r.files.some((f) => /(^|\/)node_modules\/docx\//.test(f))).toBe(false); // validate needs no Word
  });
});
