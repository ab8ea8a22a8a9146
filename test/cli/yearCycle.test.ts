/**
 * `planrapport next`, `import-previous` and `kolada` through the real command (bin → lib):
 * the source file never changes, every change is printed, typed values need --overwrite,
 * Kolada's figures land in the right cells in the indicator's unit.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';
import { SHEET_NAMES } from '../../src/core/layout/layout';
import { planrapport, planrapportAsync, ROOT, STACK_TRACE } from '../helpers/cli';
import { fillWorkbook, type WorkbookRecords } from '../helpers/records';

const dir = mkdtempSync(path.join(os.tmpdir(), 'planrapport-year-'));
const RESPONSE = path.join(ROOT, 'test', 'fixtures', 'kolada', 'data-0180-2024-2025.json');

async function save(file: string, records: WorkbookRecords) {
  const host = XlsxHost.create();
  await fillWorkbook(host, records);
  writeFileSync(file, await host.toBuffer());
}

async function cells(file: string, sheet = 'Indikatorer'): Promise<(string | number | null)[][]> {
  const s = await (await XlsxHost.open(file)).read(SHEET_NAMES);
  return s.sheets[sheet]!.values.map((r) => Array.from(r, (v) => (v instanceof Date ? v.toISOString() : ((v as string | number | null) ?? null))));
}

const goal = [{ Id: 'N1', Nivå: 'Nämndmål', Mål: '1. Ett mål', Bedömning: 'Uppfylls helt' }];

describe('planrapport next', () => {
  test('VB 2020 → plan 2021 writes --out only; the VB’s outcomes are in Periodens utfall VB 2020', async () => {
    expect(planrapport('demo', '--out', dir).status).toBe(0);
    const vb = path.join(dir, 'verksamhetsberattelse-2020-personligt-stod.xlsx');
    const before = readFileSync(vb);
    const out = path.join(dir, 'plan-2021.xlsx');
    const r = planrapport('next', vb, '--kind', 'verksamhetsplan', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Skrev .*plan-2021\.xlsx: Verksamhetsplan 2021, från .* \(Verksamhetsberättelse 2020, som inte ändrades\)\./);
    expect(r.stdout).toMatch(/2 utfall från verksamhetsberättelsen fördes till Periodens utfall VB 2020\./);
    expect(r.stdout).toMatch(/Validering: Inga fel eller varningar/);
    expect(readFileSync(vb).equals(before)).toBe(true);
    const rows = await cells(out);
    const c = rows[0]!.indexOf('Periodens utfall VB 2020');
    const was = await cells(vb);
    const o = was[0]!.indexOf('Periodens utfall');
    expect(rows.slice(1).map((r) => r[c] ?? null)).toEqual(was.slice(1).map((r) => r[o] ?? null));
    // an existing --out is never replaced; the input never
    expect(planrapport('next', vb, '--kind', 'verksamhetsplan', '--out', out).stderr).toMatch(/finns redan och skrivs inte över/);
    expect(planrapport('next', vb, '--kind', 'verksamhetsplan', '--out', vb).stderr).toMatch(/samma fil/);
    const earlier = planrapport('next', vb, '--kind', 'tertialrapport', '--year', '2020', '--out', path.join(dir, 'x.xlsx'));
    expect(earlier.status).toBe(2);
    expect(earlier.stderr).toMatch(/kommer inte efter arbetsbokens \(Verksamhetsberättelse 2020\)/);
    expect(earlier.stderr).not.toMatch(STACK_TRACE);
  });
});

describe('planrapport import-previous', () => {
  test('fills Periodens utfall VB 2024 by Kolada-id or name, keeps typed values without --overwrite, lists what did not match', async () => {
    const vb = path.join(dir, 'vb-2024.xlsx');
    const plan = path.join(dir, 'plan-2025.xlsx');
    await save(vb, {
      Dokument: { Dokumenttyp: 'Verksamhetsberättelse', År: 2024, Organisation: 'Testnämnden' },
      Mål: goal,
      Indikatorer: [
        { 'Mål-id': 'N1', Indikator: 'Andel nöjda', Enhet: '%', Periodicitet: 'År', 'Periodens utfall': 0.82 },
        { 'Mål-id': 'N1', Indikator: 'Antal besök', Enhet: 'st', Periodicitet: 'År', 'Periodens utfall': 410, 'Kolada-id': 'N00945' },
      ],
    });
    await save(plan, {
      Dokument: { Dokumenttyp: 'Verksamhetsplan', År: 2025, Organisation: 'Testnämnden' },
      Mål: goal,
      Indikatorer: [
        { 'Mål-id': 'N1', Indikator: 'andel nöjda', Enhet: '%', Periodicitet: 'År' },
        { 'Mål-id': 'N1', Indikator: 'Besök (nytt namn)', Enhet: 'st', Periodicitet: 'År', 'Kolada-id': 'N00945', 'Periodens utfall VB 2024': 400 },
        { 'Mål-id': 'N1', Indikator: 'Ny indikator', Enhet: 'st', Periodicitet: 'År' },
      ],
    });
    const vbBytes = readFileSync(vb);
    const r = planrapport('import-previous', plan, '--from', vb);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Ändrades (1):\n  Indikatorer!I2 "andel nöjda", Periodens utfall VB 2024: (tom) → 82\u00a0%');
    expect(r.stdout).toContain(
      'Behölls (1) – ditt värde skrivs bara över med --overwrite:\n  Indikatorer!I3 "Besök (nytt namn)", Periodens utfall VB 2024: 400 behölls (nytt värde: 410\u00a0st)',
    );
    expect(r.stdout).toContain('Indikatorer rad 4 "Ny indikator": finns inte i verksamhetsberättelsen');
    expect(readFileSync(vb).equals(vbBytes)).toBe(true);
    let rows = await cells(plan);
    expect([rows[1]![8], rows[2]![8]]).toEqual([0.82, 400]);
    const again = planrapport('import-previous', plan, '--from', vb, '--overwrite');
    expect(again.stdout).toContain('Indikatorer!I3 "Besök (nytt namn)", Periodens utfall VB 2024: 400 → 410\u00a0st (skrevs över)');
    rows = await cells(plan);
    expect(rows[2]![8]).toBe(410);
  });
});

describe('planrapport kolada', () => {
  const records: WorkbookRecords = {
    Dokument: { Dokumenttyp: 'Verksamhetsberättelse', År: 2025, Organisation: 'Testnämnden', 'Kolada kommun/enhet': '0180' },
    Mål: goal,
    Indikatorer: [
      { 'Mål-id': 'N1', Indikator: 'Andel behöriga', Enhet: '%', Periodicitet: 'År', 'Kolada-id': 'N15428' },
      { 'Mål-id': 'N1', Indikator: 'Antal platser', Enhet: 'st', Periodicitet: 'År', 'Kolada-id': 'N00945', 'Periodens utfall': 1200 },
      { 'Mål-id': 'N1', Indikator: 'Andel med stöd', Enhet: '%', Periodicitet: 'År', 'Kolada-id': 'N17473' },
      { 'Mål-id': 'N1', Indikator: 'Utan värden', Enhet: 'st', Periodicitet: 'År', 'Kolada-id': 'N99999' },
    ],
  };

  test('a recorded response: T, K and M into the right cells as fractions for %, VB of the year before; typed values kept; what changed and what did not match printed', async () => {
    const file = path.join(dir, 'kolada.xlsx');
    await save(file, records);
    const r = planrapport('kolada', file, '--data', RESPONSE);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const rows = await cells(file);
    const h = rows[0]!;
    const at = (row: number, header: string) => rows[row - 1]![h.indexOf(header)];
    expect(at(2, 'Periodens utfall')).toBe(0.847);
    expect(at(2, 'Utfall kvinnor/flickor')).toBe(0.884);
    expect(at(2, 'Utfall män/pojkar')).toBe(0.812);
    expect(at(2, 'Periodens utfall VB 2024')).toBe(0.835);
    expect(at(2, 'Källa')).toBe('Kolada N15428 (0180, 2024, 2025)');
    expect(at(3, 'Periodens utfall')).toBe(1200); // typed, kept
    expect(at(4, 'Periodens utfall')).toBeNull(); // missing in Kolada
    expect(at(4, 'Utfall kvinnor/flickor')).toBe(0.12);
    expect(r.stdout).toContain('Indikatorer!F2 "Andel behöriga", Periodens utfall: (tom) → 84,7\u00a0%');
    expect(r.stdout).toContain('Indikatorer!F3 "Antal platser", Periodens utfall: 1200 behölls (nytt värde: 1\u00a0250\u00a0st)');
    expect(r.stdout).toContain('Indikatorer rad 4 "Andel med stöd" (N17473): 2025, totalt: värde saknas i Kolada (status Missing).');
    expect(r.stdout).toContain('Indikatorer rad 5 "Utan värden" (N99999): inga värden för 0180 år 2024 och 2025 i svaret från Kolada.');
    expect(r.stdout).toMatch(/Sparade .*kolada\.xlsx\./);
    const over = planrapport('kolada', file, '--data', RESPONSE, '--overwrite');
    expect(over.stdout).toContain('Indikatorer!F3 "Antal platser", Periodens utfall: 1200 → 1\u00a0250\u00a0st (skrevs över)');
    expect((await cells(file))[2]![5]).toBe(1250);
  });

  test('--dry-run writes nothing; a file that is no Kolada response is named', async () => {
    const file = path.join(dir, 'dry.xlsx');
    await save(file, records);
    const bytes = readFileSync(file);
    const r = planrapport('kolada', file, '--data', RESPONSE, '--dry-run');
    expect(r.stdout).toMatch(/^Skulle ändras \(\d+\):/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ values: [{ id: 'N00945', title: 'Något' }] }));
    const e = planrapport('kolada', file, '--data', bad);
    expect(e.status).toBe(2);
    expect(e.stderr).toMatch(/post 1: posten saknar "kpi"/);
  });

  test('--fetch from a server that answers HTTP 500: a Swedish message, exit 2, nothing written', async () => {
    const file = path.join(dir, 'fetch.xlsx');
    await save(file, records);
    const bytes = readFileSync(file);
    const server = http.createServer((_, res) => {
      res.writeHead(500);
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const env = { PLANRAPPORT_KOLADA_API: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2` };
      const r = await planrapportAsync(['kolada', file, '--fetch'], { env });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^Kolada svarade med ett serverfel \(HTTP 500\)/);
      // on the command line the way round it: a saved response read with --data
      expect(r.stderr).toMatch(/spara svaret som fil och läsa in det med "planrapport kolada <arbetsbok> --data <fil\.json>"/);
      expect(r.stderr).not.toMatch(STACK_TRACE);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});
