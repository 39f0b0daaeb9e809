#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { buildApp } from './app.js';
import { tokenArgs, tokenCommand, tokenUsage } from './cli/token.js';
import { openDatabase } from './db/database.js';
import { migrate } from './db/migrate.js';
import { seedFile, seedFiles } from './seed.js';

const usage = `usage: gongkai-server [--port 8787] [--host 127.0.0.1] [--data ./data] [--trust-proxy]
                      [--cors-origin URL …] [--rate-limit 20/600] [--seed DIR|FILE …]
${tokenUsage}
  DATABASE_URL=postgres://… uses PostgreSQL instead of the embedded database in --data.`;

const open = async (dataDir: string) => {
  const db = await openDatabase({ url: process.env.DATABASE_URL, dataDir });
  await migrate(db);
  return db;
};

if (process.argv[2] === 'token') {
  const args = tokenArgs(process.argv.slice(3));
  const db = await open(args.values.data!);
  process.exitCode = await tokenCommand(db, args);
  await db.close();
} else {
  await serve();
}

async function serve() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string', default: './data' },
      'trust-proxy': { type: 'boolean', default: false },
      'cors-origin': { type: 'string', multiple: true },
      'rate-limit': { type: 'string', default: '20/600' },
      seed: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const [max, windowSeconds] = values['rate-limit'].split('/').map(Number);
  if (!(max! > 0 && windowSeconds! > 0)) throw new Error('--rate-limit is COUNT/SECONDS, e.g. 20/600');

  const db = await open(values.data);
  // Policies first: consultation fixtures refer to them.
  const files = (values.seed ?? [])
    .flatMap(seedFiles)
    .sort((a, b) => Number(isConsultation(a)) - Number(isConsultation(b)));
  for (const file of files) {
    try {
      console.log(`seeded ${await seedFile(db, file)} from ${file}`);
    } catch (error) {
      console.error(`${file}: ${(error as Error).message}`);
      process.exitCode = 1;
    }
  }

  const app = await buildApp(db, {
    logger: true,
    trustProxy: values['trust-proxy'],
    corsOrigins: values['cors-origin'] ?? [],
    commentLimit: { max: max!, windowSeconds: windowSeconds! },
  });
  await app.listen({ port: Number(values.port), host: values.host });
  const { port } = app.server.address() as AddressInfo;
  console.log(`gongkai-server listening on http://${values.host}:${port} (${db.kind})`);

  // Graceful shutdown: stop accepting, finish in-flight requests, close the database.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, async () => {
      await app.close();
      await db.close();
      process.exit(0);
    });
  }
}

function isConsultation(file: string): boolean {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))?.kind === 'gongkai-consultation';
  } catch {
    return false;
  }
}
