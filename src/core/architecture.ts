/**
 * The architecture rules over the source files (npm run check:architecture): a module is used by others only through
 * its public entry, no import circle (type-only imports included), and SQL only in query files. Imports are checked
 * by dependency-cruiser; SQL by walking the TypeScript syntax tree, so comments and strings never count.
 * A "module" is the first folder under src/modules; its sub-folders may import each other freely.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import ts from 'typescript';

/** The folders checked, relative to the project root; a missing one is skipped. */
export const checkedFolders = ['src', 'bench', 'scripts', 'tests', 'migrations'];

const publicEntry = '^src/modules/[^/]+/(index\\.tsx?|service\\.ts|types\\.ts)$';
/** What another module's tests may use besides its public entry: its test builders. */
const testEntry = '^src/modules/[^/]+/test-support\\.ts$';
const testFile = '\\.test\\.tsx?$';
/** Test code: test files, per-module test builders, the shared test scaffolding and the browser journeys. */
const testCode = [testFile, '(^|/)test-support\\.ts$', '^src/core/testing/', '^tests/'];
const inAModule = '^src/modules/[^/]+/';
/** The list of every module, which the composition root and whole-platform tests start from. */
const moduleList = '^src/modules/index\\.ts$';

export const importRules: IForbiddenRuleType[] = [
  {
    name: 'module-boundary',
    comment: 'A module uses another only through its index, service or types at the top of its folder.',
    severity: 'error',
    from: { path: '^src/modules/([^/]+)/', pathNot: testCode },
    to: { path: '^src/modules/', pathNot: ['^src/modules/$1/', publicEntry] },
  },
  {
    name: 'module-boundary',
    comment: "A module's tests may also use another module's test builders.",
    severity: 'error',
    from: { path: '^src/modules/([^/]+)/(.*\\.test\\.tsx?|test-support\\.ts|.*/test-support\\.ts)$' },
    to: { path: '^src/modules/', pathNot: ['^src/modules/$1/', publicEntry, testEntry] },
  },
  {
    name: 'core-independent-of-modules',
    comment: 'Core is the plumbing every module stands on; it knows no module (its test scaffolding aside).',
    severity: 'error',
    from: { path: '^src/core/', pathNot: [...testCode, '^src/core/db/schema\\.ts$'] },
    to: { path: '^src/modules/' },
  },
  {
    name: 'core-independent-of-modules',
    comment: "The one database type is the sum of the modules' row types, so it may read their tables.ts and nothing else.",
    severity: 'error',
    from: { path: '^src/core/db/schema\\.ts$' },
    to: { path: '^src/modules/', pathNot: '^src/modules/[^/]+/tables\\.ts$' },
  },
  {
    name: 'public-entries-only',
    comment: 'The composition root (src/*.ts, src/modules/index.ts), bench, scripts and migrations use modules as any other module would.',
    severity: 'error',
    from: { pathNot: [inAModule, '^src/core/', ...testCode] },
    to: { path: '^src/modules/', pathNot: [publicEntry, moduleList] },
  },
  {
    name: 'public-entries-only',
    comment: "Test code outside the modules uses a module's public entry and its test builders.",
    severity: 'error',
    from: { path: testCode, pathNot: inAModule },
    to: { path: '^src/modules/', pathNot: [publicEntry, moduleList, testEntry] },
  },
  {
    name: 'no-cycle',
    comment: 'Import circles, type-only ones included, tie modules into one knot that cannot be split or loaded in order.',
    severity: 'error',
    from: {},
    to: { circular: true },
  },
];

/** Where SQL may be written: query files, the database plumbing, migrations, and test and benchmark set-up. */
const sqlAllowed = [
  /(^|\/)queries\.ts$/,
  /-queries\.ts$/,
  /(^|\/)queries\//,
  /^src\/core\/db\//,
  /^migrations\//,
  /^bench\//,
  ...testCode.map((pattern) => new RegExp(pattern)),
];

/** Kysely's statement builders: a call to one of these starts a query. */
const statementBuilders = new Set(['selectFrom', 'selectNoFrom', 'insertInto', 'replaceInto', 'updateTable', 'deleteFrom', 'mergeInto']);
/** Common table expressions start with a name (`db.with('recent', …)`); Array#with starts with an index. */
const expressionBuilders = new Set(['with', 'withRecursive']);

export type ArchitectureRule = 'module-boundary' | 'core-independent-of-modules' | 'public-entries-only' | 'no-cycle' | 'sql-outside-queries';

export interface Violation {
  rule: ArchitectureRule;
  /** The file at fault, relative to the project root. */
  file: string;
  /** What it imports, the circle it closes, or the SQL it writes with its line. */
  detail: string;
}

