// Fails when lib/'s folders import each other in a circle (lib/booking → lib/payments →
// lib/booking), or when source files do. Folder cycles are the ones that matter for the
// architecture and are invisible to file-level tools (madge --circular, import/no-cycle): the
// files involved need not form a loop themselves. Between folders type-only imports count (they
// tie the folders together just the same); between files only the imports that run do.
import path from "node:path";
import { readFileSync } from "node:fs";
import ts from "typescript";

const root = process.cwd();
const config = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
if (!config) throw new Error("tsconfig.json could not be read");
const SOURCE_DIRS = ["app", "components", "lib", "db", "emails"];
const rel = (file: string) => path.relative(root, file).split(path.sep).join("/");
const files = config.fileNames.map(path.normalize).filter((f) => SOURCE_DIRS.includes(rel(f).split("/")[0]) && /\.tsx?$/.test(f));
const known = new Set(files);

/** Each import and export-from of a file, and whether it is there for types only. */
function importsOf(file: string): { spec: string; typeOnly: boolean }[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
  const found: { spec: string; typeOnly: boolean }[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = ts.isImportDeclaration(node) ? node.importClause : undefined;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeOnly = ts.isImportDeclaration(node)
        ? !!clause && (clause.isTypeOnly || (!clause.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)))
        : node.isTypeOnly;
      found.push({ spec: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      found.push({ spec: node.arguments[0].text, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

// Two graphs: every import (how the folders depend on each other) and the imports that run
// (a file cycle is only a problem when modules wait on each other to load).
const graph = new Map<string, string[]>();
const runtimeGraph = new Map<string, string[]>();
for (const file of files) {
  const all = new Set<string>();
  const runtime = new Set<string>();
  for (const { spec, typeOnly } of importsOf(file)) {
    const resolved = ts.resolveModuleName(spec, file, config.options, ts.sys).resolvedModule?.resolvedFileName;
    if (!resolved || !known.has(path.normalize(resolved))) continue;
    all.add(path.normalize(resolved));
    if (!typeOnly) runtime.add(path.normalize(resolved));
  }
  graph.set(file, [...all]);
  runtimeGraph.set(file, [...runtime]);
}

/** Strongly connected components with more than one member (Tarjan), each a cycle to report. */
function cycles(edges: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found;
}

// lib/booking/holds.ts → "lib/booking"; a file directly in lib/ is its own unit (lib/money.ts).
const libUnit = (file: string) => {
  const parts = rel(file).split("/");
  return parts[0] === "lib" ? parts.slice(0, 2).join("/").replace(/\.tsx?$/, "") : null;
};
const folders = new Map<string, Set<string>>();
const via = new Map<string, string>();
for (const [file, targets] of graph) {
  const from = libUnit(file);
  if (!from) continue;
  for (const target of targets) {
    const to = libUnit(target);
    if (!to || to === from) continue;
    folders.set(from, (folders.get(from) ?? new Set()).add(to));
    if (!via.has(`${from}>${to}`)) via.set(`${from}>${to}`, `${rel(file)} → ${rel(target)}`);
  }
}

/** The shortest cycle through each member of a component, each cycle once: the loops to break. */
function shortestLoops(members: string[], edges: Map<string, Set<string>>): string[][] {
  const inside = new Set(members);
  const loops = new Map<string, string[]>();
  for (const start of members) {
    const cameFrom = new Map<string, string>();
    const queue = [start];
    while (queue.length && !cameFrom.has(start)) {
      const v = queue.shift()!;
      for (const w of edges.get(v) ?? []) {
        if (!inside.has(w) || cameFrom.has(w)) continue;
        cameFrom.set(w, v);
        queue.push(w);
      }
    }
    const loop = [start];
    for (let v = cameFrom.get(start)!; v !== start; v = cameFrom.get(v)!) loop.unshift(v);
    const first = loop.indexOf([...loop].sort()[0]);
    const canonical = [...loop.slice(first), ...loop.slice(0, first)];
    loops.set(canonical.join(">"), canonical);
  }
  return [...loops.values()];
}

const folderCycles = cycles(new Map([...folders].map(([k, v]) => [k, [...v]])));
const fileCycles = cycles(runtimeGraph);
for (const members of folderCycles) {
  console.error(`lib/ folders in a cycle: ${members.join(", ")}`);
  for (const loop of shortestLoops(members, folders)) {
    console.error(`  ${[...loop, loop[0]].join(" → ")}`);
    loop.forEach((from, i) => console.error(`    ${via.get(`${from}>${loop[(i + 1) % loop.length]}`)}`));
  }
}
for (const members of fileCycles) console.error(`files in a cycle: ${members.map(rel).join(", ")}`);
if (folderCycles.length || fileCycles.length) process.exit(1);
console.log(`No import cycles (${files.length} files, ${folders.size} lib/ folders that import others).`);
