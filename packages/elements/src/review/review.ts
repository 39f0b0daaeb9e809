import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type ReviewMessages, reviewMessages } from '../i18n/review.js';
import { baseStyles, buttonStyles, srOnly } from '../internal/base.styles.js';
import { loadFeedbackElement } from '../internal/lazy.js';
import { LocalizeController } from '../internal/localize.js';
import { once } from '../internal/once.js';
import { ReviewActions } from './actions.js';
import { renderAudit } from './audit.js';
import { CommentPage, NO_FILTERS } from './comment-page.js';
import { CommentsTab } from './comments-tab.js';
import { Consultations, renderConsultations } from './consultations.js';
import type { ReviewContext, Tab } from './context.js';
import type { EntryTab } from './entry.js';
import { describeError } from './errors.js';
import { GroupsTab } from './groups-tab.js';
import { formatNumber, type ReviewMsg, roleLabel, statusKey } from './labels.js';
import type { NotifyTab } from './notify-templates.js';
import { panelStyles } from './panels.styles.js';
import { renderPublish } from './publish.js';
import { keepInView } from './reveal.js';
import { reviewStyles } from './review.styles.js';
import { type Route, readRoute, sameRoute, writeRoute } from './route.js';
import { StaffSession } from './session.js';
import { renderHelp, shortcutFor } from './shortcuts.js';
import { renderSignIn } from './sign-in.js';
import { Templates } from './templates.js';
import { Workspace } from './workspace.js';

const TABS: { tab: Tab; label: keyof ReviewMessages }[] = [
  { tab: 'comments', label: 'tabComments' },
  { tab: 'groups', label: 'tabGroups' },
  { tab: 'publish', label: 'tabPublish' },
  { tab: 'audit', label: 'tabAudit' },
  { tab: 'notify', label: 'tabNotify' },
  { tab: 'entry', label: 'tabEntry' },
];
/** The 录入意见 tab: a chunk of its own, loaded when it is first opened. */
const loadEntry = once(() => import('./entry.js'));

/**
 * The staff console for the comments on a draft (意见处理): sign in with a staff token, moderate,
 * decide each comment with a reason (required unless adopted, reusable templates), choose many
 * and approve, remove or decide them at once, decide near-duplicate campaign comments as a group,
 * follow the progress toward publication, preview and publish the adoption feedback, download
 * the CSV and the printable report, and read the audit log. Keyboard shortcuts cover the common path ("?" lists them). The
 * consultation and the comment open are kept in the address's hash (`#consultation=ID&comment=N`):
 * links open them and the back button works. Ships in its own file (`gongkai-staff.js`): citizens
 * never download it.
 *
 * @tagname gk-review
 * @summary Staff console: moderation, adoption decisions with reasons, groups, publishing, export, audit.
 * @event gk-decide - Comments were moderated or decided; `detail` has `consultation`, `ids`, and `moderation` or `decision`.
 * @event gk-publish - The feedback was published; `detail` has `consultation` and `version`.
 * @csspart header - The bar with the signed-in role, help and sign-out.
 * @csspart sign-in - The sign-in form.
 * @csspart consultations - The list of consultations.
 * @csspart tabs - The navigation between comments, groups, publishing and the audit log.
 * @csspart filters - The comment filters.
 * @csspart table - The comments table.
 * @csspart bulk - The bar of actions on the comments chosen in the table (approve, remove, decide).
 * @csspart detail - The open comment with its clause and controls.
 * @csspart clause - The text of the clause a comment is about.
 * @csspart moderation - The approve / remove controls.
 * @csspart decision-form - A decision form (one comment or a group).
 * @csspart workflow - Sign-off (拟办 → 审核 → 签发), assignment to a unit and internal notes of the open comment.
 * @csspart groups - The near-duplicate groups.
 * @csspart group - One group.
 * @csspart publish - The publishing panel.
 * @csspart progress - The progress toward publication.
 * @csspart preview - The preview of the public feedback.
 * @csspart audit - The audit log.
 * @csspart help - The keyboard shortcuts dialog.
 * @cssproperty [--gk-color-border=#8c959f] - Borders of tables and controls.
 * @cssproperty [--gk-color-link=#0b57d0] - Links, link-like buttons and the primary button.
 * @cssproperty [--gk-color-current=#fff1a8] - The row under the keyboard cursor.
 * @cssproperty [--gk-color-selected=#ddf4ff] - Rows chosen for a bulk action.
 * @cssproperty [--gk-color-subtle=#f6f8fa] - Backgrounds of headers and panels.
 * @cssproperty [--gk-color-danger=#b42318] - Errors and the remove button.
 * @cssproperty [--gk-color-focus=#c2410c] - The focus outline.
 * @cssproperty [--gk-radius=6px] - Corner radius.
 */
