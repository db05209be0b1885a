/** A JSON value, pretty-printed in a scrollable block that keyboard users can scroll too. */
export function JsonBlock({ value, label }: { value: unknown; label: string }) {
  return (
    <pre tabIndex={0} aria-label={label} className="max-h-96 overflow-auto rounded-lg border border-line bg-ink p-3 text-xs leading-relaxed text-zinc-100">
      <code>{JSON.stringify(value, null, 2)}</code>
    </pre>
  );
}
