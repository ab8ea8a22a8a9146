/**
 * `planrapport audit`: every report Planrapport writes passes the accessibility check with no
 * findings (the demo reports and the test suite's fixtures); a document with the known faults
 * is reported with each of them and exit 1; a file that is no Word document exits 2.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { planrapport, STACK_TRACE } from '../helpers/cli';
import { FAULTY_BODY, coreXml, docxBytes } from '../helpers/docxXml';
import { CLEAN_T2, CLEAN_VP, buildFixture } from '../helpers/fixtures';
import { generateReport } from '../../src/usecases/generate';
import { auditDocument } from '../../src/usecases/audit';

const dir = mkdtempSync(path.join(os.tmpdir(), 'planrapport-audit-'));

describe('the reports Planrapport writes pass the check', () => {
  test('every demo report: zero findings, exit 0', () => {
    const demo = path.join(dir, 'demo');
    expect(planrapport('demo', '--out', demo).status).toBe(0);
    const reports = readdirSync(demo).filter((f) => f.endsWith('.docx'));
    expect(reports).toHaveLength(3);
    for (const f of reports) {
      const r = planrapport('audit', path.join(demo, f));
      expect([f, r.status, r.stdout.trim(), r.stderr]).toEqual([f, 0, `${path.join(demo, f)}: Inga tillgänglighetsproblem hittades.`, '']);
    }
  }, 240_000);

  test.each([
    ['CLEAN_T2', CLEAN_T2],
    ['CLEAN_VP', CLEAN_VP],
  ] as const)('the fixture %s: zero findings, and the title names the organisation', async (_name, records) => {
    const report = await generateReport(await buildFixture(records));
    const organisation = report.validation.reading.plan.info.organisation;
    expect(await auditDocument(report.bytes, { organisation })).toEqual([]);
  });
});

describe('a document with the known faults', () => {
  test('a skipped heading level, a symbol-only status, 8 pt table text and a missing title: each found, exit 1', async () => {
    const file = path.join(dir, 'fel.docx');
    writeFileSync(file, await docxBytes(FAULTY_BODY, { core: coreXml({ creator: 'Anna Andersson' }) }));
    const r = planrapport('audit', file);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('4 tillgänglighetsproblem');
    expect(r.stdout).toContain('Dokumentet saknar titel');
    expect(r.stdout).toMatch(/rubriken ”Aktiviteter” \(stycke 2\):\n\s+Rubriken har nivå 3 men kommer efter en rubrik på nivå 1/);
    expect(r.stdout).toMatch(/tabell 1 \(”Aktivitet \| Status”\), rad 2, kolumn 2 under rubriken ”Aktiviteter”:\n\s+Cellen innehåller bara symbolen ”✓”/);
    expect(r.stdout).toContain('Tabellens text är 8 pt; text i tabeller ska vara minst 9 pt.');
    const json = planrapport('audit', file, '--json');
    expect(json.status).toBe(1);
    expect((JSON.parse(json.stdout) as { rule: string }[]).map((f) => f.rule).sort()).toEqual([
      'doc.title',
      'heading.skipped-level',
      'symbol.alone',
      'table.small-text',
    ]);
  });
});

describe('files that cannot be checked: exit 2, a Swedish message, no stack trace', () => {
  test.each([
    ['not a zip', 'inte.docx', Buffer.from('hej')],
    ['a zip without a Word document', 'tom.docx', Buffer.from('504b0506000000000000000000000000000000000000', 'hex')],
  ])('%s', (_what, name, bytes) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    const r = planrapport('audit', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${file} kan inte granskas`);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  test('a missing file, and no file at all', () => {
    const missing = planrapport('audit', path.join(dir, 'finns-inte.docx'));
    expect([missing.status, missing.stderr]).toEqual([2, expect.stringContaining('finns inte')]);
    const none = planrapport('audit');
    expect([none.status, none.stderr]).toEqual([2, expect.stringContaining('Ange ett (1) Word-dokument')]);
  });
});
