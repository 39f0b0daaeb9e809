// `gongkai-server token create|list|revoke`: staff tokens, straight in the database.
import { parseArgs } from 'node:util';
import type { Database } from '../db/database.js';
import { createToken, listTokens, ROLES, type Role, revokeToken } from '../lib/auth.js';

export const tokenUsage = `usage: gongkai-server token create --role admin|reviewer|editor [--label TEXT] [--data DIR]
       gongkai-server token list [--data DIR]
       gongkai-server token revoke ID [--data DIR]
  With the embedded database, stop the server first: one process per data directory.`;

export function tokenArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: 'string' }, label: { type: 'string' }, data: { type: 'string', default: './data' } },
  });
}

export async function tokenCommand(db: Database, args: ReturnType<typeof tokenArgs>): Promise<number> {
  const [action, id] = args.positionals;
  if (action === 'create') {
    const role = args.values.role as Role;
    if (!ROLES.includes(role)) {
      console.error(`--role must be one of ${ROLES.join(', ')}`);
      return 2;
    }
    const { id: tokenId, token } = await createToken(db, role, args.values.label);
    console.log(`created ${role} token ${tokenId}; it is shown once, keep it secret:`);
    console.log(token);
    return 0;
  }
  if (action === 'list') {
    for (const t of await listTokens(db)) {
      const state = t.revoked_at ? `revoked ${new Date(t.revoked_at).toISOString()}` : 'active';
      console.log(`${t.id}\t${t.role}\t${state}\t${new Date(t.created_at).toISOString()}\t${t.label ?? ''}`);
    }
    return 0;
  }
  if (action === 'revoke' && id) {
    if (await revokeToken(db, id)) {
      console.log(`revoked ${id}`);
      return 0;
    }
    console.error(`no active token ${id}`);
    return 1;
  }
  console.error(tokenUsage);
  return 2;
}
