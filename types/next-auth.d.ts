import type { Role } from '@/lib/roles';

declare module 'next-auth' {
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; role: Role; sessionVersion: number; name: string; email: string };
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    role?: Role;
    sessionVersion?: number;
    signedInAt?: number;
  }
}
