import pino, { type DestinationStream, type Logger } from 'pino';
import { currentRequestContext } from './request-context';

// Keys whose values never reach a log, at any depth: secrets and the personal data of people.
const secretKey = /pass(word)?|secret|token|cookie|authorization|api[-_]?key|e-?mail|^to$/i;
const emailAddress = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[^\s@<>"'(),;:]+/g;
const maxDepth = 8;

/** A copy of `value` with secret fields and e-mail addresses replaced, Errors made plain. */
export function scrubLogValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(emailAddress, '[email]');
  if (value === null || typeof value !== 'object') return value;
  if (depth >= maxDepth) return '[deep]';
  if (value instanceof Error) {
    // Still an Error, so pino's serializer names its type; only its text is scrubbed.
    const copy = new Error(scrubLogValue(value.message) as string, {
      cause: scrubLogValue(value.cause, depth + 1),
    });
    copy.name = value.name;
    copy.stack = value.stack && (scrubLogValue(value.stack) as string);
    return copy;
  }
  if (Array.isArray(value)) return value.map((item) => scrubLogValue(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      secretKey.test(key) ? '[redacted]' : scrubLogValue(item, depth + 1),
    ]),
  );
}

/** A JSON logger to `destination` (stdout by default) that scrubs every line it writes. */
export function createLogger(destination?: DestinationStream): Logger {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: 'message',
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => scrubLogValue(object) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const [first, ...rest] = args;
          // An Error first is logged under `err`, so a message after it does not hide its own.
          const merged = first instanceof Error ? { err: first } : first;
          const scrubbed = [merged, ...rest].map((arg) => scrubLogValue(arg));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
      // Every line of a request names it, and its user once signed in.
      mixin: () => {
        const context = currentRequestContext();
        return context ? { requestId: context.requestId, userId: context.userId } : {};
      },
    },
    destination ?? pino.destination({ sync: true }),
  );
}

const globalForLogger = globalThis as unknown as { accordLogger?: Logger };

/** The process's JSON logger (one line per event on stdout); see docs in README "Operations". */
export const logger: Logger = (globalForLogger.accordLogger ??= createLogger());
