import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@/lib/observability/logger';
import {
  requestIdFrom,
  runWithRequestContext,
  setRequestUser,
} from '@/lib/observability/request-context';

/** A logger whose lines are kept, parsed, for the test to read. */
function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      raw.push(chunk.toString());
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      callback();
    },
  });
  return { log: createLogger(stream), lines, raw };
}

describe('the logger', () => {
  it('writes one JSON line per event with its level, time and message', () => {
    const { log, lines } = capturedLogger();
    log.info({ route: '/clients' }, 'request');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', message: 'request', route: '/clients' });
    expect(typeof lines[0]?.time).toBe('string');
  });

  it('names the request and, once signed in, the user on every line of that request', () => {
    const { log, lines } = capturedLogger();
    runWithRequestContext({ requestId: 'req-1' }, () => {
      log.info('before the session is read');
      setRequestUser('user-7');
      log.warn('after');
    });
    log.info('outside any request');
    expect(lines[0]).toMatchObject({ requestId: 'req-1' });
    expect(lines[0]?.userId).toBeUndefined();
    expect(lines[1]).toMatchObject({ requestId: 'req-1', userId: 'user-7' });
    expect(lines[2]?.requestId).toBeUndefined();
  });

  it('keeps secrets and e-mail addresses out, at any depth and in messages', () => {
    const { log, raw, lines } = capturedLogger();
    log.info(
      {
        password: 'hunter2',
        user: { email: 'ada@example.test', passwordHash: '$argon2id$x' },
        headers: { cookie: 'authjs.session-token=abc', authorization: 'Bearer s3cret' },
        shareToken: 'tok_123456789',
        to: 'grace@example.test',
        note: 'sent to linus@example.test today',
      },
      'mail for bob@example.test failed',
    );
    log.error(new Error('no account for eve@example.test'), 'sign-in failed');
    const written = raw.join('');
    for (const secret of [
      'hunter2',
      'argon2id',
      'abc',
      's3cret',
      'tok_123456789',
      '@example.test',
    ]) {
      expect(written).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({
      password: '[redacted]',
      user: { email: '[redacted]', passwordHash: '[redacted]' },
      headers: { cookie: '[redacted]', authorization: '[redacted]' },
      note: 'sent to [email] today',
      message: 'mail for [email] failed',
    });
    expect(lines[1]).toMatchObject({
      message: 'sign-in failed',
      err: {
        type: 'Error',
        message: 'no account for [email]',
        stack: expect.stringContaining('Error: no account for [email]'),
      },
    });
  });
});

describe('requestIdFrom', () => {
  it('keeps a plain token from the caller', () => {
    expect(requestIdFrom('abc-123_DEF.4:5')).toBe('abc-123_DEF.4:5');
    expect(requestIdFrom(['first-id', 'second'])).toBe('first-id');
  });

  it('replaces anything that could forge a log line or a header with a fresh id', () => {
    for (const unsafe of [
      '',
      'a b',
      'x\nlevel=error',
      '"quoted"',
      'x'.repeat(129),
      null,
      undefined,
    ]) {
      const id = requestIdFrom(unsafe);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
