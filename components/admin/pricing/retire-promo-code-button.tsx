"use client";
import { useRouter } from "next/navigation";
import { ActionOutcome } from "./action-outcome";
import { useAdminAction, type AdminAction } from "./use-admin-action";

/** Retires a code (customers typing it are told it no longer works) or accepts it again. */
export function RetirePromoCodeButton({ id, code, retired, retire }: { id: string; code: string; retired: boolean; retire: AdminAction<unknown> }) {
  const router = useRouter();
  const call = useAdminAction(retire, () => router.refresh());
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" disabled={call.pending} onClick={() => call.run({ id, retired: !retired })} className="rounded-md border border-line px-3 py-1 text-sm hover:border-zinc-300 disabled:opacity-50">
        {retired ? `Accept ${code} again` : `Retire ${code}`}
      </button>
      {call.result?.ok === false && <ActionOutcome result={call.result} />}
    </div>
  );
}
