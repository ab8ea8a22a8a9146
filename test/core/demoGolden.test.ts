/**
 * The demo workbooks and reports stay what they are: every part of each templated demo
 * workbook (but its creation time) and each report's word/*.xml are compared with the
 * copies in test/golden/demo. A deliberate change is recorded with
 *   UPDATE_GOLDEN=1 npx jest test/core/demoGolden.test.ts
 * and the diff of test/golden reviewed like code.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import JSZip from 'jszip';
import { buildExampleWorkbook } from '../../src/demo/buildWorkbook';
import { EXAMPLES, loadTranscription } from '../../src/demo/examples';
import { generateReport } from '../../src/usecases/generate';

const GOLDEN = path.join(__dirname, '..', 'golden', 'demo');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

/** Parts that change with every run (the workbook's creation time). */
const VOLATILE = new Set(['docProps/core.xml']);

function fileName(part: string): string {
  return `${part.replace(/[[\]]/g, '').replace(/\//g, '__')}.gz`;
}

async function partsOf(bytes: Uint8Array, only?: RegExp): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir || VOLATILE.has(name) || (only && !only.test(name))) continue;
    out.set(name, await file.async('string'));
  }
  return out;
}

describe('the demo workbooks and reports are unchanged', () => {
  test.each(EXAMPLES.map((e) => [e.slug, e] as const))('%s', async (slug, example) => {
    const host = await buildExampleWorkbook(loadTranscription(example.file));
    const workbook = await partsOf(await host.toBuffer());
    const report = await partsOf((await generateReport(host)).bytes, /^word\/[^/]+\.xml$/);
    const actual = new Map<string, string>([
      ...[...workbook].map(([k, v]) => [`xlsx/${k}`, v] as const),
      ...[...report].map(([k, v]) => [`docx/${k}`, v] as const),
    ]);
    const dir = path.join(GOLDEN, slug);
    if (UPDATE) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      for (const [part, text] of actual) writeFileSync(path.join(dir, fileName(part)), gzipSync(Buffer.from(text, 'utf8'), { level: 9 }));
      return;
    }
    expect(existsSync(dir)).toBe(true);
    const stored = new Set(readdirSync(dir));
    expect([...actual.keys()].map(fileName).sort()).toEqual([...stored].sort());
    for (const [part, text] of actual) {
      const golden = gunzipSync(readFileSync(path.join(dir, fileName(part)))).toString('utf8');
      if (text !== golden) {
        // the first difference, with some context, instead of a megabyte of XML
        let i = 0;
        while (i < text.length && text[i] === golden[i]) i++;
        throw new Error(
          `${slug} ${part} differs at character ${i}:\n  was: …${golden.slice(Math.max(0, i - 120), i + 120)}…\n  now: …${text.slice(Math.max(0, i - 120), i + 120)}…`,
        );
      }
    }
  });
});
