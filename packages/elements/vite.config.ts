import { existsSync } from 'node:fs';
import { transform } from 'esbuild';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/** Vite 8's Oxc leaves TC39 decorators in the output; lower them with esbuild first. */
export function tc39Decorators(): Plugin {
  return {
    name: 'gongkai-tc39-decorators',
    enforce: 'pre',
    async transform(code, id) {
      if (!/\.[cm]?ts$/.test(id) || id.includes('/node_modules/') || !code.includes('@')) return null;
      const result = await transform(code, {
        loader: 'ts',
        target: 'es2022',
        format: 'esm',
        sourcemap: true,
        sourcefile: id,
        tsconfigRaw: { compilerOptions: { useDefineForClassFields: true, experimentalDecorators: false } },
      });
      return { code: result.code, map: result.map };
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
