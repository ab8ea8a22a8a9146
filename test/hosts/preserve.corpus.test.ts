/**
 * Issue 7, item 6: nothing a controller has is ever lost. Each corpus workbook is written
 * the way Excel (or LibreOffice) writes it with one real-world feature; `planrapport
 * template` runs on it, then `validate` and `generate`. The package before and after is
 * compared part by part (test/helpers/packageCheck.ts), and each feature is checked on its
 * own. The bounded-cost workbooks (huge declared ranges) must finish in 30 s per command.
 *
 * The commands run as child processes, two at a time (bounded-cost ones beside them with a
 * heap limit), started once in beforeAll; each test waits for its workbook.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { LIST_SHEET } from '../../src/core/layout/layout';
import { planrapportAsync, STACK_TRACE, type CliRun } from '../helpers/cli';
import { findCommand, isCI } from '../helpers/engines';
import { BOUNDED_FEATURES, FEATURES, buildWorkbook, type Feature } from '../helpers/excelLike';
import { convertAsync } from '../helpers/libreoffice';
import {
  XlsxPackage,
  canon,
  checkPackage,
  child,
  descendants,
  elements,
  formatReport,
  referencesPastLimits,
  type PackageReport,
} from '../helpers/packageCheck';

jest.setTimeout(240_000);

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const X14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const BOUND_MS = 30_000;
/** About four times what a command needs on these workbooks (≈ 130 MB resident). */
const BOUND_HEAP_MB = 512;

// ---------------------------------------------------------------------------------------
// Running the commands
// ---------------------------------------------------------------------------------------

interface Outcome {
  before: Buffer;
  after?: Buffer;
  template: CliRun;
  validate: CliRun;
  generate: CliRun;
  docText: string;
  /** Whether the file on disk changed. */
  written: boolean;
  report?: PackageReport;
  /** Set when the workbook could not be built or run at all. */
  error?: string;
}

function limiter(n: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return <T>(task: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const run = () => {
        active++;
        task()
          .then(resolve, reject)
          .finally(() => {
            active--;
            waiting.shift()?.();
          });
      };
      if (active < n) run();
      else waiting.push(run);
    });
}

const regularSlot = limiter(2);
const boundedSlot = limiter(3);
const work = mkdtempSync(path.join(os.tmpdir(), 'planrapport-corpus-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function docxText(file: string): Promise<string> {
  if (!existsSync(file)) return '';
  try {
    const zip = await JSZip.loadAsync(readFileSync(file));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) =>
        m[1]!
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"'),
      )
      .join(' ');
  } catch {
    return '';
  }
}

/** template → validate → generate on a copy of `before`, then the package checks. */
async function pipeline(id: string, before: Buffer): Promise<Outcome> {
  const dir = path.join(work, id);
  const file = path.join(dir, 'plan.xlsx');
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, before);
  const opts = { timeoutMs: 120_000, cwd: dir };
  const template = await planrapportAsync(['template', file], opts);
  const after = readFileSync(file);
  const validate = await planrapportAsync(['validate', file], opts);
  const docx = path.join(dir, 'x.docx');
  const generate = await planrapportAsync(['generate', file, '--out', docx], opts);
  const outcome: Outcome = { before, template, validate, generate, docText: await docxText(docx), written: !after.equals(before) };
  if (template.status === 0 && !template.timedOut) {
    outcome.after = after;
    outcome.report = await checkPackage(before, after, { schemas: true });
  }
  return outcome;
}

/**
 * The bounded-cost runs: each command on its own copy of the workbook, with the time and
 * heap limits, side by side (validate and generate read the workbook as the user has it;
 * what template wrote is checked by the package checks).
 */
function boundedRuns(id: string, before: Buffer): Promise<Outcome> {
  const dir = path.join(work, id);
  mkdirSync(dir, { recursive: true });
  const copy = (name: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, before);
    return file;
  };
  const opts = { timeoutMs: BOUND_MS, maxOldSpaceMb: BOUND_HEAP_MB, cwd: dir };
  const templated = copy('template.xlsx');
  const docx = path.join(dir, 'x.docx');
  const template = boundedSlot(() => planrapportAsync(['template', templated], opts));
  const validate = boundedSlot(() => planrapportAsync(['validate', copy('validate.xlsx')], opts));
  const generate = boundedSlot(() => planrapportAsync(['generate', copy('generate.xlsx'), '--out', docx], opts));
  return Promise.all([template, validate, generate]).then(async ([t, v, g]) => {
    const after = readFileSync(templated);
    const outcome: Outcome = { before, template: t, validate: v, generate: g, docText: await docxText(docx), written: !after.equals(before) };
    if (t.status === 0 && !t.timedOut) {
      outcome.after = after;
      outcome.report = await checkPackage(before, after, { schemas: true });
    }
    return outcome;
  });
}

function safely(id: string, make: () => Promise<Outcome>): Promise<Outcome> {
  return make().catch((e: Error) => {
    const none: CliRun = { status: null, signal: null, stdout: '', stderr: '', ms: 0, timedOut: false };
    return { before: Buffer.alloc(0), template: none, validate: none, generate: none, docText: '', written: false, error: `${id}: ${e.stack ?? e.message}` };
  });
}

