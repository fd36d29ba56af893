// What the authorization matrix is about, read with the TypeScript compiler rather than patterns: every Server Action
// (a file-level or an inline 'use server', in lib/, app/ or components/, whatever way it is exported) and every
// route handler verb (app/**/route.ts), and, in test files, the calls that prove an action allowed or refused.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const root = process.cwd();

export function walk(dir: string, match: (f: string) => boolean): string[] {
  if (!fs.existsSync(path.join(root, dir))) return [];
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' || d.name.startsWith('.') ? [] : walk(rel, match);
    return match(rel) ? [rel] : [];
  });
}

const parsed = new Map<string, ts.SourceFile>();
export function sourceOf(file: string): ts.SourceFile {
  let source = parsed.get(file);
  if (!source) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    parsed.set(file, source);
  }
  return source;
}

function hasUseServer(statements: ts.NodeArray<ts.Statement> | undefined): boolean {
  if (!statements) return false;
  for (const s of statements) {
    if (!ts.isExpressionStatement(s) || !ts.isStringLiteral(s.expression)) return false; // the directive prologue ends
    if (s.expression.text === 'use server') return true;
  }
  return false;
}

const isExported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
const isDefault = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((e) => (ts.isOmittedExpression(e) ? [] : bindingNames(e.name)));
}

/** The names a module exports (`default` for a default export), with `export *` reported so it cannot hide anything. */
export function exportedNames(file: string): string[] {
  const names: string[] = [];
  for (const s of sourceOf(file).statements) {
    if (ts.isFunctionDeclaration(s) && isExported(s)) names.push(isDefault(s) ? 'default' : s.name!.text);
    else if (ts.isClassDeclaration(s) && isExported(s)) names.push(isDefault(s) ? 'default' : s.name!.text);
    else if (ts.isVariableStatement(s) && isExported(s)) names.push(...s.declarationList.declarations.flatMap((d) => bindingNames(d.name)));
    else if (ts.isExportAssignment(s)) names.push('default');
    else if (ts.isExportDeclaration(s) && !s.isTypeOnly) {
      if (!s.exportClause) names.push(`* from ${(s.moduleSpecifier as ts.StringLiteral).text}`);
      else if (ts.isNamedExports(s.exportClause)) names.push(...s.exportClause.elements.filter((e) => !e.isTypeOnly).map((e) => e.name.text));
      else names.push(s.exportClause.name.text);
    }
  }
  return names;
}

export interface ServerAction {
  key: string;
  file: string;
  name: string;
  /** Declared with 'use server' inside a function rather than at the top of the file. */
  inline: boolean;
}

function nameOfFunction(node: ts.Node): string {
  if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node)) && node.name) return node.name.getText();
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText();
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText();
  const { line } = node.getSourceFile().getLineAndCharacterOfPosition(node.getStart());
  return `inline@${line + 1}`;
}