export async function checkArchitecture(root: string): Promise<Violation[]> {
  const files = checkedFolders.flatMap((folder) => sourceFiles(root, folder));
  const folders = checkedFolders.filter((folder) => files.some((file) => file.startsWith(`${folder}/`)));
  return [...(await importViolations(root, folders)), ...sqlViolations(root, files)];
}

async function importViolations(root: string, folders: string[]): Promise<Violation[]> {
  const { output } = await cruise(folders, {
    baseDir: root,
    validate: true,
    ruleSet: { forbidden: importRules },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
  });
  const result = output as ICruiseResult;
  const seenCycles = new Set<string>();
  const violations: Violation[] = [];
  for (const violation of result.summary.violations) {
    const rule = violation.rule.name as ArchitectureRule;
    if (!violation.cycle) {
      violations.push({ rule, file: violation.from, detail: `imports ${violation.to}` });
      continue;
    }
    // dependency-cruiser reports a circle once from each file in it; one report per circle is enough.
    const circle = [violation.from, ...violation.cycle.map((step) => step.name)].slice(0, -1);
    const start = circle.indexOf([...circle].sort()[0] as string);
    const ordered = [...circle.slice(start), ...circle.slice(0, start)];
    const key = ordered.join(' → ');
    if (seenCycles.has(key)) continue;
    seenCycles.add(key);
    violations.push({ rule, file: ordered[0] as string, detail: `closes the circle ${key} → ${ordered[0]}` });
  }
  return violations;
}

function sourceFiles(root: string, folder: string): string[] {
  if (!existsSync(path.join(root, folder))) return [];
  return readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.parentPath.split(path.sep).includes('node_modules'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

function sqlViolations(root: string, files: string[]): Violation[] {
  return files
    .filter((file) => !sqlAllowed.some((pattern) => pattern.test(file)))
    .flatMap((file) => {
      const statements = sqlIn(file, readFileSync(path.join(root, file), 'utf8'));
      if (statements.length === 0) return [];
      const byLine = new Map<number, Set<string>>();
      for (const { line, what } of statements) byLine.set(line, (byLine.get(line) ?? new Set()).add(what));
      const lines = [...byLine].map(([line, what]) => `${line} (${[...what].join(', ')})`);
      return [{ rule: 'sql-outside-queries' as const, file, detail: `writes SQL on line ${lines.join(', ')}` }];
    });
}

export interface SqlFound {
  line: number;
  /** The kind of SQL: sql`, sql.ref, .selectFrom … */
  what: string;
}

/** Each piece of SQL a source file writes: a `sql` template or helper imported from kysely, or a statement builder call. */
export function sqlIn(fileName: string, text: string): SqlFound[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const sqlTags = kyselySqlNames(source);
  const found: SqlFound[] = [];
  const report = (node: ts.Node, what: string) => found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, what });
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && sqlTags.has(node.tag.text)) report(node, 'sql`');
    else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const { expression: receiver, name } = node.expression;
      if (ts.isIdentifier(receiver) && sqlTags.has(receiver.text)) report(node, `sql.${name.text}`);
      else if (statementBuilders.has(name.text) || (expressionBuilders.has(name.text) && startsWithAName(node))) report(node, `.${name.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function kyselySqlNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || statement.moduleSpecifier.text !== 'kysely') continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) if ((element.propertyName ?? element.name).text === 'sql') names.add(element.name.text);
  }
  return names;
}

function startsWithAName(call: ts.CallExpression): boolean {
  const first = call.arguments[0];
  return first !== undefined && (ts.isStringLiteralLike(first) || ts.isArrowFunction(first) || ts.isFunctionExpression(first));
}

/** Groups violations by the module (or top folder) of the file at fault, for a report a person can work through. */
export function formatViolations(violations: Violation[]): string {
  const groups = new Map<string, Violation[]>();
  for (const violation of violations) {
    // A circle belongs to every file in it, so circles are listed together.
    const owner = violation.rule === 'no-cycle' ? 'import circles' : ownerOf(violation.file);
    groups.set(owner, [...(groups.get(owner) ?? []), violation]);
  }
  return [...groups.keys()]
    .sort()
    .map((owner) => {
      const lines = (groups.get(owner) ?? []).map((violation) => `  ${violation.rule}: ${violation.file} ${violation.detail}`).sort();
      return `${owner} (${lines.length})\n${lines.join('\n')}`;
    })
    .join('\n\n');
}

function ownerOf(file: string): string {
  const [top, second, third] = file.split('/');
  if (top === 'src' && second === 'modules' && third && file.split('/').length > 3) return `modules/${third}`;
  if (top === 'src' && second && file.split('/').length > 2) return second;
  return top === 'src' ? 'composition root (src/*.ts)' : (top as string);
}