// ---------------------------------------------------------------------------------------
// Looking into packages
// ---------------------------------------------------------------------------------------

function sheetRoot(pkg: XlsxPackage, sheet: string) {
  const p = pkg.sheetPath(sheet);
  const root = p ? pkg.root(p) : undefined;
  if (!p || !root) throw new Error(`no worksheet ${sheet}`);
  return { part: p, root };
}

/** The canonical text of a worksheet's direct child elements of a name. */
function sheetElements(pkg: XlsxPackage, sheet: string, local: string): string[] {
  return elements(sheetRoot(pkg, sheet).root, local, MAIN).map((e) => canon(e));
}

function expectSameSheetElement(ctx: Ctx, sheet: string, local: string): void {
  const before = sheetElements(ctx.before, sheet, local);
  expect(before.length).toBeGreaterThan(0);
  expect({ sheet, element: local, after: sheetElements(ctx.after, sheet, local) }).toEqual({ sheet, element: local, after: before });
}

/** Parts byte-identical before and after. */
function expectSameParts(ctx: Ctx, ...parts: string[]): void {
  const state = (part: string) =>
    !ctx.before.has(part)
      ? 'not in the corpus workbook'
      : !ctx.after.has(part)
        ? 'removed'
        : ctx.after.files.get(part)!.equals(ctx.before.files.get(part)!)
          ? 'unchanged'
          : 'changed';
  expect(parts.map((part) => `${part}: ${state(part)}`)).toEqual(parts.map((part) => `${part}: unchanged`));
}

/** The relationship a worksheet element (drawing, legacyDrawing …) points through, resolved. */
function sheetRelTarget(pkg: XlsxPackage, sheet: string, local: string): string | undefined {
  const { part, root } = sheetRoot(pkg, sheet);
  const el = child(root, local, MAIN);
  const id = el?.getAttributeNS(REL_NS, 'id');
  return id ? pkg.rels(part).find((r) => r.id === id)?.resolved : undefined;
}

function relTargets(pkg: XlsxPackage, source: string, typeSuffix: string): string[] {
  return pkg
    .rels(source)
    .filter((r) => r.type.endsWith(typeSuffix))
    .map((r) => r.resolved ?? r.target);
}

function cellFormula(pkg: XlsxPackage, sheet: string, ref: string): string | undefined {
  const c = pkg.cell(sheet, ref);
  return c?.f ? canon(c.f) : undefined;
}

function x14Validations(pkg: XlsxPackage, sheet: string): { sqref: string; formula: string }[] {
  return descendants(sheetRoot(pkg, sheet).root, 'dataValidation', X14).map((dv) => ({
    sqref: descendants(dv, 'sqref', '*')[0]?.textContent ?? '',
    formula: descendants(dv, 'f', '*')[0]?.textContent ?? '',
  }));
}

function validations(pkg: XlsxPackage, sheet: string): { sqref: string; formula1: string }[] {
  return descendants(sheetRoot(pkg, sheet).root, 'dataValidation', MAIN).map((dv) => ({
    sqref: dv.getAttribute('sqref') ?? '',
    formula1: child(dv, 'formula1', MAIN)?.textContent ?? '',
  }));
}

/** The report's text from `start`, `length` characters (a failure then shows just that). */
function excerpt(text: string, start: string, length = 35): string {
  const i = text.indexOf(start);
  return i < 0 ? `(no "${start}" in the report)` : text.slice(i, i + length);
}

interface Ctx {
  before: XlsxPackage;
  after: XlsxPackage;
  outcome: Outcome;
}

// ---------------------------------------------------------------------------------------
// What each feature must still have
// ---------------------------------------------------------------------------------------

interface Expectation {
  /** What the test checks, in a few words. */
  what: string;
  check: (ctx: Ctx) => void | Promise<void>;
}

