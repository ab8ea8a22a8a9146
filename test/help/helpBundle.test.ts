/**
 * help.html is in the bundle webpack builds (webpack.config.js as `npm run build` uses it), next to
 * taskpane.html, and the manifest's SupportUrl and "Kom igång" link lead to it, also in the manifest
 * a deployment build writes for its own address (PLANRAPPORT_PUBLIC_URL). The task pane's entry is
 * replaced by an empty module here, so the build takes seconds; test/browser builds the whole pane.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import webpack from 'webpack';
import { helpPage } from '../../src/help/helpPage';

const ROOT = path.resolve(__dirname, '..', '..');
const PUBLIC_URL = 'https://planrapport.example.se/tillagg';
const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
};

type ConfigFactory = (env: Record<string, unknown>, argv: { mode: string }) => Promise<webpack.Configuration>;

/** The values of the named attributes, quoted or not (the build minifies the page). */
const attributes = (html: string, names: string) =>
  Array.from(html.matchAll(new RegExp(`\\s(?:${names})=(?:"([^"]*)"|([^\\s>"]+))`, 'g')), (m) => m[1] ?? m[2]!);
const builtHelp = () => readFileSync(path.join(out, 'help.html'), 'utf8');

let work: string;
let out: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'planrapport-help-'));
  out = path.join(work, 'dist');
  const entry = path.join(work, 'empty.js');
  writeFileSync(entry, '');
  const saved = process.env.PLANRAPPORT_PUBLIC_URL;
  process.env.PLANRAPPORT_PUBLIC_URL = PUBLIC_URL;
  try {
    // webpack.config.js is CommonJS without types: loaded as webpack-cli loads it
    const makeConfig = createRequire(__filename)(path.join(ROOT, 'webpack.config.js')) as ConfigFactory;
    const config = await makeConfig({}, { mode: 'production' });
    config.entry = { taskpane: entry };
    config.output = { ...config.output, path: out };
    config.performance = { hints: false };
    const stats = await new Promise<webpack.Stats>((resolve, reject) => webpack(config, (err, s) => (err || !s ? reject(err) : resolve(s))));
    if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  } finally {
    if (saved === undefined) delete process.env.PLANRAPPORT_PUBLIC_URL;
    else process.env.PLANRAPPORT_PUBLIC_URL = saved;
  }
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the built bundle', () => {
  it('has help.html next to taskpane.html, rendered from src/help with the package version', () => {
    expect(existsSync(path.join(out, 'taskpane.html'))).toBe(true);
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    // the build minifies it: the same text, without the whitespace between the tags
    const words = (html: string) =>
      html
        .replace(/<style>[^]*<\/style>/, '')
        .replace(/<[^>]*>/g, ' ')
        .split(/\s+/)
        .filter(Boolean);
    expect(words(builtHelp())).toEqual(words(helpPage({ version })));
    expect(builtHelp()).toMatch(/<html lang="?sv"?>/);
  });

  it('has every file help.html refers to', () => {
    const refs = attributes(builtHelp(), 'src|href').filter((ref) => !ref.startsWith('#'));
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect({ ref, exists: existsSync(path.join(out, ref)) }).toEqual({ ref, exists: true });
  });

  it('has a manifest whose SupportUrl and Kom igång link point at help.html at the published address', () => {
    const doc = new DOMParser().parseFromString(readFileSync(path.join(out, 'manifest.xml'), 'utf8'), 'text/xml');
    const support = doc.getElementsByTagNameNS(NS.app, 'SupportUrl')[0]?.getAttribute('DefaultValue') ?? '';
    const resid = doc.getElementsByTagNameNS(NS.ov, 'LearnMoreUrl')[0]?.getAttribute('resid');
    const learnMore =
      Array.from(doc.getElementsByTagNameNS(NS.bt, 'Url'))
        .find((u) => u.getAttribute('id') === resid)
        ?.getAttribute('DefaultValue') ?? '';
    const ids = new Set(attributes(builtHelp(), 'id'));
    for (const url of [support, learnMore]) {
      expect(url.startsWith(`${PUBLIC_URL}/`)).toBe(true);
      const { pathname, hash } = new URL(url);
      const file = path.join(out, path.relative(new URL(PUBLIC_URL).pathname, pathname));
      expect({ url, exists: existsSync(file) }).toEqual({ url, exists: true });
      expect(path.basename(file)).toBe('help.html');
      if (hash) expect(ids.has(hash.slice(1))).toBe(true);
    }
    expect(readFileSync(path.join(out, 'manifest.xml'), 'utf8')).not.toContain('localhost');
  });
});
