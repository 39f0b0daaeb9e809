import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { transform } from 'esbuild';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { staticGraph } from './scripts/chunk-graph.mjs';

// The source uses standard (TC39) decorators, as the tests and TypeScript see it. The build lowers
// them in lit's legacy mode, which lit supports as well: a decorated property then costs a call
// and an accessor pair, not the standard lowering's per-field initialiser arrays and WeakMaps
// (about 1 kB gzip less on the reading page).
const ESBUILD_OPTIONS = {
  loader: 'ts',
  target: 'es2022',
  format: 'esm',
  sourcemap: true,
  tsconfigRaw: { compilerOptions: { useDefineForClassFields: false, experimentalDecorators: true } },
} as const;

/** Every decorator construct the elements use, so that esbuild writes out all the helpers they need. */
const HELPER_SAMPLE = `
  const d = (value: unknown, _context: unknown) => value as never;
  @d class A {
    @d accessor a = 1;
    @d static accessor b = 2;
    @d method() {}
    #c = 1;
    static e = 1;
    get c() { return this.#c; }
  }
  export { A };
`;
const HELPERS_ID = 'gongkai:esbuild-helpers';
const HELPER_LINE = /^var (__\w+) =/;

/** The helper declarations esbuild puts at the top of a module (their lines), and their names. */
function splitHelpers(code: string): { names: string[]; lines: number; block: string } {
  const lines = code.split('\n');
  let end = 0;
  // A helper starts with `var __x =`; its later lines are indented or close it.
  while (end < lines.length && (HELPER_LINE.test(lines[end]!) || (end > 0 && /^[ \t}]/.test(lines[end]!)))) end++;
  const block = lines.slice(0, end);
  const names = block.flatMap((line) => HELPER_LINE.exec(line)?.[1] ?? []);
  return { names, lines: end, block: block.join('\n') };
}

/**
 * Vite 8's Oxc leaves TC39 decorators in the output; lower them with esbuild first. esbuild writes
 * its decorator helpers into every module (six copies in the embed): they are imported instead
 * from one shared module.
 */
export function lowerDecorators(): Plugin {
  let shared: Promise<{ names: Set<string>; code: string }> | null = null;
  const sharedHelpers = () => {
    shared ??= transform(HELPER_SAMPLE, ESBUILD_OPTIONS).then(({ code }) => {
      const { names, block } = splitHelpers(code);
      return { names: new Set(names), code: `${block}\nexport { ${names.join(', ')} };\n` };
    });
    return shared;
  };
  return {
    name: 'gongkai-lower-decorators',
    enforce: 'pre',
    resolveId(id) {
      return id === HELPERS_ID ? `\0${HELPERS_ID}` : null;
    },
    async load(id) {
      return id === `\0${HELPERS_ID}` ? (await sharedHelpers()).code : null;
    },
    async transform(code, id) {
      if (!/\.[cm]?ts$/.test(id) || id.includes('/node_modules/') || !code.includes('@')) return null;
      const result = await transform(code, { ...ESBUILD_OPTIONS, sourcefile: id });
      const own = splitHelpers(result.code);
      if (!own.names.length) return { code: result.code, map: result.map };
      const { names } = await sharedHelpers();
      const missing = own.names.filter((name) => !names.has(name));
      if (missing.length) throw new Error(`${id}: esbuild helpers ${missing.join(', ')} are not in HELPER_SAMPLE`);
      const rest = result.code.split('\n').slice(own.lines).join('\n');
      const map = JSON.parse(result.map) as { mappings: string };
      // The helper lines become one import line: drop their mappings.
      map.mappings = ['', ...map.mappings.split(';').slice(own.lines)].join(';');
      return { code: `import { ${own.names.join(', ')} } from '${HELPERS_ID}';\n${rest}`, map };
    },
  };
}

/**
 * Collapses the indentation and comments inside lit `css` templates, which the minifier
 * leaves as they are (several KiB in the embed). Whitespace runs in CSS mean one space.
 */
