// `pnpm test`: build, lint, typecheck, Node tests (format, server, e2e) and browser tests (elements),
// then one plain line for all suites together: `N passed, N failed[, N skipped]`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const results = join(root, '.test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const only = process.argv.slice(2); // e.g. `pnpm test node` or `pnpm test browser`
const wanted = (name) => only.length === 0 || only.includes(name);

const total = { passed: 0, failed: 0, skipped: 0 };
const add = (counts) => {
  for (const key of Object.keys(total)) total[key] += counts[key] ?? 0;
};

function run(label, command, args, env = {}) {
  console.log(`\n── ${label}: ${[command, ...args].join(' ')}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function check(label, command, args) {
  if (run(label, command, args)) total.passed++;
  else {
    total.failed++;
    console.log(`✖ ${label} failed`);
  }
}

function testFiles(dir, pattern) {
  const out = [];
  const walk = (d) => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (pattern.test(name)) out.push(p);
    }
  };
  walk(join(root, dir));
  return out.sort();
}

function suite(label, command, args, countsFile, env) {
  const ok = run(label, command, args, env);
  const counts = existsSync(countsFile) ? JSON.parse(readFileSync(countsFile, 'utf8')) : null;
  if (counts) add(counts);
  // A runner that crashed or failed without a failing test still fails the whole run.
  if (!ok && (!counts || counts.failed === 0)) total.failed++;
}

// The e2e tests load dist/gongkai.js: build first so they never test a stale bundle.
if (!process.env.GK_SKIP_BUILD && (wanted('node') || wanted('browser'))) {
  if (!run('build', 'pnpm', ['build'])) {
    console.log('\n0 passed, 1 failed');
    process.exit(1);
  }
}

if (wanted('lint')) {
  check('lint (biome)', 'pnpm', ['exec', 'biome', 'check', '.']);
  check('typecheck (tsc)', 'pnpm', ['exec', 'tsc', '-p', 'tsconfig.json']);
}

if (wanted('node')) {
  const files = ['test/format', 'test/server', 'test/e2e'].flatMap((dir) => testFiles(dir, /\.test\.ts$/));
  const countsFile = join(results, 'node.json');
  suite(
    'node tests',
    process.execPath,
    [
      '--conditions=source',
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=2',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      `--test-reporter=${join(root, 'scripts/count-reporter.mjs')}`,
      `--test-reporter-destination=${countsFile}`,
      ...files,
    ],
    countsFile,
  );
}

if (wanted('browser')) {
  const countsFile = join(results, 'browser.json');
  suite('browser tests', 'pnpm', ['exec', 'web-test-runner'], countsFile, { CI: 'true', GK_SUMMARY_FILE: countsFile });
}

const line = `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`;
console.log(`\n${line}`);
process.exit(total.failed > 0 ? 1 : 0);
