/**
 * Real Excel accepts what the office-js adapter sends only if every Excel API member it uses is
 * in the ExcelApi requirement set the manifest declares (<Requirements><Sets>, 1.8): Excel that
 * supports 1.8 but not 1.9 installs the add-in and then fails on a 1.9 member at run time.
 * The members are found with the TypeScript type checker and their sets read from
 * @types/office-js's `[Api set: ExcelApi 1.x]` annotations (test/helpers/excelApiSets.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { compareVersions, excelApiMembers, memberTable, membersAbove, versionFor, type ApiMember } from '../helpers/excelApiSets';

const ROOT = path.resolve(__dirname, '..', '..');
const ADAPTER_DIR = path.join('src', 'hosts', 'excel');
/** Every TypeScript file of the adapter, also in folders it may grow. */
const ADAPTER = readdirSync(path.join(ROOT, ADAPTER_DIR), { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
  .map((f) => path.join(ADAPTER_DIR, f))
  .sort();
const FIXTURE = path.join('test', 'fixtures', 'excelApiAbove.ts');

/** The ExcelApi version manifest.xml requires (<Set Name="ExcelApi" MinVersion="1.8"/>). */
function manifestExcelApi(): string {
  const doc = new DOMParser().parseFromString(readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'), 'text/xml');
  const NS = 'http://schemas.microsoft.com/office/appforoffice/1.1';
  const requirements = Array.from(doc.getElementsByTagNameNS(NS, 'Requirements'));
  expect(requirements).toHaveLength(1);
  const sets = Array.from(requirements[0]!.getElementsByTagNameNS(NS, 'Set')).filter((s) => s.getAttribute('Name') === 'ExcelApi');
  expect(sets).toHaveLength(1);
  // without MinVersion the <Sets DefaultMinVersion> applies
  const defaults = Array.from(requirements[0]!.getElementsByTagNameNS(NS, 'Sets'))[0]?.getAttribute('DefaultMinVersion');
  return sets[0]!.getAttribute('MinVersion') || defaults || '1.1';
}

const names = (members: readonly ApiMember[]) => members.map((m) => m.name);

describe('the Excel API members the office-js adapter uses, against the manifest’s ExcelApi set', () => {
  const required = manifestExcelApi();
  let members: ApiMember[];
  beforeAll(() => {
    members = excelApiMembers(ADAPTER);
    const unannotated = members
      .filter((m) => m.source !== 'member')
      .map((m) => `  ${m.name}: ${m.source === 'type' ? `typens ${m.annotation}` : 'ExcelApi 1.1 (ingen annotering)'}`);
    console.log(
      `Excel-API i ${ADAPTER.join(', ')} (${members.length} medlemmar, manifestet kräver ExcelApi ${required}):\n\n${memberTable(members)}\n\n` +
        `Utan egen annotering:\n${unannotated.join('\n')}`,
    );
  });

  it('reads ExcelApi 1.8 from the manifest', () => {
    expect(required).toBe('1.8');
  });

  it('finds the members the adapter is known to need (the analysis sees through types, literals and load strings)', () => {
    expect(ADAPTER.map((f) => path.basename(f)).sort()).toEqual(expect.arrayContaining(['boot.ts', 'excelHost.ts']));
    expect(names(members)).toEqual(
      expect.arrayContaining([
        'Excel.run',
        'Excel.WorksheetCollection.getItemOrNullObject', // 1.4
        'Excel.Worksheet.getUsedRangeOrNullObject', // 1.4
        'Excel.Worksheet.getRangeByIndexes', // 1.7
        'Excel.WorksheetFreezePanes.freezeRows', // 1.7
        'Excel.ConditionalFormatCollection.add', // 1.6
        'Excel.ConditionalFormatType.custom', // add('Custom'): a string overload of the enum
        'Excel.Range.dataValidation', // 1.8
        'Excel.DataValidationRule.list', // an object literal's property
        'Excel.ListDataValidation.inCellDropDown', // nested in it
        'Excel.DataValidationAlertStyle.stop', // a const object's value assigned to an enum property
        'Excel.DataValidationOperator.between',
        'Excel.Range.valueTypes', // in load('values,formulas,valueTypes,…')
        'Excel.RangeValueType.empty', // compared: type === 'Empty'
        'Excel.WorksheetCollection.items', // load('items/name')
        'Excel.Worksheet.name',
        'Excel.SheetVisibility.hidden',
      ]),
    );
    expect(members.length).toBeGreaterThanOrEqual(80);
  });

  it('uses nothing above the manifest’s ExcelApi version', () => {
    const above = members.filter((m) => m.version === null || compareVersions(m.version, required) > 0);
    expect(above.map((m) => `${m.name} (${m.annotation}) ${m.uses.join(', ')}`)).toEqual([]);
    // and the manifest does not ask for more than it needs: something needs exactly its version
    const highest = members.map((m) => m.version!).reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b));
    expect(highest).toBe(required);
  });

  it('reports 1.9+ and desktop-only members when they are added (a fixture analysed with the adapter)', () => {
    const found = membersAbove([...ADAPTER, FIXTURE], required);
    console.log(`Över ExcelApi ${required} i adaptern + ${FIXTURE}:\n\n${memberTable(found)}`);
    expect(names(found).sort()).toEqual(
      [
        'Excel.AutoFilter.apply',
        'Excel.Range.find',
        'Excel.Range.formulaArray',
        'Excel.Range.getSpecialCells',
        'Excel.Range.getSpillingToRange',
        'Excel.Range.hasSpill',
        'Excel.SearchCriteria.completeMatch',
        'Excel.SpecialCellType.constants',
        'Excel.Worksheet.autoFilter',
      ].sort(),
    );
    for (const m of found) expect(m.uses.every((u) => u.startsWith('test/fixtures/excelApiAbove.ts:'))).toBe(true);
    expect(found.find((m) => m.name === 'Excel.Range.getSpillingToRange')?.version).toBe('1.12');
    expect(found.find((m) => m.name === 'Excel.Range.formulaArray')).toMatchObject({ version: null, annotation: 'ExcelApiDesktop 1.1' });
    // within the set: not reported, though analysed
    const all = names(excelApiMembers([FIXTURE]));
    expect(all).toEqual(expect.arrayContaining(['Excel.Worksheet.onChanged', 'Excel.WorksheetCollection.getActiveWorksheet']));
  });
});

describe('reading an [Api set] annotation', () => {
  it('takes the one version, the read or set version by the use, or the highest of several', () => {
    expect(versionFor('ExcelApi 1.4', 'call')).toBe('1.4');
    expect(versionFor('ExcelApi 1.1 for reading visibility; 1.2 for setting it.', 'read')).toBe('1.1');
    expect(versionFor('ExcelApi 1.1 for reading visibility; 1.2 for setting it.', 'write')).toBe('1.2');
    expect(versionFor('ExcelApi 1.1 for getting the name; 1.4 for setting it.', 'load')).toBe('1.1');
    expect(versionFor('ExcelApi 1.1 for get, 1.4 for set', 'write')).toBe('1.4');
    expect(versionFor('ExcelApi 1.1 for String,Integer,Double,Boolean,Range,Error; 1.7 for Array', 'write')).toBe('1.7');
    expect(versionFor('ExcelApiDesktop 1.1', 'read')).toBeNull();
    expect(versionFor('ExcelApiOnline 1.1', 'call')).toBeNull();
  });

  it('compares versions part by part (1.10 is above 1.9)', () => {
    expect(compareVersions('1.10', '1.9')).toBeGreaterThan(0);
    expect(compareVersions('1.8', '1.8')).toBe(0);
    expect(compareVersions('1.4', '1.8')).toBeLessThan(0);
  });
});
