import { clientAddressFrom } from '@/server/auth/client-ip';
import { getUserForRoute } from '@/server/auth/session';
import { receiveUpload } from '@/server/documents/upload';

/** Whether the request comes from an Accord page: a POST from another site is refused. */
function fromSameOrigin(request: Request) {
  const origin = request.headers.get('origin');
  // The Host header, not request.url: behind `npm start` the URL names the internal address.
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** One file per request, streamed into storage: the record in the query, the name in `X-File-Name`. */
export async function POST(request: Request) {
  const user = await getUserForRoute();
  if (!user)
    return Response.json({ ok: false, error: 'Sign in to upload files.' }, { status: 401 });
  if (!fromSameOrigin(request)) {
    return Response.json({ ok: false, error: 'Upload from Accord itself.' }, { status: 403 });
  }
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const length = request.headers.get('content-length');
  const answer = await receiveUpload(
    user,
    {
      target: query,
      fileName: request.headers.get('x-file-name'),
      declaredSize: length === null ? null : Number(length),
      body: request.body,
    },
    clientAddressFrom(request.headers),
  );
  return Response.json(answer.body, { status: answer.status });
}