export function minifyCssTemplates(): Plugin {
  return {
    name: 'gongkai-minify-css-templates',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      const out = code.replace(/css`([^`]*)`/g, (whole, body: string) => {
        // Interpolated selectors (`${host} button`) must keep their spaces: leave those alone.
        if (body.includes('${')) return whole;
        const compact = body
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,>])\s*/g, '$1')
          .replace(/:\s+/g, ':')
          .trim();
        return `css\`${compact}\``;
      });
      return { code: out, map: null };
    },
  };
}

const external = [
  /^lit($|\/)/,
  /^@lit\//,
  /^@lit-labs\//,
  /^markdown-it($|\/)/,
  /^dompurify$/,
  /^@floating-ui\//,
  /^chart\.js($|\/)/,
  /^@gongkai\//,
  /^valibot$/,
];

/**
 * V8's explicit compile hint: every function of the file is compiled while the script streams
 * in, off the main thread, instead of on first call in the middle of rendering a policy (most
 * of them are called then). For the chunks the reading page runs at once.
 */
function compileEagerly(): Plugin {
  return {
    name: 'gongkai-compile-eagerly',
    // After minification, which drops comments.
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !(chunk.isEntry || chunk.name === 'lit' || chunk.name === 'anchor')) continue;
        chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
        // The code moved down a line: so do its mappings, in the map file already emitted too.
        if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
        const mapFile = bundle[`${chunk.fileName}.map`];
        if (mapFile?.type === 'asset' && typeof mapFile.source === 'string') {
          const map = JSON.parse(mapFile.source) as { mappings: string };
          map.mappings = `;${map.mappings}`;
          mapFile.source = JSON.stringify(map);
        }
      }
    },
  };
}

type NamedChunk = { name: string; isEntry: boolean; facadeModuleId: string | null; moduleIds: readonly string[] };
const ELEMENT_FOLDER = /[\\/]elements[\\/]src[\\/](\w[\w-]*)[\\/]/;

/**
 * A chunk's readable name: its module's file (its element's folder for a `define.ts`), or, for
 * a chunk of shared modules, the element folder most of them come from.
 */
function chunkName(chunk: NamedChunk): string {
  if (chunk.isEntry) return chunk.name;
  if (chunk.name.includes('esbuild-helpers')) return 'decorators';
  const id = chunk.facadeModuleId;
  if (id) {
    const parts = id.replace(/\.[cm]?[jt]s$/, '').split('/');
    const file = parts.at(-1)!;
    if (parts.at(-2) === 'engines') return `engine-${file}`;
    return file === 'define' || file === 'index' ? parts.at(-2)! : file;
  }
  const folders = new Map<string, number>();
  for (const moduleId of chunk.moduleIds) {
    const folder = ELEMENT_FOLDER.exec(moduleId)?.[1];
    if (folder && !['internal', 'i18n', 'events'].includes(folder)) folders.set(folder, (folders.get(folder) ?? 0) + 1);
  }
  return [...folders].sort((a, b) => b[1] - a[1])[0]?.[0] ?? chunk.name;
}

const LIT = /[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]/;
const FORMAT = /[\\/]packages[\\/]format[\\/]/;

/**
 * Everything the reading page's entry imports statically, lit aside, as one chunk: a shared
 * chunk per combination of importers would cost the page a request and a gzip header for each
 * (there were six). Found from the module graph once it is parsed, before chunks are made.
 */
function readingCore(): { plugin: Plugin; test: (id: string) => boolean } {
  const imports = new Map<string, readonly string[]>();
  const reached = new Set<string>();
  const plugin: Plugin = {
    name: 'gongkai-reading-core',
    moduleParsed(info) {
      // importedIds lists dynamic imports too: those chunks stay apart.
      const dynamic = new Set(info.dynamicallyImportedIds);
      imports.set(
        info.id,
        info.importedIds.filter((id) => !dynamic.has(id)),
      );
    },
    buildEnd() {
      const entry = [...imports.keys()].find((id) => id.endsWith('/src/embed.ts'));
      const todo = entry ? [entry] : [];
      while (todo.length) {
        const id = todo.pop()!;
        if (reached.has(id) || FORMAT.test(id)) continue;
        reached.add(id);
        todo.push(...(imports.get(id) ?? []));
      }
    },
  };
  // @gongkai/format is reached through its index, which re-exports all of it: its modules are
  // left to rolldown's own chunking, which keeps only what the page uses with it.
  return { plugin, test: (id) => reached.has(id) && !LIT.test(id) };
}

