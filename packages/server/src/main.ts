#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { buildApp } from './app.js';
import { Attachments } from './attachments/attachments.js';
import { attachmentArgs, attachmentOptions, attachmentUsage } from './attachments/options.js';
import { importArgs, importCommand, importUsage } from './cli/import.js';
import { tokenArgs, tokenCommand, tokenUsage } from './cli/token.js';
import { openDatabase } from './db/database.js';
import { migrate } from './db/migrate.js';
import { verifyAudit } from './lib/audit.js';
import { DataDirBusyError, lockDataDir } from './lib/data-lock.js';
import { parseTrustProxy } from './lib/proxy.js';
import type { NotifyOptions } from './notify/options.js';
import { NotifySecrets } from './notify/secrets.js';
import { seedFile, seedFiles } from './seed.js';

const usage = `usage: gongkai-server [--port 8787] [--host 127.0.0.1] [--data ./data] [--trust-proxy HOPS|ADDRESSES]
                      [--cors-origin URL …] [--rate-limit 20/600] [--seed DIR|FILE …] [--separate-signoff]
                      [--secret-file FILE] [--public-url URL] [--smtp smtp://…] [--mail-from ADDRESS]
                      [--sms-gateway URL] [--notify-rate email=20,sms=5,webhook=20]
                      ${attachmentUsage}
${tokenUsage}
${importUsage}
       gongkai-server audit verify [--data DIR]
  --trust-proxy: the proxies in front whose X-Forwarded-For is believed, as a count (1) or
  addresses and CIDR ranges (127.0.0.1 or 10.0.0.0/8,192.168.0.2); without it the client is the
  peer of the connection.
  --separate-signoff: 拟办, 审核 and 签发 by three people (a token cannot check what it drafted
  nor sign off what it drafted or checked).
  DATABASE_URL=postgres://… uses PostgreSQL instead of the embedded database in --data.
  Notifications need a secret (--secret-file, or GK_NOTIFY_SECRET: lines of 32+ characters, the
  first current) and --public-url (GK_PUBLIC_URL); --smtp (GK_SMTP_URL) sends e-mail from
  --mail-from (GK_MAIL_FROM), --sms-gateway (GK_SMS_GATEWAY, token in GK_SMS_TOKEN) SMS.`;

/** Opens and migrates the database; the embedded one is locked to this process first. */
const open = async (dataDir: string, what: string) => {
  const url = process.env.DATABASE_URL;
  const release = url ? () => {} : lockDataDir(dataDir, what);
  const db = await openDatabase({ url, dataDir });
  await migrate(db);
  const close = db.close.bind(db);
  return Object.assign(db, {
    close: async () => {
      await close();
      release();
    },
  });
};

try {
  if (process.argv[2] === 'token') {
    const args = tokenArgs(process.argv.slice(3));
    const db = await open(args.values.data!, 'gongkai-server token');
    process.exitCode = await tokenCommand(db, args);
    await db.close();
  } else if (process.argv[2] === 'import') {
    const args = importArgs(process.argv.slice(3));
    const db = await open(args.values.data!, 'gongkai-server import');
    process.exitCode = await importCommand(db, args);
    await db.close();
  } else if (process.argv[2] === 'audit') {
    process.exitCode = await auditCommand(process.argv.slice(3));
  } else {
    await serve();
  }
} catch (error) {
  // A mistake in the command line or a busy data directory: one readable line, no stack.
  if (error instanceof DataDirBusyError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error((error as Error).message);
    process.exit(2);
  }
  throw error;
}

async function auditCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { data: { type: 'string', default: './data' } },
  });
  if (positionals[0] !== 'verify') {
    console.error('usage: gongkai-server audit verify [--data DIR]');
    return 2;
  }
  const db = await open(values.data!, 'gongkai-server audit verify');
  try {
    const result = await verifyAudit(db);
    for (const p of result.problems) console.error(`entry ${p.seq} (id ${p.id}): ${p.problem}`);
    if (result.problems.length) {
      console.error(`audit log BROKEN: ${result.problems.length} problems in ${result.entries} entries`);
      return 1;
    }
    console.log(`audit log intact: ${result.entries} entries, head ${result.head ?? '(empty)'}`);
    return 0;
  } finally {
    await db.close();
  }
}

