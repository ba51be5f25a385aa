/**
 * The outcome of a form's action. The status region is always present so that screen readers
 * announce a success when it appears; an error is an alert.
 */
export function ActionMessage({ message, className = "" }: { message: { ok: boolean; text: string } | null; className?: string }) {
  return (
    <div className={className}>
      <p role="status" className="text-sm text-emerald-800">
        {message?.ok ? message.text : ""}
      </p>
      {message && !message.ok ? (
        <p role="alert" className="text-sm text-red-700">
          {message.text}
        </p>
      ) : null}
    </div>
  );
}

/** An action's failure as one sentence, field errors included. */
export function failureText(result: { error: string; fieldErrors?: Record<string, string[]> }): string {
  return result.fieldErrors ? Object.values(result.fieldErrors).flat().join(" ") : result.error;
}
