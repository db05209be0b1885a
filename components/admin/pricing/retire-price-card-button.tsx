"use client";
import { useRouter } from "next/navigation";
import { ActionOutcome } from "./action-outcome";
import { useAdminAction, type AdminAction } from "./use-admin-action";

/** Retires a card (no longer picked for new shows) or puts it back in use. */
export function RetirePriceCardButton({ id, name, retired, retire }: { id: string; name: string; retired: boolean; retire: AdminAction<unknown> }) {
  const router = useRouter();
  const call = useAdminAction(retire, () => router.refresh());
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="button" disabled={call.pending} onClick={() => call.run({ id, retired: !retired })} className="rounded-md border border-line px-3 py-1.5 text-sm hover:border-zinc-300 disabled:opacity-50">
        {retired ? `Use ${name} again` : `Retire ${name}`}
      </button>
      <ActionOutcome result={call.result} saved={retired ? "In use again." : "Retired."} />
    </div>
  );
}
