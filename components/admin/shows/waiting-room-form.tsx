"use client";
import { useId, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/errors";

type Props = {
  showId: string;
  what: string;
  /** The show's local date and a default opening time (the theater's zone). */
  date: string;
  current: { label: string; time: string; perMinute: number } | null;
  save: (input: unknown) => Promise<ActionResult<{ showIds: string[] }>>;
};

/**
 * "High demand" for one show row: when the line opens, how many are let in per minute, and
 * whether it covers every showtime of the movie that day (an opening day). Or turn it off.
 */
export function WaitingRoomForm({ showId, what, date, current, save }: Props) {
  const id = useId();
  const [result, setResult] = useState<ActionResult<{ showIds: string[] }> | null>(null);
  const [pending, startTransition] = useTransition();
  const send = (form: FormData, mode: "on" | "off") =>
    startTransition(async () => {
      const input = Object.fromEntries(form.entries());
      setResult(await save({ ...input, showId, mode }));
    });
  const message = result ? (result.ok ? `Saved for ${result.data.showIds.length === 1 ? "this show" : `${result.data.showIds.length} shows`}.` : result.message) : "";
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-zinc-200" aria-label={`High demand: ${what}`}>
        {current ? `Waiting line from ${current.label}, ${current.perMinute}/min` : "High demand…"}
      </summary>
      <form
        className="mt-2 space-y-2 rounded-lg border border-line p-2"
        onSubmit={(e) => {
          e.preventDefault();
          send(new FormData(e.currentTarget), "on");
        }}
      >
        <div className="flex flex-wrap gap-2">
          <label className="block">
            <span className="block text-zinc-300">Line opens (date)</span>
            <input name="date" type="date" defaultValue={date} required className="h-8 rounded border border-line bg-ink px-1 text-white" />
          </label>
          <label className="block">
            <span className="block text-zinc-300">at</span>
            <input name="time" type="time" defaultValue={current?.time ?? "10:00"} required className="h-8 rounded border border-line bg-ink px-1 text-white" />
          </label>
          <label className="block">
            <span className="block text-zinc-300">Let in per minute</span>
            <input name="perMinute" type="number" min={1} defaultValue={current?.perMinute ?? 100} required className="h-8 w-24 rounded border border-line bg-ink px-1 text-white" />
          </label>
        </div>
        <label className="flex items-center gap-1">
          <input type="checkbox" name="scope" value="day" /> Every showtime of this movie that day (opening day)
        </label>
        <div className="flex gap-2">
          <button disabled={pending} className="rounded bg-gold px-2 py-1 font-semibold text-ink disabled:opacity-60">
            Save line
          </button>
          {current && (
            <button
              type="button"
              disabled={pending}
              onClick={(e) => send(new FormData(e.currentTarget.form!), "off")}
              className="rounded border border-line px-2 py-1 disabled:opacity-60"
            >
              Turn off
            </button>
          )}
        </div>
        <p id={`${id}-status`} role="status" className={result && !result.ok ? "text-red-200" : "text-zinc-200"}>
          {message}
        </p>
      </form>
    </details>
  );
}
