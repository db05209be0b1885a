"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { inputClass, LabelledField } from "@/components/admin/forms/labelled-field";
import { ActionOutcome } from "@/components/admin/pricing/action-outcome";
import { useAdminAction, type AdminAction } from "@/components/admin/pricing/use-admin-action";

type Theater = { id: string; name: string };

const box = "h-5 w-5 accent-[#f5c451]";

/**
 * Gives someone who has signed in once a staff role: chain admin (every theater), or site
 * manager of the theaters ticked (exactly those: unticking takes a theater away).
 */
export function StaffRoleForm({ theaters, save }: { theaters: Theater[]; save: AdminAction<{ email: string; role: string; changed: boolean }> }) {
  const router = useRouter();
  const [role, setRole] = useState<"admin" | "manager">("manager");
  const saving = useAdminAction(save, () => router.refresh());
  const errors = saving.errors;
  const done = saving.result?.ok ? saving.result.data : null;
  return (
    <form
      noValidate
      aria-label="Give a staff role"
      className="max-w-2xl space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        saving.run({ email: String(form.get("email") ?? ""), role, theaterIds: role === "manager" ? form.getAll("theaterIds").map(String) : [] }, e.currentTarget);
      }}
    >
      <LabelledField id="staff-email" label="Email" hint="The address they sign in with. They must have signed in once." errors={errors.email}>
        <input name="email" type="email" autoComplete="off" required className={inputClass} />
      </LabelledField>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Role</legend>
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input type="radio" name="role" value="manager" checked={role === "manager"} onChange={() => setRole("manager")} className={box} />
          Site manager of the theaters ticked below
        </label>
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input type="radio" name="role" value="admin" checked={role === "admin"} onChange={() => setRole("admin")} className={box} />
          Chain admin: every theater, movies, theaters and staff
        </label>
      </fieldset>
      {role === "manager" && (
        <fieldset className="space-y-1" aria-describedby={errors.theaterIds ? "staff-theaters-error" : undefined}>
          <legend className="text-sm font-medium">Theaters</legend>
          <div className="flex flex-wrap gap-x-5">
            {theaters.map((t) => (
              <label key={t.id} className="flex min-h-11 items-center gap-2 text-sm">
                <input type="checkbox" name="theaterIds" value={t.id} aria-invalid={errors.theaterIds ? true : undefined} className={box} />
                {t.name}
              </label>
            ))}
          </div>
          {errors.theaterIds && (
            <p id="staff-theaters-error" className="text-sm text-red-300">
              {errors.theaterIds[0]}
            </p>
          )}
        </fieldset>
      )}
      <div className="flex flex-wrap items-center gap-4">
        <button disabled={saving.pending} className="min-h-11 rounded-lg bg-gold px-4 py-2 font-semibold text-ink disabled:opacity-60">
          {saving.pending ? "Saving…" : "Give the role"}
        </button>
        <ActionOutcome result={saving.result} saved={done ? (done.changed ? `${done.email} is now a ${done.role === "admin" ? "chain admin" : "site manager"}.` : `${done.email} already had that role.`) : "Saved."} />
      </div>
    </form>
  );
}
