'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** The list a record's page belongs to: its first path segment ("/clients/…" → "/clients"). */
function listOf(pathname: string) {
  const [segment] = pathname.split('/').filter(Boolean);
  if (!segment) return { href: '/', label: 'Back to the home page' };
  return { href: `/${segment}`, label: `Back to ${segment.replaceAll('-', ' ')}` };
}

/**
 * Shown when the record is gone or hidden from the user: retrying cannot help, so it offers the
 * way back to the list instead.
 */
export function GoneNotice({
  message,
  backTo,
}: {
  message: string;
  backTo?: { href: string; label: string };
}) {
  const pathname = usePathname();
  const back = backTo ?? listOf(pathname);
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
    >
      <span>{message}</span>
      <Link href={back.href} className="font-medium underline underline-offset-2">
        {back.label}
      </Link>
    </div>
  );
}
