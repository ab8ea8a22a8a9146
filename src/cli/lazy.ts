/**
 * The heavy modules (exceljs, docx, the report and the rules), loaded only once a command
 * has parsed its arguments and needs them, so that `--help` and usage errors start as fast
 * as node itself. `require` rather than `import()`: the CLI is CommonJS, and jest runs it
 * in-process without ESM support.
 */
/* eslint-disable @typescript-eslint/no-require-imports */

export function loadXlsxHost(): typeof import('../hosts/xlsx/xlsxHost').XlsxHost {
  return (require('../hosts/xlsx/xlsxHost') as typeof import('../hosts/xlsx/xlsxHost')).XlsxHost;
}

export function loadGenerate(): typeof import('../usecases/generate') {
  return require('../usecases/generate') as typeof import('../usecases/generate');
}

export function loadValidate(): typeof import('../usecases/validate') {
  return require('../usecases/validate') as typeof import('../usecases/validate');
}

export function loadTemplate(): typeof import('../usecases/template') {
  return require('../usecases/template') as typeof import('../usecases/template');
}

export function loadDemo(): typeof import('../demo/examples') & typeof import('../demo/buildWorkbook') {
  return {
    ...(require('../demo/examples') as typeof import('../demo/examples')),
    ...(require('../demo/buildWorkbook') as typeof import('../demo/buildWorkbook')),
  };
}

export function loadNextPeriod(): typeof import('../usecases/nextPeriod') & typeof import('../usecases/validate') {
  return {
    ...(require('../usecases/nextPeriod') as typeof import('../usecases/nextPeriod')),
    ...(require('../usecases/validate') as typeof import('../usecases/validate')),
  };
}

export function loadImports(): typeof import('../usecases/importValues') &
  typeof import('../core/kolada/kolada') &
  typeof import('../hosts/kolada/koladaClient') {
  return {
    ...(require('../usecases/importValues') as typeof import('../usecases/importValues')),
    ...(require('../core/kolada/kolada') as typeof import('../core/kolada/kolada')),
    ...(require('../hosts/kolada/koladaClient') as typeof import('../hosts/kolada/koladaClient')),
  };
}

export function loadAudit(): typeof import('../usecases/audit') {
  return require('../usecases/audit') as typeof import('../usecases/audit');
}
