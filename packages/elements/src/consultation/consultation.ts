import {
  type Clause,
  type Consultation,
  type ConsultationStatus,
  type ConsultationView,
  type FeedbackSummary,
  MAX_COMMENT_CHARS,
  printedClauseLabel,
  type ReceiptLookup,
  SUPPORTED_SCHEMA_VERSIONS,
  validatePartial,
} from '@gongkai/format';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { GkCommentReceiptEvent, type GkCommentRequestEvent } from '../events/consultation.js';
import type { GkFeedback } from '../feedback/feedback.js';
import { type ConsultationMessages, consultationMessages } from '../i18n/consultation.js';
import { ApiError, apiUrl, requestApi } from '../internal/api.js';
import { baseStyles, buttonStyles, srOnly } from '../internal/base.styles.js';
import { findDocument } from '../internal/find-document.js';
import { loadFeedbackElement } from '../internal/lazy.js';
import { LocalizeController } from '../internal/localize.js';
import { once } from '../internal/once.js';
import type * as Att from './attachments.js';
import { type BarState, GkConsultationBar } from './bar.js';
import { consultationStyles } from './consultation.styles.js';
import {
  DRAFT_DAYS,
  type Draft,
  DraftStore,
  deviceEvents,
  emptyDraft,
  FILES_DB,
  newKey,
  RECEIPT_DAYS,
  type SentComment,
  tidyDevice,
} from './drafts.js';
import { renderForm } from './form.js';
import {
  maskAddress,
  type NotifyChannel,
  notifyLine,
  notifyRequest,
  parseChannels,
  type ReceiptNotify,
} from './notify.js';
import { renderReceipt } from './receipt.js';
import { type DeliveryState, deliver, retryNow, withRetries } from './sender.js';
import { type FieldErrors, validateDraft } from './validate.js';
import {
  daysLeft,
  formatDate,
  formatDateTime,
  formatTime,
  fromBundle,
  fromView,
  parseDay,
  type WindowInfo,
} from './window.js';

const slot = (clause: string | null) => clause ?? '*';
/** The attachments field: a chunk of its own, for pages that take attachments. */
const loadAttachments = once((): Promise<typeof Att> => import('./attachments.js'));
/** The abort reason of deliveries stopped because the citizen cleared the device. */
const CLEARED = 'device-cleared';

/**
 * The public comment window of a draft (征求意见): its status, a "对本条提意见" button on every
 * clause of the document beside it that opens the form at the clause (beside it on wide screens,
 * a bottom sheet on phones; focus returns to the clause after), a comment form whose drafts survive reloads and lost
 * connections, delivery exactly once, and the receipt. Once the feedback is published it shows
 * the feedback (gk-feedback) where the form was. The device keeps only the comment text (7 days)
 * and receipts with a masked excerpt (180 days), never a name or contact; "清除本机记录" removes
 * it all, for public computers. A `gk-consultation-bar` whose `for` names this element's id shows
 * the status and the main actions at the top of the page.
 *
 * @tagname gk-consultation
 * @summary Comment on a draft, clause by clause; get a receipt; later read the outcome.
 * @event gk-comment-receipt - The service acknowledged a comment; `detail.receipt` is its receipt.
 * @csspart status - The status banner (征求意见中 / 尚未开始 / 已截止 / 反馈已公布).
 * @csspart form - The comment form.
 * @csspart receipt - The receipt shown after a comment was received.
 * @csspart delivery - The delivery state of a queued comment (等待网络 / 正在提交).
 * @csspart device - The "在公共电脑上？清除本机记录" action and what it cleared.
 * @csspart sheet - The form opened at a clause: beside it on wide screens, a bottom sheet on phones.
 * @cssproperty [--gk-color-accent=#b42318] - Colour of the open-window banner's edge.
 * @attr status - Set by the element: upcoming, open, closed or feedback-published.
 */
export class GkConsultation extends LitElement {
  static override styles = [baseStyles, buttonStyles, srOnly, consultationStyles];

