#!/usr/bin/env node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from './app.js';
import { openDatabase } from './db/database.js';
import { migrate } from './db/migrate.js';
import { putPolicy } from './policies.js';

const usage = `usage: gongkai-server [--port 8787] [--host 127.0.0.1] [--data ./data] [--trust-proxy] [--seed DIR|FILE]
  DATABASE_URL=postgres://… uses PostgreSQL instead of the embedded database in --data.`;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: './data' },
    'trust-proxy': { type: 'boolean', default: false },
    seed: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const db = await openDatabase({ url: process.env.DATABASE_URL, dataDir: values.data });
await migrate(db);

for (const path of values.seed ?? []) {
  const files = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((f) => f.endsWith('.json'))
        .map((f) => join(path, f))
    : [path];
  for (const file of files) {
    try {
      const bundle = await putPolicy(db, JSON.parse(readFileSync(file, 'utf8')));
      console.log(`seeded policy ${bundle.id} from ${file}`);
    } catch (error) {
      console.error(`${file}: ${(error as Error).message}`);
      process.exitCode = 1;
    }
  }
}

const app = await buildApp(db, { logger: true, trustProxy: values['trust-proxy'] });
await app.listen({ port: Number(values.port), host: values.host });
console.log(`gongkai-server listening on http://${values.host}:${values.port} (${db.kind})`);

// Graceful shutdown: stop accepting, finish in-flight requests, close the database.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    await app.close();
    await db.close();
    process.exit(0);
  });
}
