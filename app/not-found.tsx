import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-sm text-slate-600">That page does not exist, or it has moved.</p>
      <Link href="/" className="text-sm font-medium text-indigo-700 underline">
        Back to Support Desk
      </Link>
    </main>
  );
}