const EXPECT: Record<string, Expectation> = {
  chartUnderlag: {
    what: 'the chart part, its drawing and the drawing relationship of Underlag are intact',
    check: (ctx) => {
      expectSameParts(
        ctx,
        'xl/charts/chart1.xml',
        'xl/charts/_rels/chart1.xml.rels',
        'xl/charts/style1.xml',
        'xl/charts/colors1.xml',
        'xl/drawings/drawing1.xml',
        'xl/drawings/_rels/drawing1.xml.rels',
      );
      expect(sheetRelTarget(ctx.after, 'Underlag', 'drawing')).toBe('xl/drawings/drawing1.xml');
    },
  },
  chartIndikatorer: {
    what: 'the chart on Indikatorer: chart part, drawing, and the <drawing> element with its relationship',
    check: (ctx) => {
      expectSameParts(ctx, 'xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/drawings/_rels/drawing1.xml.rels');
      expect(sheetRelTarget(ctx.after, 'Indikatorer', 'drawing')).toBe('xl/drawings/drawing1.xml');
      expect(ctx.after.contentType('xl/charts/chart1.xml')).toBe(ctx.before.contentType('xl/charts/chart1.xml'));
    },
  },
  pivotTable: {
    what: 'pivot cache definition, records and pivot table parts, and the workbook pivotCaches entry',
    check: (ctx) => {
      expectSameParts(
        ctx,
        'xl/pivotCache/pivotCacheDefinition1.xml',
        'xl/pivotCache/pivotCacheRecords1.xml',
        'xl/pivotTables/pivotTable1.xml',
        'xl/pivotTables/_rels/pivotTable1.xml.rels',
      );
      const caches = descendants(ctx.after.root(ctx.after.workbookPath)!, 'pivotCache', MAIN);
      expect(caches.map((c) => c.getAttribute('cacheId'))).toEqual(['3']);
      expect(ctx.after.rels(ctx.after.workbookPath).find((r) => r.id === caches[0]!.getAttributeNS(REL_NS, 'id'))?.resolved).toBe(
        'xl/pivotCache/pivotCacheDefinition1.xml',
      );
    },
  },
  threadedComments: {
    what: 'threaded comments, persons, the legacy note and its VML, and their relationships from Indikatorer',
    check: (ctx) => {
      expectSameParts(ctx, 'xl/threadedComments/threadedComment1.xml', 'xl/persons/person.xml', 'xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml');
      const part = ctx.after.sheetPath('Indikatorer')!;
      expect(relTargets(ctx.after, part, '/threadedComment')).toEqual(['xl/threadedComments/threadedComment1.xml']);
      expect(relTargets(ctx.after, part, '/comments')).toEqual(['xl/comments1.xml']);
      expect(sheetRelTarget(ctx.after, 'Indikatorer', 'legacyDrawing')).toBe('xl/drawings/vmlDrawing1.vml');
      expect(relTargets(ctx.after, ctx.after.workbookPath, '/person')).toEqual(['xl/persons/person.xml']);
    },
  },
  textBox: {
    what: 'the text box and its typed text on Dokument',
    check: (ctx) => {
      expectSameParts(ctx, 'xl/drawings/drawing1.xml');
      expect(ctx.after.text('xl/drawings/drawing1.xml')).toContain('Stäm av Datum med nämndsekreteraren innan utskick.');
      expect(sheetRelTarget(ctx.after, 'Dokument', 'drawing')).toBe('xl/drawings/drawing1.xml');
    },
  },
  sparklines: {
    what: 'the sparkline group in the extLst of Indikatorer',
    check: (ctx) => {
      const groups = (pkg: XlsxPackage) => descendants(sheetRoot(pkg, 'Indikatorer').root, 'sparklineGroups', X14).map((e) => canon(e));
      expect(groups(ctx.before)).toHaveLength(1);
      expect(groups(ctx.after)).toEqual(groups(ctx.before));
    },
  },
  ignoredErrors: {
    what: 'ignoredErrors on Mål and Underlag',
    check: (ctx) => {
      expectSameSheetElement(ctx, 'Mål', 'ignoredErrors');
      expectSameSheetElement(ctx, 'Underlag', 'ignoredErrors');
    },
  },
  x14Validations: {
    what: 'the x14 dropdowns pointing at another sheet, on Indikatorer (user column) and Underlag',
    check: (ctx) => {
      expect(x14Validations(ctx.after, 'Indikatorer')).toEqual([{ sqref: 'O2:O50', formula: 'Underlag!$A$2:$A$7' }]);
      expect(x14Validations(ctx.after, 'Underlag')).toEqual([{ sqref: 'E2:E20', formula: 'Mål!$A$2:$A$5' }]);
    },
  },
  internalHyperlinks: {
    what: 'internal hyperlinks with location and tooltip',
    check: (ctx) => {
      expectSameSheetElement(ctx, 'Indikatorer', 'hyperlinks');
      const link = descendants(sheetRoot(ctx.after, 'Indikatorer').root, 'hyperlink', MAIN)[0];
      expect([link?.getAttribute('location'), link?.getAttribute('tooltip')]).toEqual(['Underlag!A1', 'Gå till underlaget för indikatorn']);
      expectSameSheetElement(ctx, 'Underlag', 'hyperlinks');
    },
  },
  externalLink: {
    what: 'the external link part, its workbook reference and the [1]Blad1!A1 formula with its value',
    check: (ctx) => {
      expectSameParts(ctx, 'xl/externalLinks/externalLink1.xml', 'xl/externalLinks/_rels/externalLink1.xml.rels');
      const refs = descendants(ctx.after.root(ctx.after.workbookPath)!, 'externalReference', MAIN).map(
        (e) => ctx.after.rels(ctx.after.workbookPath).find((r) => r.id === e.getAttributeNS(REL_NS, 'id'))?.resolved,
      );
      expect(refs).toEqual(['xl/externalLinks/externalLink1.xml']);
      expect(cellFormula(ctx.after, 'Driftbudget', 'J2')).toBe(cellFormula(ctx.before, 'Driftbudget', 'J2'));
      expect(ctx.after.cell('Driftbudget', 'J2')?.v).toBe('42');
    },
  },
  dynamicArray: {
    what: 'xl/metadata.xml and the dynamic-array cell (cm="1", _xlfn.UNIQUE) stay a dynamic array',
    check: (ctx) => {
      expectSameParts(ctx, 'xl/metadata.xml');
      expect(relTargets(ctx.after, ctx.after.workbookPath, '/sheetMetadata')).toEqual(['xl/metadata.xml']);
      const c = ctx.after.cell('Indikatorer', 'O2');
      expect(c?.el.getAttribute('cm')).toBe('1');
      expect(cellFormula(ctx.after, 'Indikatorer', 'O2')).toBe(cellFormula(ctx.before, 'Indikatorer', 'O2'));
      expect(ctx.after.cellText('Indikatorer', 'O3')).toBe('N1');
    },
  },
  excelTable: {
    what: 'the table part with its calculated column and the tableParts of Underlag',
    check: (ctx) => {
      expectSameParts(ctx, 'xl/tables/table1.xml');
      expect(ctx.after.text('xl/tables/table1.xml')).toContain('<calculatedColumnFormula>');
      expectSameSheetElement(ctx, 'Underlag', 'tableParts');
    },
  },
  protectedRanges: {
    what: 'protectedRanges on Driftbudget',
    check: (ctx) => expectSameSheetElement(ctx, 'Driftbudget', 'protectedRanges'),
  },
  structureLockedComplete: {
    what: 'structure protection kept, no sheet added',
    check: (ctx) => {
      const prot = (pkg: XlsxPackage) => elements(pkg.root(pkg.workbookPath)!, 'workbookProtection', MAIN).map((e) => canon(e));
      expect(prot(ctx.after)).toEqual(prot(ctx.before));
      expect(ctx.after.sheets().map((s) => s.name)).toEqual(ctx.before.sheets().map((s) => s.name));
    },
  },
  userSheetProtection: {
    what: 'sheet protection of Underlag',
    check: (ctx) => expectSameSheetElement(ctx, 'Underlag', 'sheetProtection'),
  },
  namedCellStyles: {
    what: 'the named cell styles (Bra, Egen rubrik) and the cells that use them',
    check: (ctx) => {
      const styles = (pkg: XlsxPackage) => descendants(pkg.root(pkg.stylesPath!)!, 'cellStyle', MAIN).map((e) => canon(e));
      expect(styles(ctx.after).slice(0, 3)).toEqual(styles(ctx.before));
      expect(ctx.after.cell('Underlag', 'A13')?.s).toBe(ctx.before.cell('Underlag', 'A13')?.s);
    },
  },
  pageBreaks: {
    what: 'rowBreaks and colBreaks on Driftbudget',
    check: (ctx) => {
      expectSameSheetElement(ctx, 'Driftbudget', 'rowBreaks');
      expectSameSheetElement(ctx, 'Driftbudget', 'colBreaks');
    },
  },
  autoFilterCriteria: {
    what: 'the autoFilter with its criteria, the hidden row and _xlnm._FilterDatabase',
    check: (ctx) => {
      expectSameSheetElement(ctx, 'Indikatorer', 'autoFilter');
      const row4 = descendants(sheetRoot(ctx.after, 'Indikatorer').root, 'row', MAIN).find((r) => r.getAttribute('r') === '4');
      expect(row4?.getAttribute('hidden')).toBe('1');
      expect(ctx.after.definedNames().map((n) => n.getAttribute('name'))).toContain('_xlnm._FilterDatabase');
    },
  },
  sensitivityLabel: {
    what: 'docMetadata/LabelInfo.xml and docProps/custom.xml with their relationships and content types',
    check: (ctx) => {
      expectSameParts(ctx, 'docMetadata/LabelInfo.xml', 'docProps/custom.xml', '_rels/.rels');
      expect(relTargets(ctx.after, '', '/classificationlabels')).toEqual(['docMetadata/LabelInfo.xml']);
      expect(relTargets(ctx.after, '', '/custom-properties')).toEqual(['docProps/custom.xml']);
      expect(ctx.after.contentType('docMetadata/LabelInfo.xml')).toBe('application/vnd.ms-office.classificationlabels+xml');
    },
  },
  definedNames: {
    what: 'Moms and Dyn unchanged, =SUM(Dyn)*(1+Moms) and its value 2671,875 unchanged',
    check: (ctx) => {
      const names = (pkg: XlsxPackage) => pkg.definedNames().map((n) => `${n.getAttribute('name')}=${n.textContent}`);
      expect(names(ctx.after)).toEqual(
        expect.arrayContaining(['Moms=0.25', 'Dyn=OFFSET(Underlag!$B$2,0,0,COUNT(Underlag!$B:$B),1)', 'Mål_för_året=Mål!$D$2:$D$5']),
      );
      expect(cellFormula(ctx.after, 'Underlag', 'F2')).toBe(cellFormula(ctx.before, 'Underlag', 'F2'));
      expect(ctx.after.cell('Underlag', 'F2')?.v).toBe('2671.875');
    },
  },
  validationCellBounds: {
    what: 'the validation bound $H$1 stays a cell reference (no NaN)',
    check: (ctx) => {
      expect(validations(ctx.after, 'Underlag')).toEqual([{ sqref: 'B2:C20', formula1: '$H$1' }]);
      expect(ctx.after.text(ctx.after.sheetPath('Underlag')!)).not.toMatch(/NaN/);
    },
  },
  validationWholeColumnR: {
    what: 'the user validation R:R stays on R:R',
    check: (ctx) => expect(validations(ctx.after, 'Indikatorer')).toContainEqual({ sqref: 'R:R', formula1: '"Ja,Nej"' }),
  },
  sheetViews: {
    what: 'frozen panes, zoom and hidden gridlines of Indikatorer, Driftbudget and Mål',
    check: (ctx) => {
      for (const sheet of ['Indikatorer', 'Driftbudget', 'Mål']) {
        const view = (pkg: XlsxPackage) => {
          const v = descendants(sheetRoot(pkg, sheet).root, 'sheetView', MAIN)[0]!;
          return {
            sheet,
            grid: v.getAttribute('showGridLines'),
            zoom: v.getAttribute('zoomScale'),
            pane: child(v, 'pane', MAIN) ? canon(child(v, 'pane', MAIN)!) : null,
          };
        };
        expect(view(ctx.after)).toEqual(view(ctx.before));
      }
    },
  },
  userListorSheet: {
    what: 'the user\'s "Listor" keeps its 5 values, stays visible, and no Planrapport dropdown points at it',
    check: (ctx) => {
      const listor = ctx.after.sheets().find((s) => s.name === LIST_SHEET);
      expect(listor?.state).toBe('visible');
      expect(['A1', 'A2', 'A3', 'A4', 'A5'].map((r) => ctx.after.cellText(LIST_SHEET, r))).toEqual([
        'Anna Andersson',
        'Bertil Berg',
        'Cecilia Carlsson',
        'David Dahl',
        'Eva Ek',
      ]);
      const pointing: string[] = [];
      for (const s of ctx.after.sheets()) {
        if (s.name === 'Underlag' || !s.path) continue;
        for (const f of descendants(ctx.after.root(s.path)!, 'formula1', '*'))
          if (/(^|[^A-Za-z_])'?Listor'?!/.test(f.textContent ?? '')) pointing.push(`${s.name}: ${f.textContent}`);
      }
      expect(pointing).toEqual([]);
    },
  },
  verticalTab: {
    what: 'the _x000B_ line break in Texter is unchanged (and stored as _x000B_, which XML can carry)',
    check: (ctx) => {
      expect(ctx.after.cellText('Texter', 'B6')).toBe('Första raden\u000Bandra raden');
      expect(ctx.after.storedText('Texter', 'B6')).toBe('Första raden_x000B_andra raden');
    },
  },
  carriageReturn: {
    what: 'the \\r\\n in Texter is unchanged',
    check: (ctx) => expect(ctx.after.cellText('Texter', 'B6')).toBe('Första stycket.\r\nAndra stycket.'),
  },
  escapedEscape: {
    what: 'the literal _x0041_ stays "_x0041_", in the workbook and in the report',
    check: (ctx) => {
      expect(ctx.after.cellText('Texter', 'B6')).toBe('Koden _x0041_ står kvar som den är.');
      expect(excerpt(ctx.outcome.docText, 'Koden')).toBe('Koden _x0041_ står kvar som den är.');
    },
  },
  isoDateDokument: {
    what: 'the ISO-dated Datum stays 2019-09-26 and the report prints it',
    check: (ctx) => {
      const c = ctx.after.cell('Dokument', 'B9');
      expect([c?.t, c?.v]).toEqual(['d', '2019-09-26T00:00:00']);
      expect(excerpt(ctx.outcome.docText, 'Till ', 70)).toContain('2019-09-26');
      expect(ctx.outcome.docText).not.toContain('1905');
    },
  },
  isoDateAktiviteter: {
    what: 'the ISO-dated activity dates stay and the report prints them',
    check: (ctx) => {
      expect(['C2', 'D2', 'D3'].map((r) => ctx.after.cell('Aktiviteter', r)?.t)).toEqual(['d', 'd', 'd']);
      // the name, its status in words when it has one ("▶ Pågående"), then the dates
      expect(ctx.outcome.docText).toMatch(/Aktivitet 1\s+(?:\S\s+[A-ZÅÄÖ][a-zåäö ]+?\s+)?2019-01-01\s+2019-12-31/);
      expect(ctx.outcome.docText).toMatch(/Aktivitet 2\s+(?:\S\s+[A-ZÅÄÖ][a-zåäö ]+?\s+)?2019-01-01\s+2019-06-30/);
    },
  },
  inlineStrings: {
    what: 'inline strings stay and are read',
    check: (ctx) => {
      expect(ctx.after.cell('Texter', 'A6')?.t).toBe('inlineStr');
      expect(ctx.after.cellText('Mål', 'F5')).toBe('Stöd till unga.');
      expect(excerpt(ctx.outcome.docText, 'Text skriven', 34)).toBe('Text skriven av ett annat verktyg.');
    },
  },
  booleans: {
    what: 'boolean cells stay booleans',
    check: (ctx) => {
      expect([ctx.after.cell('Indikatorer', 'O2')?.t, ctx.after.cell('Indikatorer', 'O2')?.v, ctx.after.cell('Indikatorer', 'O3')?.v]).toEqual(['b', '1', '0']);
    },
  },
  errorCells: {
    what: 'error cells keep their formula and error value',
    check: (ctx) => {
      expect([ctx.after.cell('Driftbudget', 'J2')?.t, ctx.after.cell('Driftbudget', 'J2')?.v, cellFormula(ctx.after, 'Driftbudget', 'J2')]).toEqual([
        'e',
        '#DIV/0!',
        cellFormula(ctx.before, 'Driftbudget', 'J2'),
      ]);
      expect([ctx.after.cell('Driftbudget', 'J3')?.t, ctx.after.cell('Driftbudget', 'J3')?.v]).toEqual(['e', '#N/A']);
    },
  },
  sharedFormulas: {
    what: 'the shared formula (master and followers) on Driftbudget',
    check: (ctx) => {
      for (const r of ['J2', 'J3', 'J4'])
        expect({ r, f: cellFormula(ctx.after, 'Driftbudget', r) }).toEqual({ r, f: cellFormula(ctx.before, 'Driftbudget', r) });
    },
  },
  arrayFormula: {
    what: 'the array (CSE) formula on Driftbudget',
    check: (ctx) => {
      expect(cellFormula(ctx.after, 'Driftbudget', 'J2')).toBe(cellFormula(ctx.before, 'Driftbudget', 'J2'));
      expect(ctx.after.cell('Driftbudget', 'J2')?.f?.getAttribute('t')).toBe('array');
    },
  },
  legacyComments: {
    what: 'the notes and their VML on Mål and Dokument',
    check: (ctx) => {
      expectSameParts(ctx, 'xl/comments1.xml', 'xl/comments2.xml', 'xl/drawings/vmlDrawing1.vml', 'xl/drawings/vmlDrawing2.vml');
      expect(relTargets(ctx.after, ctx.after.sheetPath('Mål')!, '/comments')).toEqual(['xl/comments1.xml']);
      expect(relTargets(ctx.after, ctx.after.sheetPath('Dokument')!, '/comments')).toEqual(['xl/comments2.xml']);
      expect(sheetRelTarget(ctx.after, 'Mål', 'legacyDrawing')).toBe('xl/drawings/vmlDrawing1.vml');
      expect(sheetRelTarget(ctx.after, 'Dokument', 'legacyDrawing')).toBe('xl/drawings/vmlDrawing2.vml');
    },
  },
  mergedCells: {
    what: 'merged cells on Underlag',
    check: (ctx) => expectSameSheetElement(ctx, 'Underlag', 'mergeCells'),
  },
  image: {
    what: 'the picture, its drawing and relationship on Texter',
    check: (ctx) => {
      expectSameParts(ctx, 'xl/media/image1.png', 'xl/drawings/drawing1.xml', 'xl/drawings/_rels/drawing1.xml.rels');
      expect(sheetRelTarget(ctx.after, 'Texter', 'drawing')).toBe('xl/drawings/drawing1.xml');
    },
  },
  printSettings: {
    what: 'pageSetup with its printer settings, headerFooter, printOptions, print area and titles on Driftbudget',
    check: (ctx) => {
      for (const e of ['pageSetup', 'headerFooter', 'printOptions', 'pageMargins', 'sheetPr']) expectSameSheetElement(ctx, 'Driftbudget', e);
      expectSameParts(ctx, 'xl/printerSettings/printerSettings1.bin');
      expect(sheetRelTarget(ctx.after, 'Driftbudget', 'pageSetup')).toBe('xl/printerSettings/printerSettings1.bin');
      const names = ctx.after.definedNames().map((n) => `${n.getAttribute('name')}=${n.textContent}`);
      expect(names).toEqual(expect.arrayContaining(['_xlnm.Print_Area=Driftbudget!$A$1:$I$5', '_xlnm.Print_Titles=Driftbudget!$1:$1']));
    },
  },
  customSheetViews: {
    what: 'the custom view in the workbook and on every sheet',
    check: (ctx) => {
      const wbView = (pkg: XlsxPackage) => elements(pkg.root(pkg.workbookPath)!, 'customWorkbookViews', MAIN).map((e) => canon(e));
      expect(wbView(ctx.after)).toEqual(wbView(ctx.before));
      for (const s of ctx.before.sheets()) expectSameSheetElement(ctx, s.name, 'customSheetViews');
    },
  },
  userFormatsAndValidations: {
    what: "the user's conditional formats (incl. an x14 data bar) and validations on Underlag and in a user column of Indikatorer",
    check: (ctx) => {
      const cf = (pkg: XlsxPackage) =>
        elements(sheetRoot(pkg, 'Indikatorer').root, 'conditionalFormatting', MAIN)
          .filter((e) => e.getAttribute('sqref') === 'O2:O50')
          .map((e) => canon(e, { skipAttrs: new Set(['priority']) }));
      expect(cf(ctx.after)).toEqual(cf(ctx.before));
      expect(validations(ctx.after, 'Indikatorer')).toContainEqual({ sqref: 'O2:O50', formula1: '1' });
      expectSameParts(ctx, ctx.before.sheetPath('Underlag')!);
    },
  },
};

