import type { NextRequest } from 'next/server';
import { handlers } from '@/server/auth/config';
import { refuseOversizedBody } from '@/server/body-limit';

// A sign-in or sign-out form is a few hundred bytes; nothing larger is parsed.
const authBodyLimitBytes = 16 * 1024;

export const { GET } = handlers;

export async function POST(request: NextRequest) {
  return refuseOversizedBody(request.headers, authBodyLimitBytes) ?? handlers.POST(request);
}
