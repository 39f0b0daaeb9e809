// What went wrong, in the staff member's language: every failed call is explained where it
// happened, and nothing they typed is cleared by it.
import { STAFF_ROLES, type StaffRole } from '@gongkai/format';
import { ApiError } from '../internal/api.js';
import type { UiLang } from '../internal/localize.js';
import type { ReviewMsg } from './labels.js';
import { roleLabel } from './labels.js';

/** The server's own words: Chinese when it gave them and the page is Chinese. */
export function serverText(error: ApiError, lang: UiLang): string {
  const { zh, message } = error.body;
  return (lang !== 'en' && zh) || message || '';
}

/** A sentence saying what happened and what to do. */
export function describeError(error: unknown, t: ReviewMsg, lang: UiLang, role: StaffRole | null = null): string {
  if (!(error instanceof ApiError)) return t('errUnexpected', { detail: String(error) });
  switch (error.kind) {
    case 'network':
      return t('errNetwork');
    case 'server':
      return t('errServer', { status: error.status });
    case 'rate-limited':
      return t('errRateLimited', { seconds: error.retryAfter ?? 60 });
    case 'bad-answer':
      return t('errBadAnswer');
  }
  const detail = serverText(error, lang);
  switch (error.status) {
    case 401:
      return t('errExpired');
    case 403: {
      // "(needs admin or reviewer)", or "(needs moderate and decide: admin or reviewer)".
      const needs = /needs ([^)]*)\)/.exec(error.body.message ?? '')?.[1] ?? '';
      const roles = STAFF_ROLES.filter((r) => new RegExp(`\\b${r}\\b`).test(needs));
      const who = role ? roleLabel(t, role) : t('roleUnknown');
      return roles.length
        ? t('errForbiddenNeeds', { role: who, needs: roles.map((r) => roleLabel(t, r)).join(t('listOr')) })
        : t('errForbidden', { role: who });
    }
    case 404:
      return t('errNotFound', { detail });
    default:
      return t('errRefused', { detail: detail || `HTTP ${error.status}` });
  }
}

/** The problem a 422 names for one field (`$.reason`), if it names one. */
export function fieldProblem(error: unknown, lang: UiLang, field: string): string | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const problems = error.body.problems ?? [];
  if (!problems.some((p) => p.path === `$.${field}`)) return null;
  return serverText(error, lang) || problems[0]!.message;
}
