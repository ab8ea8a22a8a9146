/**
 * Which Excel API members a set of TypeScript files uses, and the ExcelApi requirement set each
 * belongs to, read from @types/office-js's `[Api set: ExcelApi 1.x]` annotations.
 *
 * A TypeScript program with a type checker over the files finds, for every use whose symbol is
 * declared in office-js's `Excel` namespace:
 * - property accesses and calls (`range.format.fill.color = …`, `sheet.getUsedRangeOrNullObject()`),
 *   whatever type they are reached through (Excel.Range, Excel.Worksheet, Excel.DataValidation …),
 *   and names taken apart in destructuring;
 * - the properties of object literals sent to Excel (`dv.rule = { list: { inCellDropDown, source } }`);
 * - the property paths in `load('values,formulas')` / `load('items/name')` strings;
 * - enum values, also written as string literals (`add('Custom')`, `visibility = 'Hidden'`,
 *   `valueTypes[i][j] === 'Empty'`, a const object's values assigned to an enum-typed property).
 *
 * A member's set is its own annotation; without one, its declaring class's, interface's or enum's
 * annotation; without that, ExcelApi 1.1 (`Excel.run` and the `load` overloads have none: they are
 * part of the API since 1.1). An annotation that names one version for reading and another for
 * setting ("1.1 for reading visibility; 1.2 for setting it", "1.1 for get, 1.4 for set") is read
 * by the use; any other annotation that names several versions counts with the highest. A member
 * whose annotation names no ExcelApi set (ExcelApiDesktop, ExcelApiOnline, a preview) is never
 * within a version.
 */
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');
const OFFICE_JS = path.join('node_modules', '@types', 'office-js', 'index.d.ts');

export type Access = 'call' | 'read' | 'write' | 'load' | 'value';

export interface ApiMember {
  /** Fully qualified: `Excel.Range.getUsedRangeOrNullObject`, `Excel.SheetVisibility.hidden`. */
  name: string;
  /** The set that decides, `1.4`; null when the annotation names no ExcelApi set. */
  version: string | null;
  /** Where the version came from: the member's annotation, its declaring type's, or the default (1.1). */
  source: 'member' | 'type' | 'default';
  /** The annotation text (`ExcelApi 1.1 for reading visibility; 1.2 for setting it.`), if any. */
  annotation?: string;
  /** How the files use it (a property both read and written is judged by both). */
  access: Access[];
  /** `src/hosts/excel/excelHost.ts:42`, every place it is used. */
  uses: string[];
}

/** `1.10` > `1.9`: versions compare part by part. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

const maxVersion = (versions: string[]) => versions.reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b));

/** The `[Api set: …]` text in a declaration's JSDoc, if any. */
function apiSetAnnotation(node: ts.Node): string | undefined {
  const text = node.getSourceFile().getFullText();
  for (const range of ts.getLeadingCommentRanges(text, node.getFullStart()) ?? []) {
    const match = /\[Api set: ([^\]]*)\]/.exec(text.slice(range.pos, range.end));
    if (match) return match[1]!.replace(/\s+/g, ' ').trim();
  }
  return undefined;
}

/**
 * The version an annotation requires for a use: `ExcelApi 1.4` → 1.4; read/set forms by the
 * access; other forms with several versions → the highest; null if it names no ExcelApi set.
 */
export function versionFor(annotation: string, access: Access): string | null {
  if (!/^ExcelApi \d/.test(annotation)) return null;
  const versions = [...annotation.matchAll(/\b(\d+\.\d+)\b/g)].map((m) => m[1]!);
  const getSet =
    /^ExcelApi (\d+\.\d+) for (?:get|reading [^;,]*|getting [^;,]*)[;,] (\d+\.\d+) for (?:set|setting)/.exec(annotation) ??
    /^ExcelApi (\d+\.\d+) for (?:get)[;,] (\d+\.\d+) for (?:set)/.exec(annotation);
  if (getSet) return access === 'write' ? getSet[2]! : getSet[1]!;
  return maxVersion(versions);
}

function isOfficeJs(decl: ts.Declaration): boolean {
  return decl.getSourceFile().fileName.replace(/\\/g, '/').endsWith(OFFICE_JS.replace(/\\/g, '/'));
}