export function serverActionsIn(file: string): ServerAction[] {
  const source = sourceOf(file);
  if (hasUseServer(source.statements)) return exportedNames(file).map((name) => ({ key: `${file}#${name}`, file, name, inline: false }));
  const found: ServerAction[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node)) && node.body && ts.isBlock(node.body) && hasUseServer(node.body.statements)) {
      const name = nameOfFunction(node);
      found.push({ key: `${file}#${name}`, file, name, inline: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const sourceFile = (f: string) => /\.(ts|tsx|mts)$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith('.d.ts');

export function discoverServerActions(): ServerAction[] {
  return ['lib', 'app', 'components'].flatMap((dir) => walk(dir, sourceFile)).flatMap(serverActionsIn);
}

export const httpVerbs = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** A route file's handler verbs (and any `export *`, which would hide what it exports). */
export function routeHandlersIn(file: string): string[] {
  return exportedNames(file)
    .filter((n) => httpVerbs.includes(n) || n.startsWith('* from'))
    .map((name) => `${file}#${name}`);
}

export function discoverRouteHandlers(): string[] {
  return walk('app', (f) => /\/route\.(ts|tsx|js)$/.test(f)).flatMap(routeHandlersIn);
}

/** Every identifier and property name written inside a node. */
function namesIn(node: ts.Node, out = new Set<string>()): Set<string> {
  if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) out.add(node.text);
  ts.forEachChild(node, (c) => void namesIn(c, out));
  return out;
}

export interface Proofs {
  /** Names an expectRefused(...) call in the file reaches. */
  refused: Set<string>;
  /** Names an expectAllowed(...) call in the file reaches. */
  allowed: Set<string>;
}

/**
 * The actions a test file proves refused and allowed. A call counts for the names written in its arguments
 * (`expectRefused(() => call(banMemberAction, …))`); a table-driven file whose calls take `c.action` counts for each
 * case object's `action:`, as allowed only when that case's `allowed:` list is not empty.
 */
export function proofsIn(file: string): Proofs {
  const proofs: Proofs = { refused: new Set(), allowed: new Set() };
  const drivers = { refused: false, allowed: false };
  const cases: ts.ObjectLiteralExpression[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && (node.expression.text === 'expectRefused' || node.expression.text === 'expectAllowed')) {
      const side = node.expression.text === 'expectRefused' ? 'refused' : 'allowed';
      for (const arg of node.arguments) {
        for (const name of namesIn(arg)) proofs[side].add(name);
        const byTable = (n: ts.Node): boolean => (ts.isPropertyAccessExpression(n) && n.name.text === 'action') || (ts.forEachChild(n, byTable) ?? false);
        if (byTable(arg)) drivers[side] = true;
      }
    }
    if (ts.isObjectLiteralExpression(node) && node.properties.some((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'action')) cases.push(node);
    ts.forEachChild(node, visit);
  };
  visit(sourceOf(file));
  for (const c of cases) {
    const prop = (name: string) => c.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === name);
    const names = namesIn(prop('action')!.initializer);
    const allowed = prop('allowed')?.initializer;
    const allowsSomeone = !!allowed && !(ts.isArrayLiteralExpression(allowed) && allowed.elements.length === 0);
    for (const name of names) {
      if (drivers.refused) proofs.refused.add(name);
      if (drivers.allowed && allowsSomeone) proofs.allowed.add(name);
    }
  }
  return proofs;
}

/** Playwright tests in a spec: full title (describe titles joined by ' › ') → the test's callback. */
export function playwrightTests(spec: string): Map<string, ts.Node> {
  const tests = new Map<string, ts.Node>();
  const visit = (node: ts.Node, prefix: string[]) => {
    if (ts.isCallExpression(node) && node.arguments.length >= 2 && ts.isStringLiteralLike(node.arguments[0])) {
      const callee = node.expression.getText();
      const title = node.arguments[0].text;
      const body = node.arguments[node.arguments.length - 1];
      if (/^test\.describe(\.\w+)?$/.test(callee)) {
        ts.forEachChild(body, (c) => visit(c, [...prefix, title]));
        return;
      }
      if (/^test(\.(only|fixme|slow))?$/.test(callee)) {
        tests.set([...prefix, title].join(' › '), body);
        return;
      }
    }
    ts.forEachChild(node, (c) => visit(c, prefix));
  };
  visit(sourceOf(spec), []);
  return tests;
}

/** The words a node holds: string literals, template text and regular expressions. */
export function wordsIn(node: ts.Node): { strings: string[]; patterns: RegExp[] } {
  const strings: string[] = [];
  const patterns: RegExp[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isImportDeclaration(n)) return;
    if (ts.isStringLiteralLike(n)) strings.push(n.text);
    else if (ts.isJsxText(n) && n.text.trim()) strings.push(n.text.trim().replace(/\s+/g, ' '));
    else if (ts.isTemplateExpression(n)) strings.push(n.head.text, ...n.templateSpans.map((s) => s.literal.text));
    else if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = n.getText();
      const end = text.lastIndexOf('/');
      try {
        patterns.push(new RegExp(text.slice(1, end), text.slice(end + 1).replace('g', '')));
      } catch {
        // a pattern JavaScript cannot build is no evidence either way
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return { strings: strings.filter((s) => s.trim().length >= 3), patterns };
}

const uiFiles = () => ['app', 'components'].flatMap((dir) => walk(dir, (f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)));

/** Files under app/ and components/ that import an action by name: where its interface lives. */
export function interfaceFilesOf(action: string): string[] {
  return uiFiles().filter((file) =>
    sourceOf(file).statements.some(
      (s) =>
        ts.isImportDeclaration(s) &&
        !!s.importClause?.namedBindings &&
        ts.isNamedImports(s.importClause.namedBindings) &&
        s.importClause.namedBindings.elements.some((e) => (e.propertyName ?? e.name).text === action),
    ),
  );
}

/** A route handler's address up to its first dynamic segment: app/api/media/[id]/route.ts → /api/media/. */
export function routePrefix(file: string): string {
  const dir = path.dirname(file).replace(/^app/, '').replace(/\/\([^)]+\)/g, '');
  const cut = dir.indexOf('[');
  return cut === -1 ? dir : dir.slice(0, cut);
}

// Words a test uses for other things than naming what is on the page: ARIA roles, option keys, states.
const notInterfaceWords = new Set(['button', 'link', 'heading', 'textbox', 'region', 'dialog', 'alert', 'checkbox', 'radio', 'combobox', 'option', 'listbox', 'menuitem', 'navigation', 'main', 'banner', 'status', 'article', 'list', 'listitem', 'img', 'group', 'form', 'searchbox', 'switch', 'tab', 'tabpanel', 'true', 'false', 'name', 'exact', 'load', 'networkidle', 'domcontentloaded', 'chromium', 'value', 'aria-label', 'visible', 'hidden']);
const meaningful = (s: string) => s.trim().length >= 4 && /[A-Za-z]/.test(s) && !notInterfaceWords.has(s.trim().toLowerCase()) && !s.startsWith('/');

/**
 * Whether a Playwright test reaches an action's interface: one of its words names something on a page that imports
 * the action (Playwright matches names by substring), or, for a route handler, it requests the route's address or
 * names something on a page that links to it.
 */
export function touchesInterface(test: ts.Node, key: string): { files: string[]; hit?: string } {
  const [file, name] = key.split('#');
  const isRoute = /\/route\.tsx?$/.test(file);
  const prefix = isRoute ? routePrefix(file) : '';
  const files = isRoute ? uiFiles().filter((f) => sourceOf(f).text.includes(prefix)) : interfaceFilesOf(name);
  // The test's own words, and those of the spec's helpers it calls.
  const called = namesIn(test);
  const helpers = test
    .getSourceFile()
    .statements.filter(
      (st) =>
        (ts.isFunctionDeclaration(st) && !!st.name && called.has(st.name.text)) ||
        (ts.isVariableStatement(st) && st.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && called.has(d.name.text))),
    );
  const words = [test, ...helpers].map(wordsIn).reduce((a, b) => ({ strings: [...a.strings, ...b.strings], patterns: [...a.patterns, ...b.patterns] }));
  if (isRoute) {
    const hit = words.strings.find((s) => s.includes(prefix));
    if (hit) return { files, hit };
  }
  const ui = files.flatMap((f) => wordsIn(sourceOf(f)).strings).filter(meaningful);
  for (const s of words.strings.filter(meaningful)) {
    const hit = ui.find((u) => u === s || u.includes(s));
    if (hit) return { files, hit };
  }
  for (const p of words.patterns) {
    const hit = ui.find((u) => p.test(u));
    if (hit) return { files, hit };
  }
  return { files };
}
