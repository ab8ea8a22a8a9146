/**
 * The test suite in five projects (`npm test` runs them all; CI uses it):
 *
 *   unit      test/unit/**       the core on in-memory plans and snapshots: no exceljs, no .xlsx,
 *                                no CLI, no engines; seconds (`npm run test:unit`, jest.unit.config.mjs)
 *   core      the other node tests: the .xlsx adapter, the fake office-js host, the CLI, the
 *             report through docx, the manifest (`npm run test:fast` with unit and taskpane)
 *   taskpane  the task pane in jsdom (*.test.tsx)
 *   slow      fuzz, property and corpus tests (*.fuzz.test.ts, *.property.test.ts, preserve.corpus),
 *             and the task pane's payload on a production build (*.slow.test.ts)
 *   engines   LibreOffice (test/engines) and Chromium (test/browser); skipped with a notice when
 *             the programs are missing, failing under CI=true (test/helpers/engines.ts)
 *   e2e       the simulator in Chromium, end to end (test/e2e, `npm run test:e2e`); skipped or
 *             failing like engines
 *
 * `npx jest --selectProjects slow engines` runs a group; a path after `--selectProjects` is
 * taken as a project name, so put paths first: `npx jest test/cli --selectProjects core`.
 */
/** @type {import('jest').Config['transform']} */
const transform = { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }] };

const UNIT = ['<rootDir>/test/unit/'];
const SLOW = ['\\.slow\\.test\\.ts$', '\\.fuzz\\.test\\.ts$', '\\.property\\.test\\.ts$', '<rootDir>/test/hosts/preserve\\.corpus\\.test\\.ts$'];
const ENGINES = ['<rootDir>/test/engines/', '<rootDir>/test/browser/'];
const E2E = ['<rootDir>/test/e2e/'];

const unit = {
  displayName: 'unit',
  testEnvironment: 'node',
  // src/core as a root too, so that --coverage lists the core's files no unit test loads (at 0 %)
  roots: ['<rootDir>/test/unit', '<rootDir>/src/core'],
  testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
  // what makes the other projects slow cannot be loaded here (a test that tries fails, saying so)
  moduleNameMapper: {
    '^(exceljs|playwright-core)$': '<rootDir>/test/unit/setup/notHere.js',
    '/hosts/(xlsx|excel)/': '<rootDir>/test/unit/setup/notHere.js',
    '/src/(cli|simulator)/': '<rootDir>/test/unit/setup/notHere.js',
    '/helpers/(fixtures|exceljs|libreoffice|engines|cli|excelLike|packageCheck)$': '<rootDir>/test/unit/setup/notHere.js',
  },
  transform,
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  // a worker that has run the LibreOffice and report suites holds a large heap; a fresh one keeps
  // the property tests that follow as fast as they are alone
  workerIdleMemoryLimit: '800MB',
  // `--coverage`: the core (coverage/ is gitignored); `npm run test:coverage` for the unit layer's
  collectCoverageFrom: ['src/core/**/*.ts'],
  coverageReporters: ['text', 'text-summary', 'json-summary', 'html'],
  projects: [
    unit,
    {
      displayName: 'core',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...UNIT, ...SLOW, ...ENGINES, ...E2E],
      transform,
    },
    {
      displayName: 'taskpane',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test'],
      setupFiles: ['<rootDir>/test/setup/jsdom.ts'],
      testMatch: ['**/*.test.tsx'],
      transform,
    },
    {
      displayName: 'slow',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testRegex: SLOW.map((p) => p.replace('<rootDir>/', '/')),
      testPathIgnorePatterns: ['/node_modules/', ...ENGINES, ...E2E],
      transform,
    },
    {
      displayName: 'engines',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/engines', '<rootDir>/test/browser'],
      testMatch: ['**/*.test.ts'],
      transform,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/e2e'],
      testMatch: ['**/*.e2e.test.ts'],
      transform,
    },
  ],
};
