"use client";
import { useRouter } from "next/navigation";
import { inputClass, LabelledField } from "@/components/admin/forms/labelled-field";
import { ActionOutcome } from "./action-outcome";
import { useAdminAction, type AdminAction } from "./use-admin-action";

/** Adds a ticket type at the end of the theater's list. */
export function AddTicketTypeForm({ theaterId, add }: { theaterId: string; add: AdminAction<unknown> }) {
  const router = useRouter();
  const adding = useAdminAction(add, () => router.refresh());
  return (
    <form
      noValidate
      className="grid gap-3 sm:grid-cols-[1fr_2fr_7rem_auto] sm:items-end"
      onSubmit={(e) => {
        e.preventDefault();
        const el = e.currentTarget;
        const form = new FormData(el);
        adding.run({ theaterId, name: form.get("name"), note: form.get("note"), minAge: form.get("minAge"), child: form.get("child") === "on" }, el);
      }}
    >
      <LabelledField id="new-type-name" label="Name" errors={adding.errors.name}>
        <input name="name" maxLength={40} placeholder="Student" className={inputClass} />
      </LabelledField>
      <LabelledField id="new-type-note" label="Note for customers" errors={adding.errors.note}>
        <input name="note" maxLength={120} placeholder="Bring your student ID" className={inputClass} />
      </LabelledField>
      <LabelledField id="new-type-age" label="Minimum age" errors={adding.errors.minAge}>
        <input name="minAge" inputMode="numeric" className={inputClass} />
      </LabelledField>
      <button disabled={adding.pending} className="rounded-md bg-gold px-4 py-2 font-semibold text-ink disabled:opacity-60">
        Add type
      </button>
      <label className="flex items-center gap-2 text-sm sm:col-span-4">
        <input type="checkbox" name="child" className="h-4 w-4 accent-[#f5c451]" />
        Child ticket (follows the theater&apos;s age-rating rule)
      </label>
      <div className="sm:col-span-4">
        <ActionOutcome result={adding.result} saved="Added." />
      </div>
    </form>
  );
}