/**
 * The embed as ES modules: the reading page's entry and the staff entry share one copy of lit
 * and of every internal; each optional part is a chunk of its own. Every file is named by its
 * content's hash, so it can be cached forever; only the loaders (gongkai.js, gongkai-staff.js)
 * keep their names. The manifest tells the loader build which files each entry needs.
 */
function embedGraph(): UserConfig {
  const named = (chunk: NamedChunk) => `gongkai-${chunkName(chunk)}-[hash].js`;
  const core = readingCore();
  return {
    plugins: [core.plugin],
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      manifest: 'manifest.json',
      lib: { entry: { reading: 'src/embed.ts', staff: 'src/staff-embed.ts' }, formats: ['es'] },
      rolldownOptions: {
        preserveEntrySignatures: false,
        output: {
          // Vite leaves ES library output unminified; these files are served to browsers as they are.
          minify: true,
          // Tree-shaking hints (/* @__PURE__ */) are for bundlers, not browsers. (Licence headers
          // were dropped by the minifier before this too; the licences are in the npm packages.)
          comments: false,
          entryFileNames: named,
          chunkFileNames: named,
          codeSplitting: {
            groups: [
              { name: 'lit', test: LIT, priority: 2 },
              { name: 'core', test: core.test, priority: 1 },
            ],
          },
        },
      },
    },
  };
}

/**
 * gongkai.js and gongkai-staff.js: classic scripts (no type="module" needed on the page, no
 * global) that preload their entry's static graph, with each file's integrity, and import it.
 */
function loaderBuild(kind: 'reading' | 'staff'): UserConfig {
  const dist = new URL('./dist/', import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', dist), 'utf8'));
  const files = staticGraph(manifest, kind === 'reading' ? 'src/embed.ts' : 'src/staff-embed.ts');
  const integrity = (file: string) =>
    `sha384-${createHash('sha384')
      .update(readFileSync(new URL(file, dist)))
      .digest('base64')}`;
  return {
    define: { __GK_GRAPH__: JSON.stringify(files.map((file) => [file, integrity(file)])) },
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      sourcemap: false,
      lib: {
        entry: 'src/loader.ts',
        formats: ['iife'],
        name: 'gongkaiLoader',
        fileName: () => (kind === 'reading' ? 'gongkai.js' : 'gongkai-staff.js'),
      },
    },
  };
}

type Target = 'esm' | 'embed' | 'loader-reading' | 'loader-staff';
const target = (process.env.GK_TARGET ?? 'esm') as Target;

const builds: Record<Target, () => UserConfig> = {
  esm: () => ({
    build: {
      outDir: 'dist/esm',
      lib: {
        entry: { index: 'src/index.ts', staff: 'src/staff.ts' },
        formats: ['es'],
        fileName: (_, name) => `${name}.js`,
      },
      rolldownOptions: { external },
    },
  }),
  embed: embedGraph,
  'loader-reading': () => loaderBuild('reading'),
  'loader-staff': () => loaderBuild('staff'),
};
const config = builds[target]();

export default defineConfig({
  ...config,
  plugins: [lowerDecorators(), minifyCssTemplates(), compileEagerly(), ...(config.plugins ?? [])],
  resolve: { conditions: ['source'] },
  build: {
    target: 'es2022',
    minify: true,
    sourcemap: true,
    ...config.build,
    // GK_NO_MINIFY=1 keeps the embed's function names readable in a CPU profile.
    ...(process.env.GK_NO_MINIFY ? { minify: false } : {}),
  },
  logLevel: 'warn',
});
