/**
 * The arrows of README's architecture map are enforced by `npm run lint` (eslint's
 * no-restricted-imports in eslint.config.mjs): an import against them fails the build.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const ESLINT = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

/** What eslint, as `npm run lint` runs it, says about `code` placed in `file`. */
async function restricted(file: string, code: string): Promise<string[]> {
  const r = spawnSync(process.execPath, [ESLINT, '--stdin', '--stdin-filename', file, '--format', 'json'], { cwd: ROOT, input: code, encoding: 'utf8' });
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('npm run lint enforces the one-way flow', () => {
  test.each([
    ['src/core/rules/x.ts', "import { XlsxHost } from '../../hosts/xlsx/xlsxHost';"],
    ['src/core/report/x.ts', "import { App } from '../../taskpane/App';"],
    ['src/core/workbook/x.ts', "import { validateWorkbook } from '../../usecases/validate';"],
    ['src/core/layout/x.ts', "import { readPlan } from '../workbook/readPlan';"],
    ['src/core/values/x.ts', "import { validate } from '../rules/validate';"],
    ['src/core/model/x.ts', "import { SHEETS } from '../layout/layout';"],
    // the report model (everything in src/core/report but docx/ and pages/) before the renderer and the estimator
    ['src/core/report/build.ts', "import { SIZE } from './docx/style';"],
    ['src/core/report/blocks/x.ts', "import { BLOCK_RENDERERS } from '../docx/document';"],
    ['src/core/report/outline.ts', "import { estimateTocPages } from './pages/pager';"],
    ['src/core/report/columns.ts', "import { Paragraph } from 'docx';"],
  ])('%s: %s is refused', async (file, code) => {
    expect(await restricted(file, `${code}\nexport const x = 1;\n`)).toHaveLength(1);
  });

  test.each([
    ['src/core/rules/x.ts', "import { SHEETS } from '../layout/layout';"],
    ['src/core/workbook/x.ts', "import { finding } from '../findings/finding';"],
    ['src/hosts/xlsx/x.ts', "import { readPlan } from '../../core/workbook/readPlan';"],
    ['src/core/report/blocks/x.ts', "import { METRICS } from '../metrics';"],
    ['src/core/report/docx/x.ts', "import { estimateTocPages } from '../pages/pager';"],
    ['src/core/report/docx/x.ts', "import { Paragraph } from 'docx';"],
    ['src/core/report/pages/x.ts', "import { METRICS } from '../metrics';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await restricted(file, `${code}\nexport const x = 1;\n`)).toEqual([]);
  });
});
