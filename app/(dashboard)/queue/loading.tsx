export default function QueueLoading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <span className="sr-only">Loading the queue…</span>
      <div className="h-8 w-40 rounded bg-slate-200" />
      <div className="h-24 rounded-lg bg-slate-200" />
      <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        {Array.from({ length: 8 }, (_, index) => (
          <div key={index} className="h-10 rounded bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
