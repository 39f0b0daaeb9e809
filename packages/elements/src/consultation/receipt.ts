// The receipt a citizen keeps: large, copyable, printable, and savable as text or an image.
import { html, nothing } from 'lit';
import type { ConsultationMessages } from '../i18n/consultation.js';
import { downloadBlob } from '../internal/download.js';
import type { SentComment } from './drafts.js';

type Msg = (key: keyof ConsultationMessages, params?: Record<string, string | number>) => string;

export interface ReceiptView {
  msg: Msg;
  sent: SentComment;
  /** The draft's own title, as the page shows it. */
  title: string;
  target: string;
  /** When it was sent, in Beijing time (the message labels it). */
  time: string;
  /** The comment as sent (kept in memory only; the device keeps a masked excerpt). */
  body: string;
  /** When the office expects to publish the feedback, formatted; '' if it has not said. */
  expected: string;
  /** What was chosen for notifications (已登记通知：z***@example.cn…); '' when nothing. */
  notify: string;
  /** The files sent with it (附件（2 个）：…); '' when none. */
  files?: string;
  copied: boolean;
  onCopy: () => void;
  onNew: () => void;
}

export function receiptText(v: Omit<ReceiptView, 'copied' | 'onCopy' | 'onNew'>): string {
  const t = v.msg;
  return [
    ...(v.title ? [v.title] : []),
    t('receiptTitle'),
    `${t('receiptLabel')}：${v.sent.receipt}`,
    t('receiptFor', { target: v.target }),
    t('receiptAt', { time: v.time }),
    ...(v.expected ? [t('feedbackExpected', { date: v.expected })] : []),
    ...(v.notify ? [v.notify] : []),
    ...(v.files ? [v.files] : []),
    '',
    t('receiptBody'),
    v.body,
    '',
    t('receiptHelp'),
  ].join('\n');
}

export function saveReceiptText(v: ReceiptView): void {
  downloadBlob(new Blob([`\ufeff${receiptText(v)}`], { type: 'text/plain;charset=utf-8' }), `${v.sent.receipt}.txt`);
}

/** Draws the receipt on a canvas (text wrapped to width) and saves it as a PNG. */
export function saveReceiptImage(v: ReceiptView): void {
  const width = 720;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) {
    saveReceiptText(v);
    return;
  }
  const font = (size: number, weight = 400) =>
    `${weight} ${size}px system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif`;
  const lines: { text: string; size: number; weight?: number }[] = [];
  const wrap = (text: string, size: number, weight = 400) => {
    ctx.font = font(size, weight);
    let line = '';
    for (const ch of text) {
      if (ctx.measureText(line + ch).width > width - 80) {
        lines.push({ text: line, size, weight });
        line = '';
      }
      line += ch;
    }
    lines.push({ text: line, size, weight });
  };
  if (v.title) wrap(v.title, 22, 700);
  wrap(v.msg('receiptTitle'), 20);
  wrap(v.sent.receipt, 44, 700);
  wrap(v.msg('receiptFor', { target: v.target }), 20);
  wrap(v.msg('receiptAt', { time: v.time }), 20);
  if (v.expected) wrap(v.msg('feedbackExpected', { date: v.expected }), 20);
  if (v.notify) wrap(v.notify, 20);
  if (v.files) wrap(v.files, 20);
  wrap(v.msg('receiptBody'), 20, 700);
  for (const paragraph of v.body.split('\n')) wrap(paragraph, 20);
  wrap(v.msg('receiptHelp'), 18);
  const height = 60 + lines.reduce((h, l) => h + l.size * 1.7, 0);
  const scale = 2;
  canvas.width = width * scale;
  canvas.height = height * scale;
  ctx.scale(scale, scale);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#1f2328';
  let y = 40;
  for (const l of lines) {
    ctx.font = font(l.size, l.weight);
    y += l.size * 1.2;
    ctx.fillText(l.text, 40, y);
    y += l.size * 0.5;
  }
  canvas.toBlob((blob) => blob && downloadBlob(blob, `${v.sent.receipt}.png`), 'image/png');
}

export function renderReceipt(v: ReceiptView) {
  const t = v.msg;
  return html`<section part="receipt" class="receipt" aria-labelledby="receipt-title">
    <h3 id="receipt-title" tabindex="-1">${t('receiptTitle')}</h3>
    ${v.title ? html`<p class="receipt-doc">${v.title}</p>` : nothing}
    <p class="receipt-label">${t('receiptLabel')}</p>
    <p class="receipt-code" translate="no">${v.sent.receipt}</p>
    <p>${t('receiptFor', { target: v.target })}</p>
    <p>${t('receiptAt', { time: v.time })}</p>
    ${v.expected ? html`<p>${t('feedbackExpected', { date: v.expected })}</p>` : nothing}
    ${v.notify ? html`<p class="receipt-notify" role="status">${v.notify}</p>` : nothing}
    ${v.files ? html`<p class="receipt-files">${v.files}</p>` : nothing}
    <p class="receipt-body-label">${t('receiptBody')}</p>
    <p class="receipt-body">${v.body}</p>
    <p class="hint">${t('receiptHelp')}</p>
    <div class="actions no-print">
      <button class="gk-button" type="button" @click=${v.onCopy}>${t('copyReceipt')}</button>
      <button class="gk-button" type="button" @click=${() => window.print()}>${t('printReceipt')}</button>
      <button class="gk-button" type="button" @click=${() => saveReceiptText(v)}>${t('saveText')}</button>
      <button class="gk-button" type="button" @click=${() => saveReceiptImage(v)}>${t('saveImage')}</button>
      <button class="gk-link-button" type="button" @click=${v.onNew}>${t('newComment')}</button>
      <span role="status">${v.copied ? t('receiptCopied') : ''}</span>
    </div>
  </section>`;
}
