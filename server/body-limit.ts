import 'server-only';

/**
 * A 413 (or 411, when the size is not declared) for a request body over `maxBytes`, answered
 * from the headers before a byte of the body is read or parsed; null lets the request through.
 * Node's HTTP parser never hands on more bytes than a Content-Length declares.
 */
export function refuseOversizedBody(headers: Headers, maxBytes: number): Response | null {
  const declared = headers.get('content-length');
  const refuse = (status: 411 | 413, message: string) =>
    new Response(message, {
      status,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  if (declared === null) {
    return headers.has('transfer-encoding')
      ? refuse(411, 'Send the request with a Content-Length.')
      : null;
  }
  const size = Number(declared);
  if (!Number.isSafeInteger(size) || size < 0)
    return refuse(411, 'The Content-Length is not valid.');
  return size > maxBytes ? refuse(413, `The request is larger than ${maxBytes} bytes.`) : null;
}