export class GkReview extends LitElement {
  static override styles = [baseStyles, buttonStyles, srOnly, reviewStyles, panelStyles];

  /** Base URL of the consultation server, e.g. `/api/v1`. */
  @property() accessor endpoint = '';
  /** Id of a consultation to open directly; without it, the console lists every consultation. */
  @property() accessor consultation = '';

  @state() private accessor tab: Tab = 'comments';
  @state() private accessor tokenInput = '';
  @state() private accessor announcement = '';
  @state() private accessor auditComment: number | null = null;
  /** The 通知 tab of the consultation open (a chunk of its own, loaded when first shown). */
  private notifyTab: { id: string; tab: NotifyTab } | null = null;

  private readonly i18n = new LocalizeController<ReviewMessages>(this, reviewMessages);
  private readonly session = new StaffSession(
    this,
    () => this.endpoint,
    () => this.requestUpdate(),
  );
  private readonly changed = () => this.requestUpdate();
  private readonly workspace = new Workspace(this.session, () => this.endpoint, this.changed);
  private readonly page = new CommentPage(this.session, this.changed);
  private readonly templates = new Templates(this.session, this.changed);
  private readonly list = new Consultations(this.session, this.changed);
  private readonly context: ReviewContext = this.makeContext();
  private readonly actions = new ReviewActions(this.context);
  private readonly comments = new CommentsTab(this.context);
  private readonly groups = new GroupsTab(this.context);
  /** The 录入意见 tab of the consultation open (its form and import survive switching tabs). */
  private entry: { id: string; tab: EntryTab } | null = null;
  private wasSignedIn = false;
  /** The route last read from, or written to, the address. */
  private route: Route | null = null;
  /** Where focus goes once it is rendered: the workspace (its current row), or a row of the list. */
  private focusNext: { to: 'workspace' } | { to: 'list'; from: string } | null = null;
  /** A comment opened by a link: its row becomes the cursor once the list has it. */
  private linkedComment: number | null = null;
  private readonly onRoute = () => this.followRoute();

