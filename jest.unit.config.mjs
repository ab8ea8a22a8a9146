/**
 * The unit layer alone (`npm run test:unit`): the `unit` project of jest.config.js with its
 * global options, as a config of its own so that paths and flags can follow the script
 * (`npm run test:unit -- test/unit/values --coverage`).
 */
import config from './jest.config.js';

const { projects, ...global } = config;

/** @type {import('jest').Config} */
export default { ...global, ...projects.find((p) => p.displayName === 'unit') };