  /** Base URL of the consultation service (e.g. `/api/v1`); defaults to the bundle's. */
  @property({ reflect: true }) accessor endpoint = '';
  /** Consultation id; defaults to the bundle's. */
  @property({ reflect: true }) accessor consultation = '';
  /** Id of the gk-document whose clauses get "对本条提意见" (same tree). */
  @property({ attribute: 'for' }) accessor htmlFor = '';
  /** The bundle's `consultation` (gk-policy sets it). */
  @property({ attribute: false }) accessor info: unknown = undefined;
  /** Clauses to comment on; taken from the gk-document when not given. */
  @property({ attribute: false }) accessor clauses: readonly Clause[] | undefined = undefined;
  /** The window's state, set by the element. */
  @property({ reflect: true }) accessor status: ConsultationStatus | '' = '';
  /**
   * Overrides the channels the server offers (its consultation answer lists them: `email` with
   * SMTP, `sms` with a gateway): `email`, `email sms`, or `none`. Here, or on an ancestor
   * (through shadow roots), e.g. `<gk-policy notify-channels="email">`. Unset: the server's.
   */
  @property({ attribute: 'notify-channels' }) accessor notifyChannels = '';
  /** The channels the server said it offers (the consultation's `notify`); null until it answers. */
  @state() private accessor offered: NotifyChannel[] | null = null;
  /**
   * Lets citizens attach files to a comment: `attachments` (5 files of 10 MB, as the server's
   * default) or `attachments="3/5"` (say what the server's `--attachments` says), here or on an
   * ancestor (`<gk-policy attachments>`). The field is a chunk of its own, loaded only then. The files wait on the device with the draft until sent.
   */
  @property() accessor attachments: string | null = null;
  private attachmentsRequested = false;
  /** The attachments field and its uploads, once its chunk is loaded. */
  private att: Att.Attachments | null = null;
  /** The files of the comment just received, for its receipt (memory only). */
  @state() private accessor receiptFiles = '';

  @state() private accessor window: WindowInfo | null = null;
  @state() private accessor configError = '';
  @state() private accessor draft: Draft = emptyDraft(null);
  @state() private accessor errors: FieldErrors = {};
  @state() private accessor deliveries = new Map<string, DeliveryState>();
  @state() private accessor submitError = '';
  @state() private accessor receipt: SentComment | null = null;
  @state() private accessor sent: SentComment[] = [];
  @state() private accessor lookups = new Map<string, string>();
  @state() private accessor copied = false;
  @state() private accessor savedNote = '';
  @state() private accessor clearedNote = '';
  /** The form opened at a clause (or from the bar), and the control to return to. */
  @state() private accessor sheet: { trigger: HTMLElement; atClause: boolean } | null = null;
  /** The text of the comment just received, shown and saved with its receipt (memory only). */
  @state() private accessor receiptBody = '';
  /** The published figures, from the gk-feedback shown here. */
  @state() private accessor summary: FeedbackSummary | null = null;
  /** What the receipt just shown says of notifications (the lookup's answer once it came). */
  @state() private accessor receiptNotify: ReceiptNotify | null = null;

  private readonly i18n = new LocalizeController<ConsultationMessages>(this, consultationMessages);
  private store: DraftStore | null = null;
  private readonly aborts = new Map<string, AbortController>();
  private root: Node | null = null;
  private loadAbort: AbortController | null = null;
  private readonly onCommentRequest = (e: GkCommentRequestEvent) =>
    this.startComment(e.detail.clause, e.detail.trigger);
  private readonly onDeviceCleared = () => this.forgetAll();

  private get msg() {
    return this.i18n.msg.bind(this.i18n);
  }

  private get bundleInfo(): Consultation | null {
    const result = checkInfo(this.info);
    return result?.ok ? (result.value.consultation ?? null) : null;
  }

  private get endpointUrl(): string {
    return this.endpoint || this.bundleInfo?.endpoint || '';
  }

  private get consultationId(): string {
    return this.consultation || this.bundleInfo?.id || '';
  }

  private get channels(): NotifyChannel[] {
    // The page's attribute overrides; else what the server offers; e-mail from an older server.
    return parseChannels(this.notifyChannels || inherited(this, 'notify-channels')) ?? this.offered ?? ['email'];
  }

  /** `attachments` here or on an ancestor (`<gk-policy attachments>`); null: none taken. */
  private get limits(): string | null {
    return this.attachments ?? inherited(this, 'attachments');
  }