  constructor() {
    super();
    this.addEventListener('keydown', (event) => this.onKey(event));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onRoute);
    window.addEventListener('hashchange', this.onRoute);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onRoute);
    window.removeEventListener('hashchange', this.onRoute);
  }

  private get t(): ReviewMsg {
    return this.i18n.msg.bind(this.i18n);
  }

  private makeContext(): ReviewContext {
    // Getters: the actions are created after the context that they are part of.
    const host = this;
    return {
      get t() {
        return host.t;
      },
      get lang() {
        return host.i18n.lang;
      },
      session: this.session,
      workspace: this.workspace,
      page: this.page,
      templates: this.templates,
      get actions() {
        return host.actions;
      },
      announce: (text) => this.announce(text),
      changed: this.changed,
      rendered: () => this.updateComplete,
      query: (selector) => this.renderRoot.querySelector(selector),
      showTab: (tab) => this.showTab(tab),
      showAudit: (comment) => {
        this.auditComment = comment;
        this.showTab('audit');
      },
      showGroup: (group) => {
        this.showTab('groups');
        void this.groups.show(group);
      },
      openComment: (id) => {
        this.showTab('comments');
        this.comments.open(id);
      },
      describe: (error) => describeError(error, this.t, this.i18n.lang, this.session.role),
      dispatchEvent: (event: Event) => this.dispatchEvent(event),
      focusReason: (prefix: string) =>
        void this.updateComplete.then(() => {
          const reason = this.renderRoot.querySelector<HTMLElement>(`#${prefix}-reason`);
          reason?.focus();
          // Already focused (Ctrl+Enter from the box): the problem said above it is brought in view.
          if (reason) keepInView(reason);
        }),
    };
  }

  /** Ends the session: forgets the token, and what was typed, on this device. */
  signOut(): void {
    this.session.signOut('signed-out');
    this.actions.forms.clear();
    this.workspace.close();
    this.comments.reset();
    this.groups.reset();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint')) this.session.restore();
    const signedIn = this.session.signedIn;
    if (signedIn && (!this.wasSignedIn || changed.has('consultation'))) {
      this.start(!this.wasSignedIn);
    }
    this.wasSignedIn = signedIn;
  }

  /** After sign-in (or a new consultation attribute): what to show first; a link says first. */
  private start(signedInNow: boolean): void {
    if (signedInNow) void this.templates.load();
    const link = readRoute();
    const id = this.workspace.id || link.consultation || this.consultation;
    if (id && (signedInNow || id !== this.workspace.id)) {
      const resume = signedInNow && id === this.workspace.id;
      this.openWorkspace(id, resume);
      if (!resume && link.consultation === id && link.comment !== null) this.openLinked(link.comment);
      if (link.consultation) this.focusNext = { to: 'workspace' };
    } else if (!id) this.loadList();
  }

  private openLinked(comment: number): void {
    this.tab = 'comments';
    this.comments.open(comment);
    this.linkedComment = comment;
  }

  /** The address changed (back, forward, a link followed on the page): show what it names. */
  private followRoute(): void {
    const link = readRoute();
    if (this.route && sameRoute(link, this.route)) return;
    if (!this.session.signedIn) return; // read again on signing in
    const id = link.consultation || this.consultation;
    this.route = { consultation: id, comment: id ? link.comment : null };
    if (!id) {
      if (this.workspace.id) this.backToList();
      return;
    }
    if (id !== this.workspace.id) this.openWorkspace(id);
    if (link.comment !== null) {
      if (link.comment !== this.comments.openId) this.openLinked(link.comment);
    } else if (this.comments.openId !== null) this.comments.close();
    this.focusNext = { to: 'workspace' };
    this.requestUpdate();
  }

  /** What is shown, in the address: a new entry for each consultation or comment opened or closed. */
  private writeRoute(): void {
    if (!this.isConnected || !this.session.signedIn) return;
    // The list is written once it is shown.
    if (!this.workspace.id && (this.list.loading || !this.list.items)) return;
    const now: Route = { consultation: this.workspace.id, comment: this.workspace.id ? this.comments.openId : null };
    const before = this.route;
    if (before && sameRoute(now, before)) return;
    this.route = now;
    // What the page showed on arrival replaces its address; each move after is a step back.
    writeRoute(now, before ? 'push' : 'replace');
  }

  protected override updated(): void {
    this.writeRoute();
    this.placeFocus();
  }

  /** After opening a consultation or going back: focus where the keys act, once it is there. */
  private placeFocus(): void {
    const next = this.focusNext;
    if (!next || !this.session.signedIn) return;
    const root = this.renderRoot;
    if (next.to === 'list') {
      if (this.workspace.id || !this.list.items) return;
      this.focusNext = null;
      const row = [...root.querySelectorAll<HTMLElement>('tr[data-consultation]')].find(
        (r) => r.dataset.consultation === next.from,
      );
      (row?.querySelector<HTMLElement>('button') ?? root.querySelector<HTMLElement>('#consultations-title'))?.focus();
      return;
    }
    if (!this.workspace.id || this.page.loading || (!this.page.loaded && !this.page.error)) return;
    if (this.linkedComment !== null) {
      this.page.select(this.linkedComment);
      this.linkedComment = null;
    }
    this.focusNext = null;
    const row =
      this.tab === 'comments'
        ? root.querySelector<HTMLElement>(`button.row-open[data-index="${this.page.cursor}"]`)
        : null;
    (row ?? root.querySelector<HTMLElement>('#workspace-title'))?.focus();
  }

  private loadList(): void {
    void this.list.load();
  }

  /** Opens a consultation; `resume` keeps the tab and the open comment (after signing in again). */
  private openWorkspace(id: string, resume = false): void {
    this.workspace.open(id);
    void this.page.load(id, resume ? this.page.filters : NO_FILTERS);
    if (!resume) {
      this.tab = 'comments';
      this.auditComment = null;
      this.comments.reset();
      this.groups.reset();
    }
  }

  private backToList(): void {
    this.focusNext = { to: 'list', from: this.workspace.id };
    this.workspace.close();
    this.comments.reset();
    this.loadList();
  }

  private showTab(tab: Tab): void {
    this.tab = tab;
    const w = this.workspace;
    if (tab === 'audit' && !w.audit.value && !w.audit.loading) void w.loadAudit();
    if (tab === 'publish' && !w.versions.value && !w.versions.loading) void w.loadVersions();
    // The preview is the server's, from the comments as they stand: read each time it is shown.
    if (tab === 'publish') void w.loadPreview();
    // The preview is shown in the element citizens read the feedback in, a chunk loaded then
    // (20 kB the console's first download does without); the plain rendering stands until it is.
    if (tab === 'publish') {
      void loadFeedbackElement()
        .then(() => customElements.whenDefined('gk-feedback'))
        .then(this.changed, (error: unknown) => console.warn('gk-review: gk-feedback did not load', error));
    }
    if (tab === 'notify') {
      void import('./notify-templates.js').then(({ NotifyTab }) => {
        const id = this.workspace.id ?? '';
        if (this.notifyTab?.id !== id) this.notifyTab = { id, tab: new NotifyTab(this.context, id) };
        this.changed();
      }, this.changed);
    }
    if (tab === 'entry') {
      void loadEntry().then(({ EntryTab }) => {
        const id = this.workspace.id ?? '';
        if (this.entry?.id !== id) this.entry = { id, tab: new EntryTab(this.context) };
        this.changed();
      }, this.changed);
    }
  }

  private announce(text: string): void {
    // The same words twice are still announced: clear, then set on the next frame.
    this.announcement = '';
    requestAnimationFrame(() => {
      this.announcement = text;
    });
  }

  private get helpDialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog#help');
  }

  private onKey(event: KeyboardEvent): void {
    if (!this.session.signedIn || this.helpDialog?.open) return;
    const shortcut = shortcutFor(event);
    if (!shortcut) return;
    let handled = false;
    const form = (event.composedPath()[0] as Element | undefined)?.closest?.('form[data-form]');
    if (shortcut.action === 'help') {
      this.helpDialog?.showModal();
      handled = true;
    } else if (shortcut.action === 'template' && form?.querySelector('select[data-template]')) {
      // From inside a decision form (a comment's, a group's, the chosen ones'): its own templates.
      form.querySelector<HTMLElement>('select[data-template]')!.focus();
      handled = true;
    } else if (this.workspace.id) {
      if (shortcut.action === 'search' && this.tab !== 'comments') {
        this.showTab('comments');
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#f-q')?.focus());
        handled = true;
      } else if (this.tab === 'comments') handled = this.comments.handle(shortcut);
      else if (this.tab === 'groups') handled = this.groups.handle(shortcut);
    }
    if (handled) event.preventDefault();
  }

  protected override render() {
    const t = this.t;
    const s = this.session;
    if (!this.endpoint) return html`<p class="gk-error" part="error" role="alert">${t('noEndpoint')}</p>`;
    return html`${s.signedIn ? this.renderHeader() : nothing}
      <p class="sr-only" role="status" aria-live="polite" data-announcer>${this.announcement}</p>
      ${!s.signedIn ? this.renderSignIn() : this.workspace.id ? this.renderWorkspace() : this.renderList()}
      ${renderHelp(t, () => this.requestUpdate())}`;
  }

  private renderHeader() {
    const t = this.t;
    const { role, label } = this.session;
    const who = role
      ? label
        ? t('signedInAsLabel', { role: roleLabel(t, role), label })
        : t('signedInAs', { role: roleLabel(t, role) })
      : t('signedInUnknown');
    return html`<header class="bar" part="header">
      <p class="app-title">${t('appTitle')}</p>
      <p class="who">${who}</p>
      <button type="button" class="gk-button" aria-keyshortcuts="?" @click=${() => this.helpDialog?.showModal()}>
        ${t('helpButton')}
      </button>
      <button type="button" class="gk-button" @click=${() => this.signOut()}>${t('signOut')}</button>
    </header>`;
  }

  private renderSignIn() {
    const { t, session: s } = this;
    const problem = s.problem;
    const error =
      problem === null
        ? null
        : problem === 'format'
          ? t('tokenFormat')
          : problem === 'invalid'
            ? t('tokenInvalid')
            : this.context.describe(problem);
    return renderSignIn({
      t,
      token: this.tokenInput,
      busy: s.busy,
      error,
      notice: s.notice,
      onInput: (token) => {
        this.tokenInput = token;
      },
      onSubmit: async () => {
        if (!(await s.signIn(this.tokenInput))) return;
        this.tokenInput = '';
        // The form is gone: focus what comes next, where the keys act.
        this.focusNext =
          this.workspace.id || readRoute().consultation || this.consultation
            ? { to: 'workspace' }
            : { to: 'list', from: '' };
      },
    });
  }

  private renderList() {
    return renderConsultations({
      t: this.t,
      lang: this.i18n.lang,
      items: this.list.items,
      loading: this.list.loading,
      error: this.list.error ? this.context.describe(this.list.error) : null,
      onOpen: (id) => {
        this.openWorkspace(id);
        this.focusNext = { to: 'workspace' };
      },
      onRetry: () => this.loadList(),
    });
  }

  private renderWorkspace() {
    const { t, workspace: w } = this;
    const lang = this.i18n.lang;
    const view = w.consultation.value;
    const progress = w.progress();
    const n = (x: number) => formatNumber(x, lang);
    return html`<div class="workspace">
      <div class="ws-head">
        <button type="button" class="gk-link-button" @click=${() => this.backToList()}>${t('backToList')}</button>
        <h2 id="workspace-title" tabindex="-1">${view?.title ?? w.id}</h2>
        ${view ? html`<span class="badge s-${view.status}">${t(statusKey[view.status])}</span>` : nothing}
        ${progress ? html`<span class="ws-progress">${t('progress', { done: n(progress.done), total: n(progress.total) })}</span>` : nothing}
      </div>
      ${
        w.consultation.error
          ? html`<div class="form-error" role="alert">
            ${this.context.describe(w.consultation.error)}
            <button type="button" class="gk-link-button" @click=${() => void w.loadConsultation()}>${t('retry')}</button>
          </div>`
          : nothing
      }
      <nav class="tabs" part="tabs" aria-label=${t('tabsLabel')}>
        ${TABS.filter(({ tab }) => tab !== 'entry' || this.session.can('enterComments')).map(
          ({ tab, label }) => html`<button
            type="button"
            data-tab=${tab}
            aria-current=${this.tab === tab ? 'page' : nothing}
            @click=${() => this.showTab(tab)}
          >
            ${t(label)}${tab === 'groups' && w.groups.value?.total ? `（${n(w.groups.value.total)}）` : ''}
          </button>`,
        )}
      </nav>
      <div class="tab-panel">${this.renderTab()}</div>
    </div>`;
  }

  private renderTab() {
    const { t, workspace: w, actions } = this;
    const lang = this.i18n.lang;
    switch (this.tab) {
      case 'comments':
        return this.comments.render();
      case 'groups':
        return this.groups.render();
      case 'entry':
        return this.entry?.id === (w.id ?? '') ? this.entry.tab.render() : html`<p role="status">${t('loading')}</p>`;
      case 'notify':
        return this.notifyTab?.id === (w.id ?? '')
          ? this.notifyTab.tab.render()
          : html`<p role="status">${t('loading')}</p>`;
      case 'audit':
        return renderAudit({
          t,
          lang,
          entries: w.audit.value,
          loading: w.audit.loading,
          error: w.audit.error ? this.context.describe(w.audit.error) : null,
          comment: this.auditComment,
          onComment: (id) => {
            this.auditComment = id;
          },
          onOpenComment: (id) => this.context.openComment(id),
          onRetry: () => void w.loadAudit(),
        });
      case 'publish': {
        const view = w.consultation.value;
        if (!view) return nothing;
        const role = this.session.role;
        const clauses = w.clauses.value ?? [];
        return renderPublish({
          t,
          lang,
          consultation: view,
          progress: w.progress(),
          progressError: w.counts.error ? this.context.describe(w.counts.error) : null,
          canPublish: this.session.can('publish'),
          roleNote: t('roleNotePublish', { role: role ? roleLabel(t, role) : t('roleUnknown') }),
          state: actions.publishing,
          versions: w.versions.value,
          preview: w.preview.value,
          previewError: w.preview.error ? this.context.describe(w.preview.error) : null,
          clauses,
          onShow: (which) => {
            this.showTab('comments');
            this.comments.filter({
              ...NO_FILTERS,
              ...(which === 'unmoderated'
                ? { moderation: 'pending' }
                : { moderation: 'approved', decision: 'undecided' }),
            });
          },
          onPublish: () => actions.setPublishing({ confirming: true, error: null, done: null }),
          onConfirm: () => void actions.publish(),
          onCancel: () => actions.setPublishing({ confirming: false }),
          onDownload: (kind) => void actions.download(kind),
          onRefresh: () => {
            void w.loadCounts();
            void w.loadConsultation();
            void w.loadVersions();
            void w.loadPreview();
          },
          onRetryPreview: () => void w.loadPreview(),
        });
      }
    }
  }
}
