// Reason templates (理由模板): reusable reasons, shared by the office, read once per session.

import type { Decision, ReasonTemplateView as ReasonTemplate } from '@gongkai/format';
import { ApiError } from '../internal/api.js';
import type { StaffSession } from './session.js';
import type { ReasonTemplateInput, ReasonTemplatesAnswer } from './staff-api.js';

export class Templates {
  list: ReasonTemplate[] | null = null;
  loading = false;
  error: unknown = null;
  /** The server has no templates endpoint (404): the picker is left out. */
  unavailable = false;

  constructor(
    private readonly session: StaffSession,
    private readonly changed: () => void,
  ) {}

  async load(): Promise<void> {
    this.loading = true;
    this.error = null;
    this.changed();
    try {
      const answer = await this.session.call<ReasonTemplatesAnswer>('/reason-templates');
      this.list = answer.items;
      this.unavailable = false;
    } catch (error) {
      this.unavailable = error instanceof ApiError && error.status === 404;
      this.error = this.unavailable ? null : error;
    } finally {
      this.loading = false;
      this.changed();
    }
  }

  /** Every template; those written for `decision` first, then those for any, then the rest. */
  for(decision: Decision | null): ReasonTemplate[] {
    const list = this.list ?? [];
    const rank = (t: ReasonTemplate) => (t.decision === decision ? 0 : t.decision === null ? 1 : 2);
    return decision ? [...list].sort((a, b) => rank(a) - rank(b)) : list;
  }

  find(id: string): ReasonTemplate | undefined {
    return this.list?.find((t) => String(t.id) === id);
  }

  /** Saves a new template; throws the server's refusal for the caller to show. */
  async save(input: ReasonTemplateInput): Promise<ReasonTemplate> {
    const saved = await this.session.call<ReasonTemplate>(
      '/reason-templates',
      { method: 'POST', body: input },
      'editTemplates',
    );
    this.list = [...(this.list ?? []), saved];
    this.changed();
    return saved;
  }

  async remove(id: number): Promise<void> {
    await this.session.call<null>(`/reason-templates/${id}`, { method: 'DELETE' }, 'editTemplates');
    this.list = (this.list ?? []).filter((t) => t.id !== id);
    this.changed();
  }
}
