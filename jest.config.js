/** @type {import('jest').Config} */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }];
module.exports = {
  testTimeout: 60000,
  // a worker that has run the LibreOffice and report suites holds a large heap; a fresh one keeps
  // the property tests that follow as fast as they are alone
  workerIdleMemoryLimit: '800MB',
  projects: [
    {
      displayName: 'core',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
    },
    {
      displayName: 'taskpane',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test'],
      setupFiles: ['<rootDir>/test/setup/jsdom.ts'],
      testMatch: ['**/*.test.tsx'],
      transform: { '^.+\\.tsx?$': tsJest },
    },
  ],
};