  private get documentClauses(): readonly Clause[] {
    return this.clauses ?? findDocument(this, this.htmlFor)?.clauses ?? [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.root = this.getRootNode();
    this.root.addEventListener('gk-comment-request', this.onCommentRequest as EventListener);
    deviceEvents.addEventListener('cleared', this.onDeviceCleared);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.root?.removeEventListener('gk-comment-request', this.onCommentRequest as EventListener);
    deviceEvents.removeEventListener('cleared', this.onDeviceCleared);
    this.loadAbort?.abort();
    for (const abort of this.aborts.values()) abort.abort();
    this.aborts.clear();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') || changed.has('consultation') || changed.has('info')) void this.load();
    if (this.limits !== null && !this.attachmentsRequested) {
      this.attachmentsRequested = true;
      loadAttachments().then(
        (mod) => {
          this.att ??= this.newAttachments(mod);
          void this.att.show();
        },
        (error: unknown) =>
          console.warn('[gongkai] <gk-consultation>: the attachments field could not be loaded.', error),
      );
    }
    // Another draft opened (private state, so not among this element's keys).
    const before = (changed as Map<string, unknown>).get('draft') as Draft | undefined;
    if (before && this.att && before.clause !== this.draft.clause) void this.att.show();
    // The feedback is shown here once the window closes: its element is an optional part.
    const status = this.window?.status;
    if (status === 'closed' || status === 'feedback-published') {
      loadFeedbackElement().catch((error: unknown) =>
        console.warn('[gongkai] <gk-consultation>: the feedback could not be loaded.', error),
      );
    }
  }

  private async load(): Promise<void> {
    this.loadAbort?.abort();
    const abort = new AbortController();
    this.loadAbort = abort;
    this.configError = '';
    const t = this.msg;
    const result = checkInfo(this.info);
    if (result && !result.ok) {
      const language = this.i18n.lang === 'en' ? 'en' : 'zh-Hans';
      const detail = result.problems.map((p) => `${p.path} ${p.message[language]}`).join('；');
      this.configError = t('invalidConfig', { detail });
      console.warn(`[gongkai] <gk-consultation>: ${this.configError}`);
      return;
    }
    const endpoint = this.endpointUrl;
    const id = this.consultationId;
    if (!endpoint || !id) {
      this.configError = t('missingConfig');
      console.warn(`[gongkai] <gk-consultation>: ${this.configError}`);
      return;
    }
    tidyDevice();
    this.store = new DraftStore(id);
    this.sent = this.store.sent();
    this.restoreDrafts();
    try {
      const view = await requestApi<ConsultationView>(apiUrl(endpoint, `/consultations/${encodeURIComponent(id)}`), {
        signal: abort.signal,
        // The status changes (opens, closes, feedback published): never a stale copy.
        cache: 'no-cache',
      });
      if (abort.signal.aborted) return;
      this.offered = view.notify?.channels ?? null;
      this.setWindow(fromView(view));
    } catch (error) {
      if (abort.signal.aborted) return;
      const bundle = this.bundleInfo;
      if (error instanceof ApiError && error.status === 404) {
        this.configError = t('err_notFound', { id });
      } else if (bundle) {
        this.setWindow(fromBundle(bundle));
      } else {
        this.configError = t('lookupFailed', { detail: describe(error, t) });
      }
    }
  }

  private setWindow(info: WindowInfo): void {
    this.window = info;
    this.status = info.status;
    // Comments can be written while the service is unreachable too: they wait in the outbox.
    const doc = findDocument(this, this.htmlFor);
    doc?.setCommentable(info.status === 'open');
    if (info.status === 'open') this.resumeQueued();
  }

  /** Shows the draft the citizen was last writing (a queued one first). */
  private restoreDrafts(): void {
    const drafts = this.store?.all() ?? [];
    const pick = drafts.find((d) => d.state === 'queued') ?? drafts.at(-1);
    if (pick) this.draft = pick;
  }

  private resumeQueued(): void {
    // Another tab may have sent the draft shown here meanwhile.
    if (this.draft.state === 'queued' && !this.store?.get(this.draft.clause)) {
      this.draft = emptyDraft(this.draft.clause);
      this.sent = this.store?.sent() ?? [];
    }
    for (const draft of this.store?.all() ?? []) {
      if (draft.state === 'queued' && !this.aborts.has(slot(draft.clause))) void this.send(draft);
    }
  }

  /**
   * Opens the form for a clause (or the whole text), keeping what was written for each. With a
   * `trigger` (the clause's "对本条提意见"), the form opens there: the clause is brought to the top
   * of the screen and the form beside it (a bottom sheet on phones); closing it returns to the
   * trigger. Without one, the form below is brought into view.
   */
  startComment(clause: string | null, trigger?: HTMLElement): void {
    if (this.window && this.window.status !== 'open') return;
    this.switchTo(clause);
    this.receipt = null;
    this.sheet = trigger ? { trigger, atClause: clause !== null } : null;
    if (this.sheet?.atClause) revealClause(trigger!);
    void this.updateComplete.then(() => {
      if (!this.sheet) this.renderRoot.querySelector('form')?.scrollIntoView({ block: 'start' });
      this.renderRoot.querySelector<HTMLTextAreaElement>('#body')?.focus({ preventScroll: true });
    });
  }

  /** Closes the form opened at a clause; focus and the screen go back to where it was opened. */
  closeSheet(): void {
    const sheet = this.sheet;
    if (!sheet) return;
    this.sheet = null;
    if (!sheet.trigger.isConnected) return;
    if (sheet.atClause) revealClause(sheet.trigger);
    sheet.trigger.focus({ preventScroll: sheet.atClause });
  }

  /** Tells the gk-consultation-bar(s) naming this element what they should show. */
  syncBars(): void {
    if (!this.id || !this.window) return;
    const root = this.getRootNode() as Document | ShadowRoot;
    const bars = root.querySelectorAll?.(`[for="${CSS.escape(this.id)}"]`) ?? [];
    const w = this.window;
    const state: BarState = {
      status: w.status,
      opens: w.opens,
      closes: w.closes,
      feedbackExpected: w.feedbackExpected,
      received: w.received,
      summary: this.summary,
      endpoint: this.endpointUrl,
      consultation: this.consultationId,
      policy: w.policy,
      channels: this.channels.join(' ') || 'none',
    };
    for (const bar of bars) {
      if (bar instanceof GkConsultationBar)
        bar.show(state, {
          comment: (trigger) => this.startComment(null, trigger),
          showFeedback: () => this.feedbackElement?.showOutcome(),
          showLookup: () => this.feedbackElement?.showLookup(),
        });
    }
  }

  private get feedbackElement(): GkFeedback | null {
    return this.renderRoot.querySelector<GkFeedback>('#feedback');
  }

  private readonly onFeedbackReady = () => {
    this.summary = this.feedbackElement?.summary ?? null;
  };

  protected override updated(): void {
    this.syncBars();
    const sheet = this.renderRoot.querySelector<HTMLElement>('.sheet');
    // In the top layer when the browser has it: above the page, whatever its CSS or transforms.
    if (sheet && typeof sheet.showPopover === 'function' && !sheet.matches(':popover-open')) sheet.showPopover();
  }

  private ownerOf(clause: string | null): string {
    return `${this.consultationId}:${slot(clause)}`;
  }

  private newAttachments(mod: typeof Att): Att.Attachments {
    const host = this;
    return new mod.Attachments({
      get lang() {
        return host.i18n.lang;
      },
      get limits() {
        return host.limits ?? '';
      },
      get owner() {
        return host.ownerOf(host.draft.clause);
      },
      changed: () => this.requestUpdate(),
      focus: (selector) =>
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus()),
      retry: withRetries,
      keepDays: DRAFT_DAYS,
      database: FILES_DB,
    });
  }

