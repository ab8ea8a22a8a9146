/**
 * The task pane's load cost on the production build (scripts/payload.js, as `npm run payload`
 * prints it): what taskpane.html loads itself is at most 170 KB gzipped and holds no docx code;
 * the generator, the validator and the tabs' panels are chunks loaded on demand. Measures dist/
 * when it is a production build newer than the sources, else builds into a temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface Asset {
  file: string;
  chunk: string;
  bytes: number;
  gzip: number;
  initial: boolean;
  docx: boolean;
}
interface Measured {
  assets: Asset[];
  initialGzip: number;
  budget: number;
  problems: string[];
}
interface Payload {
  BUDGET_BYTES: number;
  isFresh(dist: string): boolean;
  ensureBuilt(dist: string, force?: boolean): boolean;
  measure(dist: string, budget?: number): Measured;
  report(m: Measured): string;
}

const ROOT = path.resolve(__dirname, '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const payload = require(path.join(ROOT, 'scripts', 'payload.js')) as Payload;

describe('task pane payload (production build)', () => {
  let dist = path.join(ROOT, 'dist');
  let temp: string | undefined;
  let measured: Measured;

  beforeAll(() => {
    if (!payload.isFresh(dist)) {
      temp = mkdtempSync(path.join(os.tmpdir(), 'planrapport-payload-'));
      dist = path.join(temp, 'dist');
      payload.ensureBuilt(dist, true);
    }
    measured = payload.measure(dist);
    console.log(payload.report(measured));
  }, 300_000);

  afterAll(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  test('the budget is 170 KB gzipped', () => {
    expect(payload.BUDGET_BYTES).toBe(170 * 1024);
  });

  test('taskpane.html loads the entry alone, within the budget and without docx code', () => {
    const initial = measured.assets.filter((a) => a.initial);
    expect(initial.map((a) => a.chunk)).toEqual(['taskpane.js']);
    expect(measured.initialGzip).toBeLessThanOrEqual(170 * 1024);
    expect(initial.filter((a) => a.docx)).toEqual([]);
    expect(measured.problems).toEqual([]);
  });

  test('docx, the report, the validator, the template code and the tabs load on demand', () => {
    const onDemand = measured.assets.filter((a) => !a.initial);
    expect(onDemand.some((a) => a.docx)).toBe(true); // the marker finds docx where it is
    expect(onDemand.map((a) => a.chunk)).toEqual(
      expect.arrayContaining(['report.js', 'validate.js', 'template.js', 'tab-template.js', 'tab-validate.js', 'tab-word.js']),
    );
  });

  test('a payload above the budget is reported', () => {
    const tight = payload.measure(dist, 10 * 1024);
    expect(tight.problems.join('\n')).toMatch(/över budgeten 10\.0 KB/);
  });
});
