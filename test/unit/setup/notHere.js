// The unit layer runs the core alone: what is mapped to this module (jest.config.js, project
// `unit`) belongs to the slower projects. Build workbooks with test/helpers/snapshot.ts.
throw new Error(
  'test/unit: no exceljs, .xlsx or office-js adapter, CLI or engine here. Use snapshotOf/templatedSnapshot (test/helpers/snapshot.ts), or put the test under test/core, test/hosts or test/engines.',
);
