import { notFound } from "next/navigation";
import { assertLocalPaymentsAllowed, localSession } from "@/lib/payments/local-gateway";
import { formatMoney } from "@/lib/money";
import { settleLocalCheckout } from "./actions";
import { paymentErrorMessage } from "./payment-errors";

export const metadata = { title: "Test payment" };

export default async function LocalCheckoutPage({ params, searchParams }: { params: Promise<{ sessionId: string }>; searchParams: Promise<{ declined?: string; error?: string }> }) {
  assertLocalPaymentsAllowed();
  const { sessionId } = await params;
  const { declined, error } = await searchParams;
  const session = await localSession(sessionId);
  if (!session) notFound();
  const open = session.status === "open" && session.expiresAt > new Date();

  return (
    <div className="mx-auto max-w-md space-y-5">
      <p role="note" className="rounded-lg border-2 border-dashed border-amber-300 bg-amber-300/10 p-3 text-sm font-semibold text-amber-100">
        TEST PAYMENT — this is Marquee&apos;s local checkout. No card is charged and no money moves.
      </p>
      <h1 className="text-2xl font-bold">Pay for your tickets</h1>
      <ul className="divide-y divide-line rounded-xl border border-line bg-panel">
        {session.lineItems.map((li, i) => (
          <li key={i} className="flex justify-between gap-3 p-3 text-sm">
            <span>{li.name}</span>
            <span className="shrink-0 font-semibold">{formatMoney(li.amount, session.currency)}</span>
          </li>
        ))}
        <li className="flex justify-between p-3 font-bold">
          <span>Total</span>
          <span data-testid="local-total">{formatMoney(session.amountTotal, session.currency)}</span>
        </li>
      </ul>
      <p className="text-sm text-zinc-300">Receipt to {session.customerEmail}</p>
      {declined && <p role="alert" className="rounded border border-red-400 p-2 text-red-200">The test card was declined. Try again or cancel.</p>}
      {paymentErrorMessage(error) && <p role="alert" className="rounded border border-red-400 p-2 text-red-200">{paymentErrorMessage(error)}</p>}
      {open ? (
        <form action={settleLocalCheckout} className="flex flex-wrap gap-3">
          <input type="hidden" name="sessionId" value={session.id} />
          <button name="outcome" value="pay" className="rounded-lg bg-gold px-5 py-3 font-bold text-ink">
            Pay {formatMoney(session.amountTotal, session.currency)}
          </button>
          <button name="outcome" value="decline" className="rounded-lg border border-line px-4 py-3">
            Decline (test)
          </button>
          <button name="outcome" value="cancel" className="rounded-lg border border-line px-4 py-3">
            Cancel
          </button>
        </form>
      ) : (
        <p className="rounded border border-line p-3">This checkout session has {session.status === "complete" ? "been paid" : "expired"}.</p>
      )}
    </div>
  );
}
