"use client";
import { useRouter } from "next/navigation";
import { ActionOutcome } from "@/components/admin/pricing/action-outcome";
import { useAdminAction, type AdminAction } from "@/components/admin/pricing/use-admin-action";

/** Takes every staff role away from someone (after a confirmation): they are a customer again. */
export function RevokeStaffButton({ userId, email, revoke }: { userId: string; email: string; revoke: AdminAction<unknown> }) {
  const router = useRouter();
  const call = useAdminAction(revoke, () => router.refresh());
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        disabled={call.pending}
        onClick={() => {
          if (window.confirm(`Take every staff role away from ${email}? They keep their account as a customer.`)) call.run({ userId });
        }}
        className="min-h-11 rounded-md border border-line px-3 py-1 text-sm hover:border-zinc-300 disabled:opacity-50"
      >
        <span>Revoke</span>
        <span className="sr-only"> {email}</span>
      </button>
      {call.result?.ok === false && <ActionOutcome result={call.result} />}
    </div>
  );
}
