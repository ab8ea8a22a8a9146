/** `planrapport demo` writes the example workbooks; each one passes `validate` (warnings allowed). */
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { planrapport } from '../helpers/cli';

describe('planrapport demo', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'planrapport-demo-'));
  let files: string[] = [];

  beforeAll(() => {
    const r = planrapport('demo', '--out', dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    files = readdirSync(dir).filter((f) => f.endsWith('.xlsx'));
  });

  test('writes the three example workbooks', () => {
    expect(files.sort()).toEqual([
      'tertialrapport-2-2019-hagersten-liljeholmen.xlsx',
      'verksamhetsberattelse-2020-personligt-stod.xlsx',
      'verksamhetsplan-2025-grupp-och-servicebostader.xlsx',
    ]);
  });

  test('each example validates with exit 0', () => {
    for (const f of files) {
      const r = planrapport('validate', path.join(dir, f), '--json');
      expect([f, r.status, r.stderr]).toEqual([f, 0, '']);
      const findings = JSON.parse(r.stdout) as { severity: string }[];
      expect(findings.filter((x) => x.severity === 'error')).toEqual([]);
    }
  });
});
