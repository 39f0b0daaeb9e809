// `pnpm start`: builds the packages, starts the consultation server on its embedded database
// seeded with the demo policies, and serves the demo site with the embed beside it.
import { execFileSync, spawn } from 'node:child_process';
import { serveStatic } from './lib/static-server.js';

const root = new URL('..', import.meta.url).pathname;
const apiPort = Number(process.env.GK_API_PORT ?? 8787);
const sitePort = Number(process.env.GK_DEMO_PORT ?? 8080);

console.log('Building packages…');
execFileSync('pnpm', ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

// A staff token for the demo's admin pages (the embedded database allows one process at a
// time, so before the server starts). The last line of the command's output is the token.
const tokenOutput = execFileSync(
  process.execPath,
  [
    'packages/server/dist/main.js',
    'token',
    'create',
    '--role',
    'admin',
    '--label',
    'pnpm start',
    '--data',
    '.data/demo',
  ],
  { cwd: root, encoding: 'utf8' },
);
const staffToken = tokenOutput.trim().split('\n').at(-1);

const server = spawn(
  process.execPath,
  [
    'packages/server/dist/main.js',
    '--port',
    String(apiPort),
    '--data',
    '.data/demo',
    // The demo site's proxy (below) is the one in front: it appends each citizen's address.
    '--trust-proxy',
    '127.0.0.1',
    '--seed',
    // The full bundle only: the -jd file beside it is a partial interpretation file.
    'demo/policies/ezhou-2016-40.json',
    '--seed',
    'demo/consultations',
  ],
  { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
);
server.on('exit', (code) => {
  if (code !== 0 && code !== null) {
    console.error(`gongkai-server exited with code ${code}`);
    process.exit(code);
  }
});

const site = await serveStatic({
  mounts: { '/': `${root}demo/`, '/gongkai/': `${root}packages/elements/dist/` },
  proxy: { prefixes: ['/api/', '/healthz', '/readyz'], target: `http://127.0.0.1:${apiPort}` },
  port: sitePort,
});

console.log(`
  Demo site:            ${site.url}/
  Static bundle page:   ${site.url}/static.html
  Comment on a draft:   ${site.url}/draft.html
  Published feedback:   ${site.url}/feedback.html
  Staff console:        ${site.url}/admin/   (token: ${staffToken})
  Consultation server:  http://127.0.0.1:${apiPort}/readyz  (embedded database in .data/demo)
  Press Ctrl-C to stop.
`);

const stop = async () => {
  server.kill('SIGTERM');
  await site.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
