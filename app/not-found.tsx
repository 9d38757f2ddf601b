import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="text-2xl font-semibold">This page does not exist</h1>
      <p className="text-slate-600">It may have been removed, or the link may be wrong.</p>
      <Link href="/" className="font-medium text-brand-700 underline">
        Go to your home page
      </Link>
    </main>
  );
}