// ---------------------------------------------------------------------------------------
// The corpus
// ---------------------------------------------------------------------------------------

interface Entry {
  id: string;
  title: string;
  build: () => Promise<Buffer>;
  /** template's accepted exit codes (default [0]). */
  templateStatus?: number[];
  expectation?: Expectation;
}

const featureEntries: Entry[] = Object.values(FEATURES)
  .filter((f) => f.id !== 'structureLockedNeedsSheet')
  .map((f: Feature) => ({ id: f.id, title: f.title, build: () => buildWorkbook([f]), expectation: EXPECT[f.id] }));

const soffice = findCommand('soffice');
async function savedByLibreOffice(id: string, features: Feature[]): Promise<Buffer> {
  const dir = path.join(work, `lo-${id}`);
  const input = path.join(dir, 'in', `${id}.xlsx`);
  mkdirSync(path.dirname(input), { recursive: true });
  writeFileSync(input, await buildWorkbook(features));
  return readFileSync((await convertAsync(input, 'xlsx:Calc MS Excel 2007 XML', path.join(dir, 'out'), 'xlsx')).output);
}
const libreOfficeEntries: Entry[] = [
  { id: 'libreOffice', title: 'the base workbook saved by LibreOffice', build: () => savedByLibreOffice('base', []) },
  {
    id: 'libreOfficeTable',
    title: 'a workbook with an Excel table saved by LibreOffice (a database range)',
    build: () => savedByLibreOffice('table', [FEATURES.excelTable!]),
    expectation: {
      what: 'the table part stays and is referenced',
      check: (ctx) => {
        const part = ctx.before.sheetPath('Underlag')!;
        const tables = relTargets(ctx.before, part, '/table');
        expect(tables.length).toBe(1);
        expect(relTargets(ctx.after, ctx.after.sheetPath('Underlag')!, '/table')).toEqual(tables);
        expectSameParts(ctx, tables[0]!);
      },
    },
  },
  {
    id: 'libreOfficeAutoFilter',
    title: 'a workbook with an autofilter saved by LibreOffice (an anonymous database range)',
    build: () => savedByLibreOffice('autofilter', [FEATURES.autoFilterCriteria!]),
    expectation: { what: 'the autoFilter of Indikatorer stays', check: (ctx) => expectSameSheetElement(ctx, 'Indikatorer', 'autoFilter') },
  },
];
if (!soffice && !isCI()) console.warn('LibreOffice (soffice) finns inte i PATH – arbetsböckerna sparade av LibreOffice hoppas över.');

