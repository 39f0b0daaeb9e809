// `pnpm start`: builds the packages, starts the consultation server on its embedded database
// seeded with the demo policies, and serves the demo site with the embed beside it. A local mail
// catcher (SMTP, with a web page listing what arrived) receives the server's notifications. The
// terminal shows each step and, once everything answers, the addresses and the staff token;
// the server's request log goes to .data/demo/server.log.
//
// `pnpm demo-token [reviewer|editor|admin]`: a staff token for the running demo, made over the
// server's API with the admin token that `pnpm start` keeps in .data/demo/admin-token.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { startMailCatcher } from './lib/mail-catcher.js';
import { serveStatic } from './lib/static-server.js';

const root = new URL('..', import.meta.url).pathname;
const dataDir = '.data/demo';
const logFile = `${dataDir}/server.log`;
const adminTokenFile = `${root}${dataDir}/admin-token`;
const apiPort = Number(process.env.GK_API_PORT ?? 8787);
const sitePort = Number(process.env.GK_DEMO_PORT ?? 8080);
const smtpPort = Number(process.env.GK_SMTP_PORT ?? 1025);
const mailPort = Number(process.env.GK_MAIL_PORT ?? 1080);
const secretFile = `${root}${dataDir}/notify-secret`;

/** One readable line on stderr, and out. */
function fail(line: string): never {
  console.error(`pnpm start: ${line}`);
  process.exit(1);
}

if (process.argv[2] === 'token') {
  await demoToken(process.argv[3] ?? 'reviewer');
  process.exit(0);
}

const steps = 5;
let step = 0;
const progress = (text: string) => console.log(`[${++step}/${steps}] ${text}`);

// Before anything slow: a port in use is said at once, with the variable that changes it.
await free(sitePort, 'GK_DEMO_PORT');
await free(apiPort, 'GK_API_PORT');
await free(smtpPort, 'GK_SMTP_PORT');
await free(mailPort, 'GK_MAIL_PORT');

progress('Building the packages (about a minute the first time)…');
await run('pnpm', ['build'], 'the build failed');

// A staff token for the demo's admin pages (the embedded database allows one process at a
// time, so before the server starts). The last line of the command's output is the token.
progress('Making a staff token for the admin pages…');
const staffToken = (
  await run(
    process.execPath,
    ['packages/server/dist/main.js', 'token', 'create', '--role', 'admin', '--label', 'pnpm start', '--data', dataDir],
    'could not make a staff token',
  )
)
  .trim()
  .split('\n')
  .at(-1)!;
mkdirSync(`${root}${dataDir}`, { recursive: true });
writeFileSync(adminTokenFile, `${staffToken}\n`, { mode: 0o600 });

progress(`Starting the mail catcher (SMTP on port ${smtpPort}, messages on port ${mailPort})…`);
const catcher = await startMailCatcher(smtpPort);
const mailbox = await catcher.viewer(mailPort);
// The notification secret of this demo's data directory: made once, kept beside the data.
if (!existsSync(secretFile)) writeFileSync(secretFile, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });

progress(`Starting the consultation server on port ${apiPort} (request log: ${logFile})…`);
const log = createWriteStream(`${root}${logFile}`, { flags: 'a' });
const server = spawn(
  process.execPath,
  [
    'packages/server/dist/main.js',
    '--port',
    String(apiPort),
    '--data',
    dataDir,
    // The demo site's proxy (below) is the one in front: it appends each citizen's address.
    '--trust-proxy',
    '127.0.0.1',
    '--seed',
    // The full bundle only: the -jd file beside it is a partial interpretation file.
    'demo/policies/ezhou-2016-40.json',
    '--seed',
    'demo/consultations',
    // Notifications go to the mail catcher; their links lead to the demo site, which proxies /api/.
    '--secret-file',
    secretFile,
    '--public-url',
    `http://127.0.0.1:${sitePort}`,
    '--smtp',
    `smtp://127.0.0.1:${smtpPort}`,
    '--mail-from',
    '公开征求意见（演示） <noreply@demo.gongkai.test>',
  ],
  { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
);
const errors: string[] = [];
server.stderr.on('data', (chunk: Buffer) => {
  log.write(chunk);
  errors.push(...chunk.toString().split('\n').filter(Boolean));
});
let listening = false;
const ready = new Promise<void>((resolve) => {
  createInterface({ input: server.stdout }).on('line', (line) => {
    log.write(`${line}\n`);
    if (!listening && line.startsWith('gongkai-server listening on')) {
      listening = true;
      resolve();
    }
  });
});
server.on('exit', (code) => {
  if (code === 0 || code === null) return;
  // Its own message (a busy data directory, a port taken meanwhile), not a stack trace.
  const said = errors.find((l) => !/^\s+at /.test(l) && l.trim()) ?? `exited with code ${code}`;
  fail(`the consultation server stopped: ${said} (full log: ${logFile})`);
});
await ready;

progress(`Starting the demo site on port ${sitePort}…`);
const site = await serveStatic({
  mounts: { '/': `${root}demo/`, '/gongkai/': `${root}packages/elements/dist/` },
  proxy: { prefixes: ['/api/', '/healthz', '/readyz'], target: `http://127.0.0.1:${apiPort}` },
  port: sitePort,
}).catch((error: NodeJS.ErrnoException) =>
  fail(error.code === 'EADDRINUSE' ? inUse(sitePort, 'GK_DEMO_PORT') : error.message),
);
const answer = await fetch(`${site.url}/readyz`).catch(() => null);
if (!answer?.ok) fail(`the demo site does not reach the consultation server (see ${logFile})`);

// Something in the mail catcher from the start: a demo citizen follows the open consultation,
// so its confirmation is there to open (a new address each start: the catcher keeps nothing).
const demoAddress = `demo.${Date.now().toString(36)}@demo.gongkai.test`;
const followed = await fetch(`${site.url}/api/v1/notify/follow`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: demoAddress, consultation: 'demo-open-consultation' }),
}).catch(() => null);
const waiting =
  followed?.status === 202 &&
  (await catcher
    .waitFor((m) => m.length > 0, 10_000)
    .then(
      () => true,
      () => false,
    ));

