import { existsSync } from 'node:fs';
import { transform } from 'esbuild';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const ESBUILD_OPTIONS = {
  loader: 'ts',
  target: 'es2022',
  format: 'esm',
  sourcemap: true,
  tsconfigRaw: { compilerOptions: { useDefineForClassFields: true, experimentalDecorators: false } },
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
export function tc39Decorators(): Plugin {
  let shared: Promise<{ names: Set<string>; code: string }> | null = null;
  const sharedHelpers = () => {
    shared ??= transform(HELPER_SAMPLE, ESBUILD_OPTIONS).then(({ code }) => {
      const { names, block } = splitHelpers(code);
      return { names: new Set(names), code: `${block}\nexport { ${names.join(', ')} };\n` };
    });
    return shared;
  };
  return {
    name: 'gongkai-tc39-decorators',
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

/** In the one-file embed, `x.embed.ts` replaces `x.ts` (e.g. lazy chunks loaded by URL). */
function embedOverrides(): Plugin {
  return {
    name: 'gongkai-embed-overrides',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.startsWith('.')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const override = resolved?.id.replace(/\.ts$/, '.embed.ts');
      return override && override !== resolved?.id && existsSync(override) ? override : null;
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
 * of them are called then). For the reading page and the note-placing chunk it goes with.
 */
function compileEagerly(): Plugin {
  return {
    name: 'gongkai-compile-eagerly',
    // After minification, which drops comments.
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !/^gongkai(-anchor)?\.js$/.test(chunk.fileName)) continue;
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

/** Optional parts of the embed, each an ES module beside gongkai.js (see src/internal/lazy.embed.ts). */
export const chunks = {
  markdown: 'src/internal/engines/markdown.ts',
  anchor: 'src/internal/engines/anchor.ts',
  popup: 'src/internal/popup.ts',
  chart: 'src/internal/engines/chart.ts',
  export: 'src/graphic/export-image.ts',
  search: 'src/internal/engines/search.ts',
  i18n: 'src/i18n/more.ts',
  participation: 'src/participation.ts',
} as const;

type Target = 'esm' | 'embed' | 'staff' | `chunk-${keyof typeof chunks}`;
const target = (process.env.GK_TARGET ?? 'esm') as Target;

function chunkBuild(name: keyof typeof chunks): UserConfig {
  return {
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      lib: { entry: chunks[name], formats: ['es'], fileName: () => `gongkai-${name}.js` },
      // Vite leaves ES library output unminified; these files are served to browsers as they are.
      rolldownOptions: { output: { minify: true } },
    },
  };
}

const builds: Record<string, UserConfig> = {
  esm: {
    build: {
      outDir: 'dist/esm',
      lib: {
        entry: { index: 'src/index.ts', staff: 'src/staff.ts' },
        formats: ['es'],
        fileName: (_, name) => `${name}.js`,
      },
      rolldownOptions: { external },
    },
  },
  embed: {
    plugins: [embedOverrides()],
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      lib: { entry: 'src/embed.ts', formats: ['iife'], name: 'gongkai', fileName: () => 'gongkai.js' },
    },
  },
  // The staff console: a file of its own beside gongkai.js, so citizens never download it.
  staff: {
    plugins: [embedOverrides()],
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      lib: { entry: 'src/staff-embed.ts', formats: ['iife'], name: 'gongkaiStaff', fileName: () => 'gongkai-staff.js' },
    },
  },
};
const config = target.startsWith('chunk-') ? chunkBuild(target.slice(6) as keyof typeof chunks) : builds[target]!;

export default defineConfig({
  ...config,
  plugins: [tc39Decorators(), minifyCssTemplates(), compileEagerly(), ...(config.plugins ?? [])],
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
