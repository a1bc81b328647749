/**
 * An SMTP server that accepts every message and remembers who delivered what: the Message-ID, the recipients and
 * the name the sending node gave in its EHLO greeting (set per node with `?name=` in SMTP_URL).
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Delivery {
  messageId: string;
  to: string[];
  /** The EHLO name of the node that delivered the message. */
  sender: string;
}

export interface SmtpSink {
  deliveries: Delivery[];
  /** The SMTP_URL a node uses; `name` is what it says in EHLO, so each delivery can be traced to its node. */
  urlFor(name: string): string;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const deliveries: Delivery[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        deliveries.push({
          messageId: /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          sender: session.hostNameAppearsAs,
        });
        callback();
      });
    },
  });
  // A node killed in the middle of a conversation (the scale-out test kills one) resets its connection; smtp-server
  // reports that on the server, and unheard it would end the test process. The sink counts deliveries, not resets.
  server.on('error', () => undefined);
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as AddressInfo;
  return {
    deliveries,
    urlFor: (name) => `smtp://127.0.0.1:${port}/?name=${encodeURIComponent(name)}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
