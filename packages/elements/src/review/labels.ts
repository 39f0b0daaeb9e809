// Labels for the API's vocabulary, and the formats of dates and numbers, in the UI language.
import {
  type Clause,
  type ConsultationStatus,
  type Decision,
  type Moderation,
  printedClauseLabel,
  type RemovalReason,
  type StaffRole,
} from '@gongkai/format';
import type { ReviewMessages } from '../i18n/review.js';
import type { UiLang } from '../internal/localize.js';

export type ReviewMsg = (key: keyof ReviewMessages, params?: Record<string, string | number>) => string;

export const decisionKey = {
  adopted: 'decisionAdopted',
  'partly-adopted': 'decisionPartly',
  'not-adopted': 'decisionNotAdopted',
  'out-of-scope': 'decisionOutOfScope',
} as const satisfies Record<Decision, keyof ReviewMessages>;

export const moderationKey = {
  pending: 'moderationPending',
  approved: 'moderationApproved',
  rejected: 'moderationRejected',
} as const satisfies Record<Moderation, keyof ReviewMessages>;

export const statusKey = {
  upcoming: 'statusUpcoming',
  open: 'statusOpen',
  closed: 'statusClosed',
  'feedback-published': 'statusPublished',
} as const satisfies Record<ConsultationStatus, keyof ReviewMessages>;

const roleKey = {
  admin: 'roleAdmin',
  editor: 'roleEditor',
  reviewer: 'roleReviewer',
  checker: 'roleChecker',
  signer: 'roleSigner',
} as const satisfies Record<StaffRole, keyof ReviewMessages>;

export const roleLabel = (t: ReviewMsg, role: StaffRole) => t(roleKey[role]);

/**
 * Why a comment was removed (REMOVAL_REASONS in @gongkai/format). The server records the
 * simplified Chinese category, as the offices keep their files; the label follows the UI language.
 */
export const removalKey = {
  违法违规: 'removeIllegal',
  广告: 'removeAdvertising',
  与本次征求意见无关: 'removeOffTopic',
  重复: 'removeDuplicate',
} as const satisfies Record<RemovalReason, keyof ReviewMessages>;

/** `admin:3f2a…` → "管理员 3f2a…". */
export function actorLabel(t: ReviewMsg, actor: string): string {
  const [role, id] = actor.split(':');
  const known = role && role in roleKey;
  return known ? `${roleLabel(t, role as StaffRole)} ${id ?? ''}`.trim() : actor;
}

const locale = (lang: UiLang) => (lang === 'en' ? 'en-GB' : lang === 'zh-Hant' ? 'zh-TW' : 'zh-CN');

/** Times as the offices read them: China Standard Time. */
export function formatTime(iso: string, lang: UiLang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  }).format(date);
}

export function formatDate(iso: string, lang: UiLang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }).format(date);
}

export function formatNumber(n: number, lang: UiLang): string {
  return new Intl.NumberFormat(locale(lang)).format(n);
}

/** The first `max` characters of a text on one line. */
export function excerpt(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(line);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : line;
}

/**
 * A comment's clause as printed (一、（三）工作目标 / 第十二条): the server's label, else read from
 * the draft's clauses; null when neither knows it (the caller says so in words, never by id).
 */
export function clauseName(
  item: { clause: string | null; clauseLabel?: string | null },
  clauses: readonly Clause[] | ReadonlyMap<string, Clause>,
): string | null {
  if (item.clause === null) return null;
  return item.clauseLabel || printedClauseLabel(clauses, item.clause);
}

/** After a revision: where the clause a comment was made on stands now (修订后为第四条 / 修订中已删去), or ''. */
export function clauseNowText(
  item: { clauseNow?: { clause: string | null; label: string | null } | null },
  t: (key: 'clauseNow' | 'clauseRemoved', params?: Record<string, string>) => string,
): string {
  const now = item.clauseNow;
  if (!now) return '';
  return now.clause === null ? t('clauseRemoved') : now.label ? t('clauseNow', { label: now.label }) : '';
}
