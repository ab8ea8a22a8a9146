/**
 * manifest.xml: giltigt enligt Office-tilläggens XML-schema (offline med xmllint) och
 * deklarerar det Planrapport behöver. Ikonadresserna måste peka på filer i assets/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import { describeWithEngine } from './helpers/engines';

const ROOT = resolve(__dirname, '..');
const MANIFEST = join(ROOT, 'manifest.xml');
const SCHEMA = join(ROOT, 'test', 'schemas', 'office-addin-manifest', 'OfficeAppManifestV1_1.xsd');
const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};
const DEV_ORIGIN = 'https://localhost:3000';

const xml = readFileSync(MANIFEST, 'utf8');
const doc = new DOMParser().parseFromString(xml, 'text/xml');

function elements(ns: string, name: string): XmlElement[] {
  return Array.from(doc.getElementsByTagNameNS(ns, name));
}

function single(ns: string, name: string): XmlElement {
  const found = elements(ns, name);
  if (found.length !== 1) throw new Error(`Väntade exakt ett <${name}> i manifestet, hittade ${found.length}`);
  return found[0]!;
}

/** https://localhost:3000/assets/icon-32.png → <repo>/assets/icon-32.png */
function localFileFor(url: string): string {
  expect(url.startsWith(`${DEV_ORIGIN}/`)).toBe(true);
  return join(ROOT, ...new URL(url).pathname.split('/').filter(Boolean));
}

