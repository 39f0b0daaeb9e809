// `gongkai-server token create|list|revoke`: staff tokens, straight in the database.
import { parseArgs } from 'node:util';
import { STAFF_PERMISSIONS, type StaffPermission } from '@gongkai/format';
import type { Database } from '../db/database.js';
import { audit } from '../lib/audit.js';
import { createToken, DEFAULT_TOKEN_DAYS, listTokens, ROLES, type Role, revokeToken } from '../lib/auth.js';

export const tokenUsage = `usage: gongkai-server token create --role admin|reviewer|editor [--label TEXT] [--expires 90d|2027-03-31]
                                  [--consultation ID …] [--grant contacts …] [--data DIR]
       gongkai-server token list [--data DIR]
       gongkai-server token revoke ID [--data DIR]
  Tokens expire (${DEFAULT_TOKEN_DAYS} days by default); --consultation limits one to those consultations;
  --grant adds a permission beyond the role (${STAFF_PERMISSIONS.join(', ')}).
  With the embedded database the server must be stopped: manage tokens of a running server over
  its API instead (GET/POST /api/v1/staff/tokens, DELETE /api/v1/staff/tokens/ID).`;

export function tokenArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      label: { type: 'string' },
      expires: { type: 'string' },
      consultation: { type: 'string', multiple: true },
      grant: { type: 'string', multiple: true },
      data: { type: 'string', default: './data' },
    },
  });
}

/** `90d`, `12h` or a date/time: when a new token stops working. */
export function parseExpiry(value: string, now = Date.now()): Date {
  const relative = /^(\d+)([dh])$/.exec(value.trim());
  const at = relative
    ? new Date(now + Number(relative[1]) * (relative[2] === 'd' ? 86_400_000 : 3_600_000))
    : new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59+08:00` : value);
  if (Number.isNaN(at.getTime()))
    throw new Error(`--expires ${value}: give days (90d), hours (12h) or a date (2027-03-31)`);
  if (at.getTime() <= now) throw new Error(`--expires ${value} is in the past`);
  return at;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : '-');

export async function tokenCommand(db: Database, args: ReturnType<typeof tokenArgs>): Promise<number> {
  const [action, id] = args.positionals;
  const actor = `cli:${process.env.USER ?? 'unknown'}`;
  if (action === 'create') {
    const role = args.values.role as Role;
    if (!ROLES.includes(role)) {
      console.error(`--role must be one of ${ROLES.join(', ')}`);
      return 2;
    }
    const grants = (args.values.grant ?? []) as StaffPermission[];
    const unknown = grants.filter((g) => !STAFF_PERMISSIONS.includes(g));
    if (unknown.length) {
      console.error(`--grant ${unknown.join(', ')}: not a permission (${STAFF_PERMISSIONS.join(', ')})`);
      return 2;
    }
    let expires: Date | undefined;
    try {
      expires = args.values.expires ? parseExpiry(args.values.expires) : undefined;
    } catch (error) {
      console.error((error as Error).message);
      return 2;
    }
    const consultations = args.values.consultation ?? null;
    const made = await db.transaction(async (tx) => {
      const t = await createToken(tx, role, {
        label: args.values.label,
        expires,
        consultations,
        grants,
        createdBy: actor,
      });
      await audit(tx, {
        actor,
        action: 'token.create',
        after: { id: t.id, role, label: args.values.label ?? null, expires: t.expires, consultations, grants },
      });
      return t;
    });
    const scope = consultations ? `, limited to ${consultations.join(', ')}` : '';
    console.log(
      `created ${role} token ${made.id}, valid until ${made.expires.toISOString()}${scope}; it is shown once, keep it secret:`,
    );
    console.log(made.token);
    return 0;
  }
  if (action === 'list') {
    console.log('id\trole\tstate\tcreated\texpires\tlast used\tconsultations\tgrants\tlabel');
    for (const t of await listTokens(db)) {
      const state = t.revoked_at
        ? `revoked ${iso(t.revoked_at)}`
        : new Date(t.expires_at).getTime() <= Date.now()
          ? 'expired'
          : 'active';
      console.log(
        [
          t.id,
          t.role,
          state,
          iso(t.created_at),
          iso(t.expires_at),
          iso(t.last_used_at),
          t.consultations?.join(',') ?? 'all',
          t.grants.join(',') || '-',
          t.label ?? '',
        ].join('\t'),
      );
    }
    return 0;
  }
  if (action === 'revoke' && id) {
    const revoked = await db.transaction(async (tx) => {
      if (!(await revokeToken(tx, id))) return false;
      await audit(tx, { actor, action: 'token.revoke', after: { id } });
      return true;
    });
    if (revoked) {
      console.log(`revoked ${id}`);
      return 0;
    }
    console.error(`no active token ${id}`);
    return 1;
  }
  console.error(tokenUsage);
  return 2;
}
