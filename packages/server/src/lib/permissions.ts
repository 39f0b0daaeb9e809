// Who may do what. The endpoints' guards and `GET /staff/me` both read this one table, so what
// the staff console is told and what the server enforces cannot drift apart. Every role may
// read and list; the rest is here. A token may be granted more than its role has (`contacts`).
// Pure (no Node modules): the browser tests' stand-in uses it too.
import { STAFF_PERMISSIONS, STAFF_ROLES, type StaffPermission, type StaffRole } from '@gongkai/format';

export const PERMISSIONS: Readonly<Record<StaffPermission, readonly StaffRole[]>> = {
  moderate: ['admin', 'reviewer'],
  decide: ['admin', 'reviewer'],
  publish: ['admin', 'editor'],
  export: STAFF_ROLES,
  editConsultations: ['admin', 'editor'],
  editTemplates: ['admin', 'reviewer'],
  // Names and contacts of submitters: personal data, for those who must answer them.
  contacts: ['admin'],
  tokens: ['admin'],
  // 拟办 → 审核 → 签发: three people, three permissions (admin holds all, for small offices).
  check: ['admin', 'checker'],
  signOff: ['admin', 'signer'],
  assign: ['admin', 'editor', 'checker'],
  notes: STAFF_ROLES,
  // Letters, e-mails, meetings…: the office staff who register what arrives (issue 21).
  enterComments: ['admin', 'editor'],
};

/** Who holds a token: its role and what it was granted besides. */
export interface Holder {
  role: StaffRole;
  grants?: readonly StaffPermission[];
}

export const can = (holder: Holder, permission: StaffPermission): boolean =>
  PERMISSIONS[permission].includes(holder.role) || (holder.grants ?? []).includes(permission);

/** The roles that have every one of `permissions` (every role for none). */
export const rolesWithAll = (permissions: readonly StaffPermission[]): StaffRole[] =>
  STAFF_ROLES.filter((role) => permissions.every((p) => PERMISSIONS[p].includes(role)));

/** The roles that have at least one of `permissions`. */
export const rolesWithAny = (permissions: readonly StaffPermission[]): StaffRole[] =>
  STAFF_ROLES.filter((role) => permissions.some((p) => PERMISSIONS[p].includes(role)));

/** What a token may do, permission by permission. */
export const permissionsOf = (holder: Holder | StaffRole): Record<StaffPermission, boolean> => {
  const h = typeof holder === 'string' ? { role: holder } : holder;
  return Object.fromEntries(STAFF_PERMISSIONS.map((p) => [p, can(h, p)])) as Record<StaffPermission, boolean>;
};

/** What a change to comments needs: `moderation` needs moderate; `decision` and `reason` need decide. */
export function commentPermissions(body: {
  moderation?: unknown;
  decision?: unknown;
  reason?: unknown;
  removalReason?: unknown;
}): StaffPermission[] {
  const needs: StaffPermission[] = [];
  if (body.moderation !== undefined || body.removalReason !== undefined) needs.push('moderate');
  if (body.decision !== undefined || body.reason !== undefined) needs.push('decide');
  return needs.length ? needs : ['moderate'];
}