console.log(`
  Gongkai demo is ready.

  Policy page:          ${site.url}/
  Enhanced CMS page:    ${site.url}/enhance.html
  Static bundle page:   ${site.url}/static.html
  Comment on a draft:   ${site.url}/draft.html
  Published feedback:   ${site.url}/feedback.html
  Final text, changes:  ${site.url}/final.html
  Staff: comments       ${site.url}/admin/
  Staff: workbench      ${site.url}/admin/workbench.html
  Mail catcher:         ${mailbox.url}  (what the server sent: confirmations, outcomes)${
    waiting
      ? `
                        A confirmation to ${demoAddress} is waiting there: open its link, press 确认订阅.`
      : ''
  }
  Staff token (admin):  ${staffToken}
  Another staff token:  pnpm demo-token reviewer   (or editor, admin)
  Consultation server:  http://127.0.0.1:${apiPort}/readyz  (data in ${dataDir}, request log in ${logFile})

  Ports: GK_DEMO_PORT=${sitePort} GK_API_PORT=${apiPort} GK_SMTP_PORT=${smtpPort} GK_MAIL_PORT=${mailPort}. Press Ctrl-C to stop.
`);

const stop = async () => {
  server.kill('SIGTERM');
  await site.close();
  await mailbox.close();
  await catcher.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

function inUse(port: number, variable: string): string {
  return `port ${port} is in use; stop what uses it, or choose another: ${variable}=${port + 1} pnpm start`;
}

/** Fails with one line when something already listens on `port`. */
async function free(port: number, variable: string): Promise<void> {
  if (!Number.isInteger(port) || port <= 0 || port > 65535) fail(`${variable}=${port} is not a port number`);
  await new Promise<void>((resolve) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'EADDRINUSE' ? inUse(port, variable) : `port ${port}: ${error.message}`),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/** Runs a command; its output is returned, its error output shown only when it fails. */
function run(command: string, args: string[], what: string): Promise<string> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const lines = `${stderr}`.split('\n').filter((l) => l.trim() && !/^\s+at /.test(l));
      // A busy data directory is one line; a failed build keeps its compiler messages.
      if (lines.length > 1) console.error(lines.join('\n'));
      fail(`${what}${lines.length === 1 ? `: ${lines[0]}` : ''}`);
    });
  });
}

async function demoToken(role: string): Promise<void> {
  let admin = '';
  try {
    admin = readFileSync(adminTokenFile, 'utf8').trim();
  } catch {
    fail('no demo running here: start it with `pnpm start` first');
  }
  const answer = await fetch(`http://127.0.0.1:${apiPort}/api/v1/staff/tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ role, label: 'pnpm demo-token' }),
  }).catch(() => null);
  if (!answer) fail(`the demo's server does not answer on port ${apiPort}: is \`pnpm start\` running?`);
  const body = (await answer.json().catch(() => ({}))) as { token?: string; message?: string };
  if (!answer.ok || !body.token) fail(`the server refused: ${body.message ?? answer.status}`);
  console.log(`A ${role} token for the demo (sign in with it on /admin/):\n${body.token}`);
}
