// The house rule "no import runs back up": in each package the modules' static imports (types
// included) form no circle, and UI catalogues are leaves. Lazy parts (`import()`) are loaded on
// demand by design and are not counted.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, test } from 'node:test';

const root = resolve(import.meta.dirname, '../../packages');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.[^'"]+)['"]/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Each module's relative static imports, as paths of modules in the package. */
function importGraph(src: string): Map<string, string[]> {
  const files = new Set(sources(src));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(IMPORT)].map((m) => resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts')));
    graph.set(
      file,
      targets.filter((t) => files.has(t)),
    );
  }
  return graph;
}

/** The circles of a graph: its strongly connected parts of more than one module (Tarjan). */
function circles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const part: string[] = [];
      for (let w = stack.pop()!; ; w = stack.pop()!) {
        onStack.delete(w);
        part.push(w);
        if (w === v) break;
      }
      if (part.length > 1) out.push(part);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe('no import runs back up', () => {
  for (const pkg of ['format', 'elements', 'server']) {
    test(`@gongkai/${pkg}: no circle of static imports`, () => {
      const src = join(root, pkg, 'src');
      const found = circles(importGraph(src)).map((c) => c.map((f) => relative(src, f)).sort());
      assert.deepEqual(found, []);
    });
  }

  test('UI catalogues import only other catalogues', () => {
    const src = join(root, 'elements/src');
    const i18n = join(src, 'i18n');
    const inside = (f: string) => f.startsWith(`${i18n}/`);
    for (const [file, targets] of importGraph(src)) {
      if (!inside(file)) continue;
      const outside = targets.filter((t) => !inside(t)).map((t) => relative(src, t));
      assert.deepEqual(outside, [], relative(src, file));
    }
  });

  test('finds a circle where there is one', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    assert.deepEqual(
      circles(graph).map((c) => c.sort()),
      [['a', 'b', 'c']],
    );
  });
});
