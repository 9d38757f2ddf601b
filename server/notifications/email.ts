import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { logger } from '@/lib/observability/logger';

export type MailAttachment = { filename: string; contentType: string; content: string };

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  attachments?: MailAttachment[];
};

/** Sends one e-mail. Jobs take it as a parameter, so tests hand them a fake. */
export type SendMail = (message: MailMessage) => Promise<void>;

/** Where SMTP_URL, MAIL_FROM, APP_URL and AUTH_URL are read: the environment by default. */
type MailEnv = Record<string, string | undefined>;

const defaultFrom = 'Accord <accord@localhost>';
const transports = new Map<string, Transporter>();

/**
 * E-mail through SMTP_URL (e.g. `smtp://user:pass@host:587`) from MAIL_FROM. Without SMTP_URL
 * nothing is sent: each e-mail is logged as one line with its recipient and subject.
 */
export function mailSender(env: MailEnv = process.env): SendMail {
  const url = env.SMTP_URL;
  if (!url) {
    return async ({ to, subject }) => {
      logger.info({ to, subject }, 'SMTP_URL is not set; an e-mail was not sent');
    };
  }
  let transport = transports.get(url);
  if (!transport) {
    // Short timeouts: a mail server that hangs fails the attempt, and pg-boss retries it later.
    transport = nodemailer.createTransport({
      url,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    });
    transports.set(url, transport);
  }
  const from = env.MAIL_FROM || defaultFrom;
  const smtp = transport;
  return async (message) => {
    await smtp.sendMail({ from, ...message });
  };
}

/** An in-app path as an absolute link for e-mail: APP_URL, else AUTH_URL, else localhost. */
export function absoluteUrl(path: string, env: MailEnv = process.env) {
  return new URL(path, env.APP_URL || env.AUTH_URL || 'http://localhost:3000').toString();
}