  /**
   * Sends the comment; with attachments on, its files are uploaded first (each retried like the
   * comment, the chunk too: it may have to come over the network that just returned), and files
   * the server no longer knows (a token expired while offline) are uploaded again.
   */
  private async deliverWithFiles(draft: Draft, comment: Parameters<typeof deliver>[0]['comment'], signal: AbortSignal) {
    const onState = (s: DeliveryState) => this.setDelivery(draft.clause, s);
    const mod =
      this.limits === null
        ? null
        : await withRetries(
            () => loadAttachments().catch(() => Promise.reject(new ApiError('network', 'chunk'))),
            onState,
            signal,
          );
    if (mod) this.att ??= this.newAttachments(mod);
    const att = mod ? this.att : null;
    const owner = this.ownerOf(draft.clause);
    const base = { endpoint: this.endpointUrl, consultation: this.consultationId, signal, onState };
    for (let tries = 0; ; tries++) {
      const tokens = att ? await att.upload({ ...base, owner }) : [];
      try {
        const answer = await deliver({
          ...base,
          key: draft.key,
          comment: tokens.length ? { ...comment, attachments: tokens } : comment,
        });
        return { answer, files: att ? await att.sent(owner) : '' };
      } catch (error) {
        if (!att || tries > 1 || !(await att.unknown(owner, error))) throw error;
      }
    }
  }

  private switchTo(clause: string | null): void {
    if (clause === this.draft.clause) return;
    this.errors = {};
    this.submitError = '';
    this.draft = this.store?.get(clause) ?? emptyDraft(clause);
  }

  private edit(patch: Partial<Draft>): void {
    this.draft = { ...this.draft, ...patch };
    if (Object.keys(this.errors).length) this.errors = validateDraft(this.draft, this.msg, this.channels);
    this.store?.save(this.draft);
    this.savedNote = this.msg('savedAt', { time: formatTime(new Date(), this.i18n.lang) });
    this.clearedNote = '';
  }

  private discard(): void {
    if (!confirm(this.msg('discardConfirm'))) return;
    this.store?.remove(this.draft.clause);
    void this.att?.discard(this.ownerOf(this.draft.clause));
    this.draft = emptyDraft(this.draft.clause);
    this.errors = {};
    this.savedNote = '';
  }