const lockedNeedsSheet: Entry = {
  id: 'structureLockedNeedsSheet',
  title: FEATURES.structureLockedNeedsSheet!.title,
  build: () => buildWorkbook([FEATURES.structureLockedNeedsSheet!]),
};

const boundedEntries: Entry[] = Object.values(BOUNDED_FEATURES).map((f) => ({
  id: f.id,
  title: f.title,
  build: () => buildWorkbook([f]),
  templateStatus: [0, 2],
}));

/** CORPUS_ONLY=chartUnderlag,definedNames runs just those workbooks (while working on one feature). */
const only = process.env.CORPUS_ONLY?.split(',').map((x) => x.trim());
const selected = (e: Entry) => !only || only.includes(e.id);

const outcomes = new Map<string, Promise<Outcome>>();
beforeAll(() => {
  // the slow ones first, so that they overlap with everything else
  for (const e of boundedEntries.filter(selected))
    outcomes.set(
      e.id,
      safely(e.id, async () => boundedRuns(e.id, await e.build())),
    );
  // built inside the slot, so that the workbooks run in the order the tests wait for them
  for (const e of [...featureEntries, ...(soffice ? libreOfficeEntries : []), lockedNeedsSheet].filter(selected)) {
    outcomes.set(
      e.id,
      safely(e.id, () => regularSlot(async () => pipeline(e.id, await e.build()))),
    );
  }
});

