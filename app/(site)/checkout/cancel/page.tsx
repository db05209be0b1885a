import Link from "next/link";
import { z } from "zod";
import { getDb } from "@/db/client";
import { orderForHolder } from "@/db/queries/orders";
import { readHolderId } from "@/lib/booking/holder";
import { cancelCheckoutForm } from "./actions";

export const metadata = { title: "Leave checkout" };

// Where Stripe's Cancel link lands. A GET changes nothing (a link anyone can make a browser
// open must not cancel an order): the page asks, and the button posts the cancellation.
export default async function CancelCheckoutPage({ searchParams }: { searchParams: Promise<{ order?: string | string[] }> }) {
  const { order: raw } = await searchParams;
  const orderId = z.uuid().safeParse(raw);
  const holder = await readHolderId();
  const order = orderId.success && holder ? await orderForHolder(await getDb(), holder, orderId.data) : null;

  if (!order) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="text-2xl font-bold">Checkout not found</h1>
        <p>We could not find that checkout in this browser. Nothing was changed.</p>
        <Link href="/" className="underline">
          See what&apos;s on
        </Link>
      </div>
    );
  }

  const back = (
    <Link href={`/shows/${order.showId}`} className="rounded-lg border border-line px-4 py-3">
      Back to the show
    </Link>
  );
  if (order.status === "paid" && order.stripeSessionId) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="text-2xl font-bold">This checkout has been paid</h1>
        <p>
          <Link href={`/checkout/success?session_id=${order.stripeSessionId}`} className="underline">
            See your tickets
          </Link>
        </p>
      </div>
    );
  }
  if (order.status !== "pending") {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="text-2xl font-bold">This checkout has ended</h1>
        <p>Its seats are back on sale; nothing was charged.</p>
        <p className="flex">{back}</p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">Leave checkout?</h1>
      <p>Your seats are still held for you and nothing has been charged. Cancel this checkout to let the seats go, or go back and choose again.</p>
      <form action={cancelCheckoutForm} className="flex flex-wrap gap-3">
        <input type="hidden" name="orderId" value={order.id} />
        <button className="rounded-lg bg-gold px-5 py-3 font-bold text-ink">Cancel checkout and release my seats</button>
        {back}
      </form>
    </div>
  );
}
