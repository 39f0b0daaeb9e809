// How a message leaves: SMTP (nodemailer), an HTTP SMS gateway (the site's own SMS platform:
// a JSON template POSTed to its URL), and webhooks (the event as JSON, signed with HMAC-SHA256).
import { createHmac } from 'node:crypto';
import { createTransport } from 'nodemailer';
import type { Message } from './templates.js';

export interface Outgoing extends Message {
  /** The decrypted address: an e-mail address, a phone number or a webhook URL. */
  to: string;
  /** Fixed per (subscription, event): the same on every attempt. */
  messageId: string;
  /** RFC 8058: the signed link that unsubscribes with one POST, no sign-in. */
  unsubscribe: string;
  /** For webhooks and SMS: the event as data. */
  data: Record<string, unknown>;
  /** For webhooks: the key their receiver verifies the signature with. */
  webhookKey?: string;
}

export interface Transport {
  send(message: Outgoing): Promise<void>;
  close(): Promise<void>;
}

/** Refused for good (a mailbox that does not exist, a 4xx from a gateway): not retried, counted as bounced. */
export class PermanentFailure extends Error {}

export interface SmtpOptions {
  /** smtp://host:port, smtps://user:pass@host… */
  url: string;
  /** The From address: "公开征求意见 <noreply@example.gov.cn>". */
  from: string;
}

export function smtpTransport(options: SmtpOptions): Transport {
  const url = new URL(options.url);
  // Pooled; a server that does not answer fails the attempt in seconds, not nodemailer's minutes.
  const defaults = { pool: 'true', connectionTimeout: '10000', greetingTimeout: '10000', socketTimeout: '30000' };
  for (const [k, v] of Object.entries(defaults)) if (!url.searchParams.has(k)) url.searchParams.set(k, v);
  const mailer = createTransport(url.href);
  return {
    async send(m) {
      try {
        const info = await mailer.sendMail({
          from: options.from,
          to: m.to,
          subject: m.subject,
          text: m.text,
          html: m.html,
          messageId: m.messageId,
          headers: {
            'List-Unsubscribe': `<${m.unsubscribe}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
            'Auto-Submitted': 'auto-generated',
          },
        });
        if (info.rejected?.length) throw new PermanentFailure(`rejected: ${info.response ?? ''}`.slice(0, 300));
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        if (code && code >= 500 && code < 600) throw new PermanentFailure(`SMTP ${code}`);
        throw error;
      }
    },
    close: async () => mailer.close(),
  };
}

export interface SmsOptions {
  /** The gateway's URL; it receives `{ to, template, params, text, messageId }`. */
  url: string;
  /** Sent as `Authorization: Bearer …` if given. */
  token?: string;
}

export function smsTransport(options: SmsOptions): Transport {
  return {
    async send(m) {
      const answer = await fetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        body: JSON.stringify({
          to: m.to,
          template: m.data.kind,
          params: m.data,
          text: m.short,
          messageId: m.messageId,
        }),
        signal: AbortSignal.timeout(10_000),
      });
      await answer.body?.cancel();
      if (answer.status >= 400 && answer.status < 500 && answer.status !== 429) {
        throw new PermanentFailure(`SMS gateway ${answer.status}`);
      }
      if (!answer.ok) throw new Error(`SMS gateway ${answer.status}`);
    },
    close: async () => {},
  };
}

/** `X-Gongkai-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, as Stripe-style receivers check it. */
export function signWebhook(key: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', key).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function webhookTransport(): Transport {
  return {
    async send(m) {
      const body = JSON.stringify({ id: m.messageId, ...m.data });
      const t = Math.floor(Date.now() / 1000);
      const answer = await fetch(m.to, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-gongkai-delivery': m.messageId,
          'x-gongkai-signature': signWebhook(m.webhookKey ?? '', t, body),
        },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(10_000),
      });
      await answer.body?.cancel();
      if (answer.status === 410) throw new PermanentFailure('webhook gone (410)');
      if (!answer.ok) throw new Error(`webhook ${answer.status}`);
    },
    close: async () => {},
  };
}