function outcomeOf(id: string): Promise<Outcome> {
  return outcomes.get(id)!;
}

const UNEXPECTED = /Oväntat fel/;
const CRASH = /FATAL ERROR|JavaScript heap|Last few GCs|node::|at Object\.<anonymous>/;

function summary(name: string, r: CliRun): string {
  return `${name}: exit ${r.status}${r.signal ? ` (${r.signal})` : ''}${r.timedOut ? ' (timed out)' : ''} after ${r.ms} ms\n${(r.stdout + r.stderr).slice(0, 1500)}`;
}

function expectClean(name: string, r: CliRun, statuses: number[]): void {
  const text = r.stdout + r.stderr;
  expect({ command: name, status: r.status, allowedStatus: statuses.includes(r.status ?? -1), timedOut: r.timedOut }).toEqual({
    command: name,
    status: r.status,
    allowedStatus: true,
    timedOut: false,
  });
  expect({ command: name, unexpectedError: UNEXPECTED.test(text), stackTrace: STACK_TRACE.test(text) || CRASH.test(text) }).toEqual({
    command: name,
    unexpectedError: false,
    stackTrace: false,
  });
}

function describeEntry(e: Entry): void {
  if (!selected(e)) return;
  describe(`${e.id}: ${e.title}`, () => {
    it('template, validate and generate run cleanly', async () => {
      const o = await outcomeOf(e.id);
      expect(o.error).toBeUndefined();
      const context = [summary('template', o.template), summary('validate', o.validate), summary('generate', o.generate)].join('\n');
      try {
        expectClean('template', o.template, e.templateStatus ?? [0]);
        expectClean('validate', o.validate, [0]);
        expectClean('generate', o.generate, [0]);
        expect(o.docText.length).toBeGreaterThan(1000);
      } catch (err) {
        (err as Error).message += `\n\n${context}`;
        throw err;
      }
    });

    it('nothing is lost: parts, values, formulas, names, styles; the package is sound', async () => {
      const o = await outcomeOf(e.id);
      if (!o.report) throw new Error(`template did not write the workbook: ${summary('template', o.template)}`);
      const failed = o.report.losses.length + o.report.integrity.length + (o.report.schema?.length ?? 0);
      if (failed) throw new Error(`${e.id}:\n${formatReport(o.report)}`);
    });

    if (e.expectation) {
      it(e.expectation.what, async () => {
        const o = await outcomeOf(e.id);
        if (!o.after) throw new Error(`template did not write the workbook: ${summary('template', o.template)}`);
        await e.expectation!.check({ before: await XlsxPackage.load(o.before), after: await XlsxPackage.load(o.after), outcome: o });
      });
    }
  });
}

