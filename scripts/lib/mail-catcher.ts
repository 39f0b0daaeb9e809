// A local SMTP server that keeps what it receives (smtp-server + mailparser), with a small web
// page listing the messages: the demo's mail catcher (`pnpm start`) and the tests' real SMTP
// server. Plain SMTP on 127.0.0.1, no TLS, no authentication: never expose it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Caught {
  /** The message as received, headers and all. */
  raw: string;
  parsed: ParsedMail;
  /** The envelope's recipients. */
  to: string[];
  at: Date;
}

export interface MailCatcher {
  port: number;
  messages: Caught[];
  /**
   * Refuse what arrives: `temporary` answers 451 to the next N messages, `permanent` 550 to
   * every recipient matching the pattern.
   */
  fail: { temporary: number; permanent: RegExp | null };
  /** Resolves once `test` holds for the messages (polled), or rejects after `ms`. */
  waitFor(test: (messages: Caught[]) => boolean, ms?: number): Promise<Caught[]>;
  /** The web page: http://127.0.0.1:<port>/ lists the messages, /<n> shows one. */
  viewer(port?: number): Promise<{ url: string; close(): Promise<void> }>;
  close(): Promise<void>;
}

export async function startMailCatcher(port = 0): Promise<MailCatcher> {
  const messages: Caught[] = [];
  const fail: MailCatcher['fail'] = { temporary: 0, permanent: null };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      if (fail.permanent?.test(address.address)) {
        const error = Object.assign(new Error('mailbox unavailable'), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (fail.temporary > 0) {
          fail.temporary--;
          return callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) => {
            messages.push({ raw, parsed, to: session.envelope.rcptTo.map((r) => r.address), at: new Date() });
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  // A client that dies mid-conversation (a server killed with kill -9) resets its connection:
  // expected here, not a reason to crash the process that catches the mail.
  server.on('error', () => {});
  const address = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  let web: Server | null = null;
  return {
    port: address.port,
    messages,
    fail,
    async waitFor(test, ms = 20_000) {
      const until = Date.now() + ms;
      while (!test(messages)) {
        if (Date.now() > until)
          throw new Error(`mail catcher: condition not met in ${ms} ms (${messages.length} messages)`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return messages;
    },
    async viewer(viewPort = 0) {
      web = createServer((req, res) => {
        const n = Number((req.url ?? '/').slice(1));
        res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
        const one = n > 0 ? messages[n - 1] : undefined;
        if (one) {
          res.setHeader('content-type', 'text/plain; charset=utf-8');
          return res.end(one.raw);
        }
        res.setHeader('content-type', 'text/html; charset=utf-8');
        const rows = messages
          .map(
            (m, i) =>
              `<tr><td>${m.at.toISOString().slice(11, 19)}</td><td>${esc(m.to.join(', '))}</td>` +
              `<td><a href="/${i + 1}">${esc(m.parsed.subject ?? '(no subject)')}</a></td>` +
              `<td><pre>${linked(m.parsed.text ?? '')}</pre></td></tr>`,
          )
          .reverse()
          .join('');
        res.end(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">` +
            `<title>Mail catcher (${messages.length})</title><style>body{font:14px system-ui;margin:1rem}` +
            `td{border-top:1px solid #ccc;vertical-align:top;padding:.4rem}pre{white-space:pre-wrap;margin:0}</style></head>` +
            `<body><h1>Mail catcher: ${messages.length} messages</h1><p>Messages the demo server sent (SMTP on port ${address.port}); ` +
            `newest first, the page refreshes every 5 s. Links in the text can be followed (confirm, unsubscribe); ` +
            `click a subject for the raw message.</p>` +
            `<table><thead><tr><th>time</th><th>to</th><th>subject</th><th>text</th></tr></thead><tbody>${rows}</tbody></table></body></html>`,
        );
      });
      await new Promise<void>((resolve) => web!.listen(viewPort, '127.0.0.1', () => resolve()));
      const p = (web.address() as AddressInfo).port;
      return {
        url: `http://127.0.0.1:${p}/`,
        close: () => new Promise<void>((resolve) => web!.close(() => resolve())),
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The text escaped, its web links made followable (a newcomer clicks the confirmation link here). */
const linked = (text: string) =>
  text
    .split(/(https?:\/\/[^\s<>"]+)/)
    .map((part, i) => (i % 2 ? `<a href="${esc(part)}">${esc(part)}</a>` : esc(part)))
    .join('');
