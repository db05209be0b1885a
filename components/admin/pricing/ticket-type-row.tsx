"use client";
import { useRouter } from "next/navigation";
import { inputClass, LabelledField } from "@/components/admin/forms/labelled-field";
import { ActionOutcome } from "./action-outcome";
import { useAdminAction, type AdminAction } from "./use-admin-action";

export type TicketTypeView = { id: string; name: string; note: string; minAge: number | null; child: boolean; retired: boolean };

const smallButton = "rounded-md border border-line px-3 py-1.5 text-sm hover:border-zinc-300 disabled:opacity-50";

/** One ticket type: rename it, change its note and minimum age, move it, retire or restore it. */
export function TicketTypeRow({ type, first, last, update, move, retire }: { type: TicketTypeView; first: boolean; last: boolean; update: AdminAction<unknown>; move: AdminAction<unknown>; retire: AdminAction<unknown> }) {
  const router = useRouter();
  const refresh = () => router.refresh();
  const save = useAdminAction(update, refresh);
  const moving = useAdminAction(move, refresh);
  const retiring = useAdminAction(retire, refresh);
  const id = `type-${type.id}`;
  const busy = save.pending || moving.pending || retiring.pending;

  return (
    <li className="rounded-xl border border-line bg-panel p-4" data-testid="ticket-type-row" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="mb-2 font-semibold">
        {type.name} {type.retired && <span className="text-sm font-normal text-zinc-300">(retired: not sold)</span>}
      </h2>
      <form
        noValidate
        className="grid gap-3 sm:grid-cols-[1fr_2fr_7rem_auto] sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          save.run({ id: type.id, name: form.get("name"), note: form.get("note"), minAge: form.get("minAge"), child: form.get("child") === "on" }, e.currentTarget);
        }}
      >
        <LabelledField id={`${id}-name`} label="Name" errors={save.errors.name}>
          <input name="name" defaultValue={type.name} maxLength={40} className={inputClass} />
        </LabelledField>
        <LabelledField id={`${id}-note`} label="Note for customers" errors={save.errors.note}>
          <input name="note" defaultValue={type.note} maxLength={120} placeholder="Under 12" className={inputClass} />
        </LabelledField>
        <LabelledField id={`${id}-age`} label="Minimum age" errors={save.errors.minAge}>
          <input name="minAge" inputMode="numeric" defaultValue={type.minAge ?? ""} className={inputClass} />
        </LabelledField>
        <button disabled={busy} className="rounded-md bg-gold px-4 py-2 font-semibold text-ink disabled:opacity-60">
          Save
        </button>
        <label className="flex items-center gap-2 text-sm sm:col-span-4">
          <input type="checkbox" name="child" defaultChecked={type.child} className="h-4 w-4 accent-[#f5c451]" />
          Child ticket (follows the theater&apos;s age-rating rule)
        </label>
      </form>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <button type="button" disabled={busy || first} onClick={() => moving.run({ id: type.id, direction: "up" })} className={smallButton} aria-label={`Move ${type.name} up`}>
          Move up
        </button>
        <button type="button" disabled={busy || last} onClick={() => moving.run({ id: type.id, direction: "down" })} className={smallButton} aria-label={`Move ${type.name} down`}>
          Move down
        </button>
        <button type="button" disabled={busy} onClick={() => retiring.run({ id: type.id, retired: !type.retired })} className={smallButton}>
          {type.retired ? `Sell ${type.name} again` : `Retire ${type.name}`}
        </button>
        <ActionOutcome result={save.result ?? moving.result ?? retiring.result} />
      </div>
    </li>
  );
}