describe('the preservation corpus: one real-world feature per workbook through template, validate and generate', () => {
  for (const e of featureEntries) describeEntry(e);
});

describe('workbooks saved by LibreOffice', () => {
  if (!soffice) {
    if (isCI()) {
      it('requires LibreOffice (soffice)', () => {
        throw new Error('LibreOffice (soffice) saknas (CI=true, så testerna får inte hoppas över).');
      });
    } else it.skip('LibreOffice (soffice) is not installed', () => undefined);
    return;
  }
  for (const e of libreOfficeEntries) describeEntry(e);
});

describe('structure protection where the template would have to add sheets', () => {
  if (!selected(lockedNeedsSheet)) return;
  it('template stops before writing, says so in Swedish, and leaves the file as it was; validate and generate still work', async () => {
    const o = await outcomeOf(lockedNeedsSheet.id);
    expect(o.error).toBeUndefined();
    const text = o.template.stdout + o.template.stderr;
    expect({ status: o.template.status, unexpected: UNEXPECTED.test(text), swedish: /skydd|låst/i.test(text) }).toEqual({
      status: 2,
      unexpected: false,
      swedish: true,
    });
    expect(o.written).toBe(false);
    expectClean('validate', o.validate, [0]);
    expectClean('generate', o.generate, [0]);
  });
});

