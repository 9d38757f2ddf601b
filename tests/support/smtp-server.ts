import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

type Options = {
  /** Recipients the server refuses with a permanent 550, as a real one does for a bad mailbox. */
  refuse?: string[];
  /** Listen on this port (0: any free one). */
  port?: number;
  /** Called as each message arrives, before the server accepts it. */
  onMessage?: () => Promise<void>;
};

/** A real SMTP server on loopback that keeps what it receives, parsed, for a test to read back. */
export async function startSmtpServer({ refuse = [], port = 0, onMessage }: Options = {}) {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse.includes(address.address)) {
        const error = Object.assign(new Error(`Mailbox ${address.address} does not exist`), {
          responseCode: 550,
        });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (message) => {
          await onMessage?.();
          messages.push(message);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: actualPort } = server.server.address() as AddressInfo;
  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
