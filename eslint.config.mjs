// ESLint 9 (flat config) för Planrapport.
//   npm run lint   =   eslint .  &&  tsc --noEmit -p tsconfig.json
import { defineConfig, globalIgnores } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// Node-globaler för CommonJS-skript (bin/, scripts/, webpack.config.js, jest.config.js).
const nodeGlobals = Object.fromEntries(
  [
    'require',
    'module',
    'exports',
    '__dirname',
    '__filename',
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'TextEncoder',
    'TextDecoder',
    'AbortController',
    'fetch',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'clearImmediate',
    'queueMicrotask',
    'structuredClone',
    'globalThis',
  ].map((name) => [name, 'readonly']),
);

// Arkitekturvakt: bara office-js-adaptern (src/hosts/excel/**) får röra office-js.
// Övriga delar går via WorkbookHost-porten (src/hosts/port.ts).
const officeJsGuard = ['Excel', 'Office', 'OfficeExtension'].map((name) => ({
  name,
  message: `${name} (office-js) får bara användas i src/hosts/excel/** – gå via WorkbookHost-porten i src/hosts/port.ts.`,
}));

// Arkitekturvakt: data flödar åt ett håll (README, Architecture). Kärnan (src/core) är ren och
// importerar aldrig adaptrar, use-cases, task pane, CLI eller demo; layouten känner inte
// arbetsbokskoden; bladen (values, cells, findings, model) importerar bara varandra.
const CORE_IS_PURE = {
  group: ['**/hosts', '**/hosts/**', '**/usecases', '**/usecases/**', '**/taskpane', '**/taskpane/**', '**/cli', '**/cli/**', '**/demo', '**/demo/**'],
  message: 'src/core är ren: den importerar inte src/hosts, src/usecases, src/taskpane, src/cli eller src/demo (de importerar kärnan).',
};
const LAYOUT_BEFORE_WORKBOOK = {
  group: ['**/workbook/**', '**/rules/**', '**/report/**', '**/derive/**'],
  message: 'Layouten (src/core/layout) är deklarationen som arbetsbokskoden, reglerna och rapporten läser; den importerar inte dem.',
};
const LEAVES = {
  group: ['**/workbook/**', '**/rules/**', '**/report/**', '**/derive/**', '**/layout/**'],
  message: 'values, cells, findings och model är löv: de importerar bara varandra.',
};
// Rapporten: modellen (src/core/report utom docx/ och pages/: byggaren, dispositionen, blocken,
// kolumnerna, sidmåtten) byggs före renderaren (report/docx) och sidberäkningen (report/pages),
// som båda läser den; den importerar inte dem, och inte docx-biblioteket.
const REPORT_MODEL_BEFORE_RENDERER = {
  group: ['docx', 'docx/**', '**/docx', '**/docx/**', '**/pages', '**/pages/**'],
  message:
    'Rapportmodellen (src/core/report utom docx/ och pages/) importerar inte renderaren (report/docx), sidberäkningen (report/pages) eller docx; sidmåtten finns i report/metrics.ts.',
};
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default defineConfig([
  globalIgnores(['dist/', '.simulator/', 'lib/', 'node_modules/', 'coverage/', 'demo-output/', 'test-output/']),

  js.configs.recommended,

  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },

  {
    files: ['**/*.tsx'],
    extends: [reactHooks.configs.flat.recommended],
  },

  {
    files: ['scripts/**/*.js', 'bin/**/*.js', 'bench/**/*.js', 'webpack.config.js', 'jest.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
  },

  { files: ['src/core/**/*.ts'], rules: restrict(CORE_IS_PURE) },
  { files: ['src/core/layout/**/*.ts'], rules: restrict(CORE_IS_PURE, LAYOUT_BEFORE_WORKBOOK) },
  { files: ['src/core/{values,cells,findings,model}/**/*.ts'], rules: restrict(CORE_IS_PURE, LEAVES) },
  {
    files: ['src/core/report/**/*.ts'],
    ignores: ['src/core/report/docx/**', 'src/core/report/pages/**'],
    rules: restrict(CORE_IS_PURE, REPORT_MODEL_BEFORE_RENDERER),
  },

  {
    files: ['src/**/*.{ts,tsx}'],
    // the adapter, and the simulator's office-js stand-in (which speaks office-js's types to it)
    ignores: ['src/hosts/excel/**', 'src/simulator/**'],
    rules: {
      'no-restricted-globals': ['error', ...officeJsGuard],
      // Även typer som Excel.Range eller Office.Context hör hemma i adaptern.
      'no-restricted-syntax': [
        'error',
        {
          selector: "TSQualifiedName[left.type='Identifier'][left.name=/^(Excel|Office|OfficeExtension)$/]",
          message: 'office-js-typer (Excel.*, Office.*) får bara användas i src/hosts/excel/**.',
        },
      ],
    },
  },
]);