function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(buf.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describeWithEngine('manifest.xml mot XML-schemat (xmllint)', 'xmllint', (xmllint) => {
  it('är giltigt enligt OfficeAppManifestV1_1.xsd', () => {
    const res = spawnSync(xmllint, ['--noout', '--schema', SCHEMA, MANIFEST], { encoding: 'utf8' });
    expect(res.error).toBeUndefined();
    expect({ status: res.status, output: `${res.stderr}`.trim() }).toEqual({
      status: 0,
      output: `${MANIFEST} validates`,
    });
  });
});

describe('manifest.xml', () => {
  it('är ett Excel-tillägg i aktivitetsfönstret', () => {
    expect(doc.documentElement?.localName).toBe('OfficeApp');
    expect(doc.documentElement?.getAttributeNS(NS.xsi, 'type')).toBe('TaskPaneApp');
    const hosts = elements(NS.app, 'Host').map((h) => h.getAttribute('Name'));
    expect(hosts).toEqual(['Workbook']);
    const ovHosts = elements(NS.ov, 'Host').map((h) => h.getAttributeNS(NS.xsi, 'type'));
    expect(ovHosts).toEqual(['Workbook']);
  });

  it('AppDomains har Koladas API, så att aktivitetsfönstret kan hämta utfall därifrån', () => {
    const domains = elements(NS.app, 'AppDomain').map((d) => d.textContent?.trim());
    expect(domains).toContain('https://api.kolada.se');
    const { KOLADA_API } = jest.requireActual<typeof import('../src/hosts/kolada/koladaClient')>('../src/hosts/kolada/koladaClient');
    expect(domains).toContain(new URL(KOLADA_API).origin);
  });

  it('begär ReadWriteDocument och ExcelApi 1.8', () => {
    expect(single(NS.app, 'Permissions').textContent?.trim()).toBe('ReadWriteDocument');
    const sets = elements(NS.app, 'Set').map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')]);
    expect(sets).toContainEqual(['ExcelApi', '1.8']);
  });

  it('är på svenska och heter Planrapport', () => {
    expect(single(NS.app, 'DefaultLocale').textContent?.trim()).toBe('sv-SE');
    expect(single(NS.app, 'DisplayName').getAttribute('DefaultValue')).toBe('Planrapport');
    expect(single(NS.app, 'Id').textContent?.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  });

  it('har package.jsons version, med den fjärde del Office vill ha (0.1.0 → 0.1.0.0)', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const [, core] = /^(\d+\.\d+\.\d+)(?:[-+].*)?$/.exec(version) ?? [];
    expect(core).toBeDefined();
    expect(single(NS.app, 'Version').textContent?.trim()).toBe(`${core}.0`);
  });

  it('har en neutral utgivare, ingen person', () => {
    expect(single(NS.app, 'ProviderName').textContent?.trim()).toBe('Planrapport');
  });

  it('pekar SupportUrl och Kom igång-länken på hjälpsidan, på aktivitetsfönstrets ursprung', () => {
    const support = single(NS.app, 'SupportUrl').getAttribute('DefaultValue') ?? '';
    const learnMoreId = single(NS.ov, 'LearnMoreUrl').getAttribute('resid');
    const learnMore =
      elements(NS.bt, 'Url')
        .find((u) => u.getAttribute('id') === learnMoreId)
        ?.getAttribute('DefaultValue') ?? '';
    const taskpane = new URL(single(NS.app, 'SourceLocation').getAttribute('DefaultValue') ?? '');
    for (const url of [support, learnMore].map((u) => new URL(u))) {
      expect(url.origin).toBe(taskpane.origin);
      expect(url.pathname).toBe('/help.html');
    }
    expect(new URL(learnMore).hash).toBe('#kom-igang');
    // the page is built from src/help (test/help/helpBundle.test.ts builds it and follows the links)
    expect(existsSync(join(ROOT, 'src', 'help', 'template.ts'))).toBe(true);
  });

  it('har en knapp på fliken Start som öppnar aktivitetsfönstret', () => {
    expect(single(NS.ov, 'OfficeTab').getAttribute('id')).toBe('TabHome');
    const action = single(NS.ov, 'Action');
    expect(action.getAttributeNS(NS.xsi, 'type')).toBe('ShowTaskpane');
    expect(single(NS.ov, 'TaskpaneId').textContent?.trim()).toBe('ButtonId1');
    const strings = new Map(elements(NS.bt, 'String').map((s) => [s.getAttribute('id'), s.getAttribute('DefaultValue')] as const));
    expect(strings.get('TaskpaneButton.Label')).toBe('Öppna Planrapport');
  });

  it('refererar bara till resurser som finns', () => {
    const ids = new Set(
      [...elements(NS.bt, 'Image'), ...elements(NS.bt, 'Url'), ...elements(NS.bt, 'String')]
        .map((e) => e.getAttribute('id'))
        .filter((id): id is string => !!id),
    );
    const resids = Array.from(doc.getElementsByTagName('*'))
      .map((e) => e.getAttribute('resid'))
      .filter((r): r is string => !!r);
    expect(resids.length).toBeGreaterThan(0);
    expect(resids.filter((r) => !ids.has(r))).toEqual([]);
  });

  it('pekar aktivitetsfönstret på taskpane.html', () => {
    expect(single(NS.app, 'SourceLocation').getAttribute('DefaultValue')).toBe(`${DEV_ORIGIN}/taskpane.html`);
    expect(existsSync(join(ROOT, 'src', 'taskpane', 'taskpane.html'))).toBe(true);
  });

  it('har ikoner som finns i assets/ och har rätt storlek', () => {
    const icons: { url: string; size?: number }[] = [
      { url: single(NS.app, 'IconUrl').getAttribute('DefaultValue') ?? '', size: 32 },
      { url: single(NS.app, 'HighResolutionIconUrl').getAttribute('DefaultValue') ?? '', size: 64 },
    ];
    const resources = single(NS.bt, 'Images');
    const sizeById = new Map<string, number>();
    for (const img of Array.from(doc.getElementsByTagNameNS(NS.bt, 'Image'))) {
      const size = img.getAttribute('size');
      const resid = img.getAttribute('resid');
      if (size && resid) sizeById.set(resid, Number(size));
    }
    for (const img of Array.from(resources.getElementsByTagNameNS(NS.bt, 'Image'))) {
      const id = img.getAttribute('id') ?? '';
      const size = sizeById.get(id);
      icons.push({ url: img.getAttribute('DefaultValue') ?? '', ...(size ? { size } : {}) });
    }
    expect(icons.length).toBeGreaterThanOrEqual(5);
    for (const { url, size } of icons) {
      const file = localFileFor(url);
      expect(file.startsWith(join(ROOT, 'assets'))).toBe(true);
      if (!existsSync(file)) throw new Error(`${url} pekar på ${file}, som inte finns`);
      if (size !== undefined) expect({ url, ...pngSize(file) }).toEqual({ url, width: size, height: size });
    }
    // Knappens ikoner i alla storlekar Office använder: 16, 32 och 80 krävs, 20, 24, 40, 48 och 64 stöds.
    expect([...new Set(sizeById.values())].sort((a, b) => a - b)).toEqual([16, 20, 24, 32, 40, 48, 64, 80]);
    for (const icon of Array.from(doc.getElementsByTagNameNS(NS.ov, 'Icon'))) {
      const sizes = Array.from(icon.getElementsByTagNameNS(NS.bt, 'Image')).map((i) => Number(i.getAttribute('size')));
      expect(sizes).toEqual([16, 20, 24, 32, 40, 48, 64, 80]);
    }
  });
});
