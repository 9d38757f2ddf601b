import Link from 'next/link';

/** The way back to the list a detail page belongs to. */
export function BackLink({ href, children }: { href: string; children: string }) {
  return (
    <p className="mb-2 text-sm">
      <Link href={href} className="text-brand-700 hover:underline">
        {children}
      </Link>
    </p>
  );
}
