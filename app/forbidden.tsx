import Link from 'next/link';

export default function Forbidden() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="text-sm font-semibold text-brand-700">403</p>
      <h1 className="text-2xl font-semibold">You do not have access to this page</h1>
      <p className="text-slate-600">Your role does not include it. Ask a manager if you need it.</p>
      <Link href="/" className="font-medium text-brand-700 underline">
        Go to your home page
      </Link>
    </main>
  );
}
