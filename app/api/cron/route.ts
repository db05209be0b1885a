import { getDb } from "@/db/client";
import { reconcileOrders } from "@/lib/booking/reconcile";
import { sweepWaitlists } from "@/lib/booking/waitlist/offer-seats";
import { deliverDueEmails } from "@/lib/email/outbox";
import { bearerMatches } from "@/lib/bearer-token";
import { env } from "@/lib/env";
import { defineRoute } from "@/lib/handlers/define-route";

// For hosts without long-lived processes (serverless): call every minute. Vercel Cron sends
// `Authorization: Bearer $CRON_SECRET`; without CRON_SECRET set the route is closed. No
// session: the cron secret is the authentication.
export const dynamic = "force-dynamic";

export const GET = defineRoute("/api/cron", { auth: "public" }, async (req) => {
  // Constant-time: a `!==` would tell a caller how much of its guess was right.
  if (!bearerMatches(req.headers.get("authorization"), env().CRON_SECRET)) {
    return Response.json({ error: { code: "unauthenticated", message: "Cron secret required." } }, { status: 401 });
  }
  const db = await getDb();
  const orders = await reconcileOrders(db);
  const waitlist = await sweepWaitlists(db);
  const emails = await deliverDueEmails({ db });
  return Response.json({ orders, waitlist, emails });
});