  private async submit(): Promise<void> {
    // A second press while the first is on its way does nothing: the comment is already queued.
    if (this.draft.state === 'queued') return;
    const errors = validateDraft(this.draft, this.msg, this.channels);
    this.errors = errors;
    this.submitError = '';
    const first = Object.keys(errors)[0];
    if (first) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${first === 'notify' ? 'notify-address' : first}`)?.focus();
      return;
    }
    // Whoever presses submit has now seen the name and contact fields as they are.
    const queued: Draft = { ...this.draft, state: 'queued', withheld: false, interrupted: false };
    this.draft = queued;
    this.store?.save(queued);
    await this.send(queued);
  }

  private setDelivery(clause: string | null, value: DeliveryState | null): void {
    const next = new Map(this.deliveries);
    if (value) next.set(slot(clause), value);
    else next.delete(slot(clause));
    this.deliveries = next;
  }

  /** Sends one queued draft until the service answers; its text stays saved until then. */
  private async send(draft: Draft): Promise<void> {
    const key = slot(draft.clause);
    this.aborts.get(key)?.abort();
    const abort = new AbortController();
    this.aborts.set(key, abort);
    const channels = this.channels;
    const wanted = channels.includes(draft.notifyChannel) ? draft.notifyChannel : channels[0];
    const notify = draft.notify && draft.notifyAddress.trim() && wanted ? wanted : null;
    const comment = {
      body: draft.body,
      ...(draft.clause ? { clause: draft.clause } : {}),
      submitterType: draft.submitterType,
      ...(draft.submitterType !== 'anonymous' && draft.name.trim() ? { name: draft.name.trim() } : {}),
      ...(draft.contact.trim() ? { contact: draft.contact.trim() } : {}),
      ...(notify ? { notify: notifyRequest(notify, draft.notifyAddress, this.i18n.lang, draft.notifyAck) } : {}),
    };
    try {
      const { answer, files } = await this.deliverWithFiles(draft, comment, abort.signal);
      // Cleared meanwhile: the citizen asked for nothing to be left here, not even this receipt.
      if (abort.signal.reason === CLEARED) return;
      const entry = this.store!.acknowledge(draft, answer.receipt);
      this.sent = this.store!.sent();
      if (this.draft.clause === draft.clause) {
        this.receipt = entry;
        this.receiptBody = draft.body;
        this.receiptFiles = files;
        // Pending until the citizen follows the link; the lookup then says what the server holds.
        this.receiptNotify = notify
          ? {
              channel: notify,
              state: 'pending',
              address: maskAddress(notify, draft.notifyAddress),
              acknowledge: draft.notifyAck,
            }
          : null;
        if (notify) void this.lookupNotify(answer.receipt);
        this.draft = emptyDraft(null);
        this.errors = {};
        this.savedNote = '';
        // Sent at the clause: the clause comes back into view beside its receipt.
        if (this.sheet?.atClause && this.sheet.trigger.isConnected) revealClause(this.sheet.trigger);
        void this.updateComplete.then(() =>
          this.renderRoot.querySelector<HTMLElement>('#receipt-title')?.focus({ preventScroll: !!this.sheet }),
        );
      }
      this.dispatchEvent(
        new GkCommentReceiptEvent({ consultation: this.consultationId, clause: draft.clause, receipt: answer.receipt }),
      );
    } catch (error) {
      if (abort.signal.aborted) return;
      // Refused: back to editing with everything kept, and a new key for what will be a new request.
      const editable: Draft = { ...draft, state: 'editing', key: newKey() };
      this.store?.save(editable);
      if (this.draft.clause === draft.clause) {
        this.draft = editable;
        this.submitError = this.refusal(error);
        const notifyProblem = this.notifyRefusal(error);
        if (notifyProblem) this.errors = { ...this.errors, notify: notifyProblem };
      }
      if (error instanceof ApiError && error.status === 403 && this.window) {
        const closed = error.code === 'closed';
        this.setWindow({ ...this.window, status: closed ? 'closed' : 'upcoming' });
      }
    } finally {
      if (this.aborts.get(key) === abort) this.aborts.delete(key);
      this.setDelivery(draft.clause, null);
    }
  }

  private stopAndEdit(): void {
    const key = slot(this.draft.clause);
    this.aborts.get(key)?.abort();
    this.aborts.delete(key);
    this.setDelivery(this.draft.clause, null);
    // The stopped request may still have arrived; an edited comment is a new one.
    this.draft = { ...this.draft, state: 'editing', key: newKey() };
    this.store?.save(this.draft);
  }

  private refusal(error: unknown): string {
    const t = this.msg;
    const lang = this.i18n.lang;
    // A file the server refused (too large, its type, malware): already in words, naming the file.
    if (error instanceof Error && error.name === 'AttachmentRefused') return error.message;
    if (!(error instanceof ApiError)) return t('err_refused', { status: '', detail: String(error) });
    const body = error.body;
    const detail = (lang !== 'en' && body.zh) || body.message || describe(error, t);
    if (error.status === 403 && body.closes && error.code === 'closed') {
      return t('err_closed', { date: formatDate(new Date(body.closes), lang) });
    }
    if (error.status === 403 && body.opens) return t('err_notOpen', { date: formatDate(new Date(body.opens), lang) });
    if (error.status === 413) return t('err_tooLong', { max: MAX_COMMENT_CHARS });
    if (error.status === 409 && error.code === 'idempotency-conflict') return t('err_alreadyReceived');
    if (error.status === 404) return t('err_notFound', { id: this.consultationId });
    if (error.status === 400) {
      const problems = body.problems?.map((p) => `${p.path} ${p.message}`).join('；');
      return t('err_invalid', { detail: problems || detail });
    }
    return t('err_refused', { status: error.status || error.kind, detail });
  }

  /** The server's word on a refused wish to be notified, for the field ('' when it is not that). */
  private notifyRefusal(error: unknown): string {
    if (!(error instanceof ApiError)) return '';
    if (error.code === 'notifications-off') return this.msg('err_notifyOff');
    const problem = error.body.problems?.find((p) => p.path.startsWith('$.notify'));
    if (!problem) return '';
    return (this.i18n.lang !== 'en' && error.body.zh) || problem.message;
  }

  /** Replaces the receipt's notification line with what the receipt lookup reports. */
  private async lookupNotify(receipt: string): Promise<void> {
    try {
      const r = await requestApi<ReceiptLookup & { notify?: ReceiptNotify | null }>(
        apiUrl(this.endpointUrl, `/receipts/${encodeURIComponent(receipt)}`),
      );
      if (r.notify && this.receipt?.receipt === receipt) this.receiptNotify = r.notify;
    } catch {
      // The line already says what was asked for; the lookup only refines it.
    }
  }

  private async lookup(receipt: string): Promise<void> {
    const t = this.msg;
    let text: string;
    try {
      const r = await requestApi<ReceiptLookup & { notify?: ReceiptNotify | null }>(
        apiUrl(this.endpointUrl, `/receipts/${encodeURIComponent(receipt)}`),
      );
      text =
        r.status === 'decided' && r.decision
          ? [
              t('receipt_decided', { decision: t(`decision_${r.decision}`) }),
              r.reason ? t('reasonLabel', { reason: r.reason }) : '',
            ]
              .filter(Boolean)
              .join(' ')
          : t(`receipt_${r.status}`);
      if (r.notify) text += ` · ${notifyLine(r.notify, t)}`;
    } catch (error) {
      text = t('lookupFailed', { detail: describe(error, t) });
    }
    this.lookups = new Map(this.lookups).set(receipt, text);
  }

  private async copyReceipt(receipt: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(receipt);
      this.copied = true;
      setTimeout(() => {
        this.copied = false;
      }, 2500);
    } catch {
      // No clipboard here: select the code so the citizen can copy it by hand.
      const code = this.renderRoot.querySelector('.receipt-code');
      if (code) getSelection()?.selectAllChildren(code);
    }
  }

  /** "清除本机记录": every draft and receipt of every consultation, and the form emptied. */
  private clearDevice(): void {
    const store = this.store ?? new DraftStore(this.consultationId);
    const cleared = store.clearDevice();
    this.clearedNote = this.msg('deviceCleared', { drafts: cleared.drafts, receipts: cleared.receipts });
  }

  /** Drops everything this element holds about the citizen; their queued comments are stopped. */
  private forgetAll(): void {
    for (const abort of this.aborts.values()) abort.abort(CLEARED);
    this.aborts.clear();
    this.deliveries = new Map();
    this.store?.forget();
    this.draft = emptyDraft(null);
    this.errors = {};
    this.submitError = '';
    this.receipt = null;
    this.receiptBody = '';
    this.receiptNotify = null;
    this.receiptFiles = '';
    this.att?.forget();
    this.sheet = null;
    this.sent = [];
    this.lookups = new Map();
    this.savedNote = '';
  }

  private targetName(clause: string | null): string {
    if (!clause) return this.msg('wholeText');
    return printedClauseLabel(this.documentClauses, clause) ?? this.msg('unknownClause');
  }

  /** The draft's own title as the page shows it (its bundle's), else the consultation's. */
  private get draftTitle(): string {
    const bundle = findDocument(this, this.htmlFor)?.bundle as { meta?: { title?: unknown } } | undefined;
    const title = bundle?.meta?.title;
    return typeof title === 'string' && title.trim() ? title.trim() : (this.window?.title ?? '');
  }

  protected override render() {
    if (this.configError) return html`<div class="gk-error" part="error" role="alert">${this.configError}</div>`;
    const w = this.window;
    if (!w) return html`<p role="status">${this.msg('loadingStatus')}</p>`;
    return html`<section aria-labelledby="gk-consultation-title">
      <h2 id="gk-consultation-title" class="sr-only">${this.msg('consultation')}</h2>
      ${this.renderStatus(w)} ${this.renderAbout(w)}
      ${w.status === 'open' ? this.renderOpen() : nothing}
      ${w.status === 'closed' || w.status === 'upcoming' ? this.renderKeptDraft() : nothing}
      ${this.renderSent()} ${this.renderDevice()}
      ${
        w.status === 'feedback-published' || w.status === 'closed'
          ? html`<gk-feedback
              id="feedback"
              endpoint=${this.endpointUrl}
              consultation=${this.consultationId}
              @gk-feedback-ready=${this.onFeedbackReady}
            ></gk-feedback>`
          : nothing
      }
    </section>`;
  }

  private renderStatus(w: WindowInfo) {
    const t = this.msg;
    const lang = this.i18n.lang;
    const closes = formatDate(w.closes, lang);
    const left = daysLeft(w.closes);
    const lines =
      w.status === 'open'
        ? [t('closesOn', { date: closes }), left > 0 ? t('daysLeft', { days: left }) : t('lastDay')]
        : w.status === 'upcoming'
          ? [t('opensOn', { date: formatDate(w.opens, lang) })]
          : w.status === 'closed'
            ? [
                t('closedOn', { date: closes }),
                w.feedbackExpected
                  ? t('feedbackExpected', { date: formatDate(new Date(w.feedbackExpected), lang) })
                  : '',
              ]
            : [t('feedbackPublished')];
    return html`<div part="status" class="status ${w.status}" role="status">
      <strong class="badge">${t(`status_${w.status}`)}</strong>
      ${lines.filter(Boolean).map((line) => html`<span>${line}</span>`)}
      ${
        w.status === 'feedback-published'
          ? html`<button class="gk-link-button" type="button" @click=${() => this.renderRoot.querySelector('#feedback')?.scrollIntoView()}>
            ${t('status_feedback-published')} ↓
          </button>`
          : nothing
      }
      ${w.confirmed ? nothing : html`<p class="unconfirmed">${t('statusUnknown')}</p>`}
    </div>`;
  }

  private renderAbout(w: WindowInfo) {
    const t = this.msg;
    const lang = this.i18n.lang;
    return html`<dl class="about">
      <dt>${t('window', { opens: formatDate(w.opens, lang), closes: formatDate(w.closes, lang), days: w.days })}</dt>
      ${w.shortWindowReason ? html`<dd>${t('shortWindow', { reason: w.shortWindowReason })}</dd>` : nothing}
      ${
        w.draftingNotes
          ? html`<dt>${t('draftingNotes')}</dt>
            ${w.draftingNotes.split(/\n\s*\n/).map((p) => html`<dd>${p}</dd>`)}`
          : nothing
      }
      ${
        w.basis.length
          ? html`<dt>${t('basis')}</dt>
            <dd><ul>${w.basis.map((b) => html`<li>${b.url ? html`<a href=${b.url} rel="noopener">${b.title}</a>` : b.title}</li>`)}</ul></dd>`
          : nothing
      }
      ${w.contact ? html`<dt>${t('contact')}</dt><dd>${w.contact}</dd>` : nothing}
    </dl>`;
  }

  private renderOpen() {
    const t = this.msg;
    const others = (this.store?.all() ?? []).filter((d) => d.clause !== this.draft.clause);
    const sheet = this.sheet;
    return html`
      ${
        sheet
          ? html`<div
              class="sheet"
              part="sheet"
              popover="manual"
              role="dialog"
              aria-labelledby=${this.receipt ? 'receipt-title' : 'form-title'}
              @keydown=${(e: KeyboardEvent) => {
                if (e.key === 'Escape') {
                  e.stopPropagation();
                  this.closeSheet();
                }
              }}
            >
              <div class="sheet-head">
                <button class="gk-button" type="button" @click=${() => this.closeSheet()}>${t('backToText')}</button>
              </div>
              ${this.renderComposer()}
            </div>
            <p class="elsewhere">
              <button class="gk-link-button" type="button" @click=${() => this.closeSheet()}>
                ${t('backToText')}：${this.targetName(this.draft.clause)}
              </button>
            </p>`
          : this.renderComposer()
      }
      ${
        others.length
          ? html`<section class="drafts" aria-labelledby="drafts-title">
            <h3 id="drafts-title">${t('pendingDrafts')}</h3>
            <ul>
              ${others.map(
                (d) => html`<li>
                  <button class="gk-link-button" type="button" @click=${() => this.startComment(d.clause)}>
                    ${t('openDraft', { target: this.targetName(d.clause) })}
                  </button>
                  ${this.deliveries.has(slot(d.clause)) ? html` — ${this.deliveryText(this.deliveries.get(slot(d.clause))!)}` : nothing}
                </li>`,
              )}
            </ul>
          </section>`
          : nothing
      }
    `;
  }

  /** The receipt of the comment just sent, or the form (with its delivery state). */
  private renderComposer() {
    const t = this.msg;
    const lang = this.i18n.lang;
    const w = this.window;
    if (this.receipt) {
      return renderReceipt({
        msg: t,
        sent: this.receipt,
        title: this.draftTitle,
        target: this.targetName(this.receipt.clause),
        time: formatDateTime(new Date(this.receipt.sent), lang),
        body: this.receiptBody,
        expected: w?.feedbackExpected ? formatDate(parseDay(w.feedbackExpected), lang) : '',
        notify: this.receiptNotify ? notifyLine(this.receiptNotify, t) : '',
        files: this.receiptFiles,
        copied: this.copied,
        onCopy: () => this.copyReceipt(this.receipt!.receipt),
        onNew: () => {
          this.receipt = null;
          void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#body')?.focus());
        },
      });
    }
    const delivery = this.deliveries.get(slot(this.draft.clause)) ?? null;
    const locked = this.draft.state === 'queued';
    return html`
      ${locked ? this.renderDelivery(delivery) : nothing}
      ${this.submitError ? html`<div class="gk-error" role="alert">${this.submitError}</div>` : nothing}
      ${renderForm({
        msg: t,
        draft: this.draft,
        clauses: this.documentClauses,
        errors: this.errors,
        locked,
        savedNote: this.savedNote,
        channels: this.channels,
        keep: { draftDays: DRAFT_DAYS, receiptDays: RECEIPT_DAYS },
        onTarget: (clause) => this.switchTo(clause),
        onField: (patch) => this.edit(patch),
        onSubmit: () => void this.submit(),
        onDiscard: () => this.discard(),
        attachments: this.limits === null ? nothing : this.att?.render(locked),
      })}
    `;
  }

  private deliveryText(d: DeliveryState): string {
    const t = this.msg;
    const lang = this.i18n.lang;
    switch (d.kind) {
      case 'sending':
        return t('state_sending');
      case 'waiting':
        return t('state_waiting');
      case 'retrying':
        return t('state_retrying', { time: formatTime(d.at, lang), attempt: d.attempt });
      case 'rate-limited':
        return t('state_rateLimited', { time: formatTime(d.at, lang) });
    }
  }

  private renderDelivery(d: DeliveryState | null) {
    const t = this.msg;
    return html`<div part="delivery" class="delivery ${d?.kind ?? 'sending'}" role="status">
      <span>${this.deliveryText(d ?? { kind: 'sending' })}</span>
      ${this.att?.note ? html`<span>${this.att.note}</span>` : nothing}
      ${d && d.kind !== 'sending' ? html`<button class="gk-button" type="button" @click=${retryNow}>${t('retryNow')}</button>` : nothing}
      <button class="gk-link-button" type="button" @click=${() => this.stopAndEdit()}>${t('stopAndEdit')}</button>
    </div>`;
  }

  /** After the window: a draft that was never sent is still shown, to copy elsewhere. */
  private renderKeptDraft() {
    const drafts = this.store?.all() ?? [];
    if (!drafts.length) return nothing;
    const t = this.msg;
    return html`${this.submitError ? html`<div class="gk-error" role="alert">${this.submitError}</div>` : nothing}
      <section class="drafts" aria-labelledby="kept-title">
        <h3 id="kept-title">${t('pendingDrafts')}</h3>
        ${drafts.map(
          (d) => html`<div class="kept">
            <p>${this.targetName(d.clause)}</p>
            <textarea readonly rows="4" aria-label=${t('body')} .value=${d.body}></textarea>
            <button class="gk-button" type="button" @click=${() => navigator.clipboard?.writeText(d.body)}>${t('copyText')}</button>
            <button class="gk-link-button" type="button" @click=${() => {
              this.store?.remove(d.clause);
              this.requestUpdate();
            }}>${t('discard')}</button>
          </div>`,
        )}
      </section>`;
  }

  private renderDevice() {
    return html`<div part="device" class="device">
      <button class="gk-button" type="button" @click=${() => this.clearDevice()}>${this.msg('clearDevice')}</button>
      <p class="hint" role="status" aria-live="polite">${this.clearedNote}</p>
    </div>`;
  }

  private renderSent() {
    if (!this.sent.length) return nothing;
    const t = this.msg;
    return html`<section class="sent" aria-labelledby="sent-title">
      <h3 id="sent-title">${t('myComments')}</h3>
      <ul>
        ${this.sent.map(
          (s) => html`<li>
            <span class="code" translate="no">${s.receipt}</span>
            <span>${this.targetName(s.clause)}</span>
            <span class="excerpt">${s.excerpt}</span>
            <button class="gk-link-button" type="button" @click=${() => this.lookup(s.receipt)}>${t('checkStatus')}</button>
            <span role="status">${this.lookups.get(s.receipt) ?? ''}</span>
          </li>`,
        )}
      </ul>
    </section>`;
  }
}

/** An attribute of the nearest ancestor that has it (notify-channels, attachments), looking through shadow roots. */
function inherited(element: Element, name: string): string | null {
  for (let node: Element | null = element; node; ) {
    const found = node.closest(`[${name}]`);
    if (found) return found.getAttribute(name);
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/** The bundle's consultation, checked by the format's own schema (null when none was given). */
function checkInfo(info: unknown) {
  if (info === undefined || info === null) return null;
  return validatePartial({ schemaVersion: SUPPORTED_SCHEMA_VERSIONS[0], consultation: info });
}

function describe(error: unknown, t: (key: keyof ConsultationMessages) => string): string {
  if (error instanceof ApiError) {
    if (error.kind === 'network') return t('networkDetail');
    return error.body.zh ?? error.body.message ?? `HTTP ${error.status}`;
  }
  return String(error);
}

/** Brings a clause (its start, where the trigger is) to the top of the screen, at once. */
function revealClause(trigger: HTMLElement): void {
  const host = (trigger.getRootNode() as ShadowRoot).host ?? trigger;
  const clauseStart = trigger.closest('.gk-clause-tools') ?? (host instanceof HTMLElement ? host : trigger);
  clauseStart.scrollIntoView({ block: 'start', behavior: 'instant' });
}
