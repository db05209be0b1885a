// One labelled form control with its field error tied to it (aria-invalid + aria-describedby),
// shared by the screen and scheduling forms.
import { cloneElement, type ReactElement } from "react";

export const inputClass = "w-full rounded-md border border-line bg-ink px-3 py-2 text-base text-white placeholder:text-zinc-500 focus:border-gold aria-invalid:border-red-400";

type ControlProps = { id?: string; "aria-invalid"?: boolean; "aria-describedby"?: string };

export function LabelledField({ id, label, hint, errors, children }: { id: string; label: string; hint?: string; errors?: string[]; children: ReactElement<ControlProps> }) {
  const error = errors?.[0];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-100">
        {label}
      </label>
      {cloneElement(children, { id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-zinc-300">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