/** The compiler options of tsconfig.json (office-js types included). */
function compilerOptions(): ts.CompilerOptions {
  const configFile = path.join(ROOT, 'tsconfig.json');
  const { config } = ts.readConfigFile(configFile, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, ROOT, undefined, configFile);
  return { ...parsed.options, noEmit: true };
}

/** Every Excel API member the files use, sorted by name. Throws if the files do not compile. */
export function excelApiMembers(files: readonly string[]): ApiMember[] {
  const program = ts.createProgram(
    files.map((f) => path.resolve(ROOT, f)),
    compilerOptions(),
  );
  const errors = ts.getPreEmitDiagnostics(program).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length) throw new Error(ts.formatDiagnostics(errors, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => '\n' }));
  const checker = program.getTypeChecker();
  const found = new Map<string, { symbol: ts.Symbol; access: Set<Access>; uses: Set<string> }>();

  const excelDeclaration = (symbol: ts.Symbol | undefined): boolean => {
    const decls = symbol?.declarations ?? [];
    return decls.length > 0 && decls.every(isOfficeJs) && checker.getFullyQualifiedName(symbol!).startsWith('Excel.');
  };

  const record = (symbol: ts.Symbol | undefined, access: Access, at: ts.Node) => {
    if (!symbol || !excelDeclaration(symbol)) return;
    const name = checker.getFullyQualifiedName(symbol);
    const entry = found.get(name) ?? { symbol, access: new Set<Access>(), uses: new Set<string>() };
    entry.access.add(access);
    const sf = at.getSourceFile();
    entry.uses.add(`${path.relative(ROOT, sf.fileName).replace(/\\/g, '/')}:${sf.getLineAndCharacterOfPosition(at.getStart()).line + 1}`);
    found.set(name, entry);
  };

  /** Union members (or the type itself), without undefined/null. */
  const parts = (type: ts.Type): ts.Type[] => (type.isUnion() ? type.types : [type]);

  /** String-literal values of a type mapped to the Excel enum members an expected type allows. */
  const recordEnumValues = (actual: ts.Type, expected: ts.Type, at: ts.Node) => {
    const members = new Map<string, ts.Symbol>();
    for (const t of parts(expected)) {
      if (t.flags & ts.TypeFlags.EnumLiteral && t.isStringLiteral() && t.symbol && excelDeclaration(t.symbol)) members.set(t.value, t.symbol);
    }
    if (!members.size) return;
    for (const t of parts(actual)) {
      if (t.isStringLiteral()) record(members.get(t.value), 'value', at);
    }
  };

  /** The property `name` of an (object) type, looked up in each part of a union. */
  const propertyOf = (type: ts.Type, name: string): ts.Symbol[] =>
    parts(checker.getNonNullableType(type))
      .map((t) => checker.getPropertyOfType(t, name))
      .filter((s): s is ts.Symbol => !!s);

  /** `load('values,formulas')`, `load('items/name')`, `load(['a', 'b'])`: each path against the receiver's type. */
  const recordLoadPaths = (receiver: ts.Type, arg: ts.Expression, at: ts.Node) => {
    const strings: string[] = [];
    if (ts.isStringLiteralLike(arg)) strings.push(arg.text);
    else if (ts.isArrayLiteralExpression(arg)) for (const e of arg.elements) if (ts.isStringLiteralLike(e)) strings.push(e.text);
    for (const p of strings
      .flatMap((s) => s.split(','))
      .map((s) => s.trim())
      .filter(Boolean)) {
      let types = [receiver];
      for (const segment of p.split('/')) {
        const props = types.flatMap((t) => propertyOf(t, segment));
        if (!props.length) throw new Error(`${at.getSourceFile().fileName}: load('${p}'): ${checker.typeToString(types[0]!)} har ingen egenskap ${segment}`);
        for (const prop of props) record(prop, 'load', at);
        types = props.map((prop) => {
          const t = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(prop, at));
          return checker.getIndexTypeOfType(t, ts.IndexKind.Number) ?? t;
        });
      }
    }
  };

  const accessOf = (node: ts.Expression): Access => {
    const parent = node.parent;
    if (ts.isCallExpression(parent) && parent.expression === node) return 'call';
    if (
      ts.isBinaryExpression(parent) &&
      parent.left === node &&
      parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment
    )
      return 'write';
    return 'read';
  };

  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node)) {
      record(checker.getSymbolAtLocation(node.name), accessOf(node), node.name);
    } else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
      record(checker.getSymbolAtLocation(node.argumentExpression), accessOf(node), node.argumentExpression);
    } else if (ts.isObjectLiteralExpression(node)) {
      const contextual = checker.getContextualType(node);
      if (contextual) {
        for (const prop of node.properties) {
          if (!prop.name || !(ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name))) continue;
          for (const symbol of propertyOf(contextual, prop.name.text)) record(symbol, 'write', prop.name);
        }
      }
    } else if (ts.isObjectBindingPattern(node)) {
      const type = checker.getTypeAtLocation(node);
      for (const element of node.elements) {
        const name = element.propertyName ?? element.name;
        if (ts.isIdentifier(name)) for (const symbol of propertyOf(type, name.text)) record(symbol, 'read', name);
      }
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'load') {
      if (excelDeclaration(checker.getSymbolAtLocation(node.expression.name)) && node.arguments[0]) {
        recordLoadPaths(checker.getTypeAtLocation(node.expression.expression), node.arguments[0], node);
      }
    } else if (
      ts.isBinaryExpression(node) &&
      [
        ts.SyntaxKind.EqualsEqualsEqualsToken,
        ts.SyntaxKind.ExclamationEqualsEqualsToken,
        ts.SyntaxKind.EqualsEqualsToken,
        ts.SyntaxKind.ExclamationEqualsToken,
      ].includes(node.operatorToken.kind)
    ) {
      const left = checker.getTypeAtLocation(node.left);
      const right = checker.getTypeAtLocation(node.right);
      recordEnumValues(right, left, node.right);
      recordEnumValues(left, right, node.left);
    }
    if (ts.isCallExpression(node) && node.arguments.length) {
      // an overloaded method takes the enum in one signature and its values as strings in another
      // (`add(type: Excel.ConditionalFormatType)`, `add(type: "Custom" | …)`): every overload's parameter
      for (const signature of checker.getTypeAtLocation(node.expression).getCallSignatures()) {
        node.arguments.forEach((arg, i) => {
          const param = signature.getParameters()[i];
          if (param) recordEnumValues(checker.getTypeAtLocation(arg), checker.getTypeOfSymbolAtLocation(param, arg), arg);
        });
      }
    }
    if (ts.isExpression(node) && !ts.isObjectLiteralExpression(node)) {
      const contextual = checker.getContextualType(node);
      if (contextual) recordEnumValues(checker.getTypeAtLocation(node), contextual, node);
    }
    ts.forEachChild(node, visit);
  };

  const wanted = new Set(files.map((f) => path.resolve(ROOT, f)));
  for (const sf of program.getSourceFiles()) if (wanted.has(path.resolve(sf.fileName))) visit(sf);

  return [...found.entries()]
    .map(([name, { symbol, access, uses }]) => {
      const decls = symbol.declarations ?? [];
      const own = decls.map(apiSetAnnotation).find(Boolean);
      const declaringType = decls.map((d) => d.parent).find((p) => ts.isClassDeclaration(p) || ts.isInterfaceDeclaration(p) || ts.isEnumDeclaration(p));
      const inherited = declaringType ? apiSetAnnotation(declaringType) : undefined;
      const annotation = own ?? inherited;
      const accesses = [...access].sort();
      const version = annotation
        ? accesses.map((a) => versionFor(annotation, a)).reduce<string | null>((a, b) => (a === null || b === null ? null : maxVersion([a, b])), '1.1')
        : '1.1';
      const member: ApiMember = { name, version, source: own ? 'member' : inherited ? 'type' : 'default', access: accesses, uses: [...uses].sort() };
      if (annotation) member.annotation = annotation;
      return member;
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The members used above `version` (or in no ExcelApi set at all). */
export function membersAbove(files: readonly string[], version: string): ApiMember[] {
  return excelApiMembers(files).filter((m) => m.version === null || compareVersions(m.version, version) > 0);
}

/** The members as a text table: name, set, where the set came from, how it is used. */
export function memberTable(members: readonly ApiMember[]): string {
  const rows = members.map((m) => [
    m.name,
    m.version === null ? `– (${m.annotation})` : `ExcelApi ${m.version}`,
    m.source === 'member' ? 'medlemmen' : m.source === 'type' ? 'typen' : 'standard 1.1',
    m.access.join(', '),
  ]);
  const head = ['medlem', 'krav', 'kravet från', 'används som'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