describe(`bounded cost: template, validate and generate finish within ${BOUND_MS / 1000} s each (heap ≤ ${BOUND_HEAP_MB} MB)`, () => {
  for (const e of boundedEntries.filter(selected)) {
    describe(`${e.id}: ${e.title}`, () => {
      for (const command of ['template', 'validate', 'generate'] as const) {
        it(`${command}: in time, with results or a Swedish message, no stack trace, no reference past row 1048576`, async () => {
          const o = await outcomeOf(e.id);
          expect(o.error).toBeUndefined();
          const r = o[command];
          const allowed = command === 'template' ? [0, 2] : command === 'validate' ? [0, 1, 2] : [0, 2];
          try {
            expectClean(command, r, allowed);
            expect(r.ms).toBeLessThan(BOUND_MS);
            expect(referencesPastLimits(r.stdout + r.stderr)).toEqual([]);
            if (r.status === 2) expect(r.stdout + r.stderr).toMatch(/[åäöÅÄÖ]|arbetsbok|fil/);
          } catch (err) {
            (err as Error).message += `\n\n${summary(command, r)}`;
            throw err;
          }
        });
      }
      it('if template wrote the workbook: it lost nothing and refers to nothing past XFD1048576', async () => {
        const o = await outcomeOf(e.id);
        if (o.template.status !== 0) return; // a refusal leaves the file as it was
        const failed = o.report!.losses.length + o.report!.integrity.length + (o.report!.schema?.length ?? 0);
        if (failed) throw new Error(`${e.id}:\n${formatReport(o.report!)}`);
      });
    });
  }
});