async function serve() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string', default: './data' },
      'trust-proxy': { type: 'string' },
      'cors-origin': { type: 'string', multiple: true },
      'rate-limit': { type: 'string', default: '20/600' },
      seed: { type: 'string', multiple: true },
      'secret-file': { type: 'string' },
      'public-url': { type: 'string' },
      smtp: { type: 'string' },
      'mail-from': { type: 'string' },
      'sms-gateway': { type: 'string' },
      'notify-rate': { type: 'string' },
      'separate-signoff': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      ...attachmentArgs,
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const [max, windowSeconds] = values['rate-limit'].split('/').map(Number);
  if (!(max! > 0 && windowSeconds! > 0)) throw new Error('--rate-limit is COUNT/SECONDS, e.g. 20/600');

  let trustProxy: ReturnType<typeof parseTrustProxy> | undefined;
  try {
    trustProxy = values['trust-proxy'] === undefined ? undefined : parseTrustProxy(values['trust-proxy']);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }

  let notify: NotifyOptions | undefined;
  try {
    notify = notifyOptions(values);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }

  // Attachments (files per comment/MB, where they go, the virus scanner): checked before the database opens.
  let attachments: Awaited<ReturnType<typeof attachmentOptions>>;
  try {
    attachments = await attachmentOptions(values, values.data);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }

  const db = await open(values.data, 'gongkai-server');
  // Seeded comments' files go where the server keeps citizens' uploads.
  const seedFilesTo = attachments ? new Attachments(db, attachments) : undefined;
  // Policies first: consultation fixtures refer to them.
  const files = (values.seed ?? [])
    .flatMap(seedFiles)
    .sort((a, b) => Number(isConsultation(a)) - Number(isConsultation(b)));
  for (const file of files) {
    try {
      console.log(`seeded ${await seedFile(db, file, seedFilesTo)} from ${file}`);
    } catch (error) {
      console.error(`${file}: ${(error as Error).message}`);
      process.exitCode = 1;
    }
  }

  const app = await buildApp(db, {
    logger: true,
    trustProxy,
    corsOrigins: values['cors-origin'] ?? [],
    commentLimit: { max: max!, windowSeconds: windowSeconds! },
    notify,
    attachments,
    signoff: { separate: values['separate-signoff'] === true },
  });
  await app.listen({ port: Number(values.port), host: values.host });
  const { port } = app.server.address() as AddressInfo;
  console.log(`gongkai-server listening on http://${values.host}:${port} (${db.kind})`);
  if (!notify) console.log('notifications off (no --secret-file or GK_NOTIFY_SECRET)');

  // Graceful shutdown: stop accepting, finish in-flight requests, close the database.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, async () => {
      await app.close();
      await db.close();
      process.exit(0);
    });
  }
}

/** Notifications from the options and the environment; none without a secret. */
function notifyOptions(values: Record<string, string | boolean | string[] | undefined>): NotifyOptions | undefined {
  const env = process.env;
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const file = str(values['secret-file']);
  const secrets = file
    ? NotifySecrets.fromFile(file)
    : env.GK_NOTIFY_SECRET
      ? new NotifySecrets(env.GK_NOTIFY_SECRET.split(/[\n,]/))
      : undefined;
  const smtp = str(values.smtp) ?? env.GK_SMTP_URL;
  const sms = str(values['sms-gateway']) ?? env.GK_SMS_GATEWAY;
  if (!secrets) {
    if (smtp || sms) throw new Error('--smtp and --sms-gateway need a secret: --secret-file FILE or GK_NOTIFY_SECRET');
    return undefined;
  }
  const publicUrl = str(values['public-url']) ?? env.GK_PUBLIC_URL;
  if (!publicUrl || !/^https?:\/\/[^/\s]+/.test(publicUrl)) {
    throw new Error(
      'notifications need --public-url (or GK_PUBLIC_URL): where links in messages point, e.g. https://consult.example.gov.cn',
    );
  }
  return {
    secrets,
    publicUrl,
    smtp: smtp
      ? { url: smtp, from: str(values['mail-from']) ?? env.GK_MAIL_FROM ?? `noreply@${new URL(publicUrl).hostname}` }
      : undefined,
    sms: sms ? { url: sms, token: env.GK_SMS_TOKEN } : undefined,
    rate: parseRate(str(values['notify-rate']) ?? env.GK_NOTIFY_RATE),
  };
}

/** `email=20,sms=5,webhook=20` (messages per second per instance), or one number for every transport. */
function parseRate(text: string | undefined): NotifyOptions['rate'] {
  if (!text) return undefined;
  const rate: NonNullable<NotifyOptions['rate']> = {};
  for (const part of text.split(',')) {
    const [name, value] = part.includes('=') ? part.split('=') : ['*', part];
    const n = Number(value);
    if (!(n > 0) || !['*', 'email', 'sms', 'webhook'].includes(name!.trim())) {
      throw new Error(`--notify-rate: "${part}" is not TRANSPORT=PER_SECOND (email, sms, webhook) or a number`);
    }
    for (const t of name === '*' ? (['email', 'sms', 'webhook'] as const) : [name!.trim() as 'email']) rate[t] = n;
  }
  return rate;
}

function isConsultation(file: string): boolean {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))?.kind === 'gongkai-consultation';
  } catch {
    return false;
  }
}
