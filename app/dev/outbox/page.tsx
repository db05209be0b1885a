import Link from "next/link";
import { getDb } from "@/db/client";
import { latestOutboxEmails } from "@/db/queries/email-outbox";
import { requireDevOutbox } from "@/lib/email/dev-outbox";

export const metadata = { title: "Dev outbox" };
export const dynamic = "force-dynamic";

export default async function DevOutboxPage() {
  requireDevOutbox();
  const rows = await latestOutboxEmails(await getDb(), 100);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Dev outbox</h1>
      <p className="text-sm text-zinc-300">Emails Marquee would have sent. No mail provider is configured (RESEND_API_KEY), so nothing left this machine.</p>
      {rows.length === 0 ? (
        <p>No emails yet.</p>
      ) : (
        // On a phone the table scrolls sideways instead of spilling past the page's edge, where
        // a long address pushed the subject links off screen and out of reach of a tap.
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-zinc-300">
              <tr>
                <th className="p-2">When</th>
                <th className="p-2">To</th>
                <th className="p-2">Subject</th>
                <th className="p-2">Attachments</th>
                <th className="p-2">Status</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-line" data-testid="outbox-row">
                  <td className="p-2 whitespace-nowrap">{r.createdAt.toISOString().replace("T", " ").slice(0, 19)}</td>
                  <td className="p-2 break-all">{r.toAddress}</td>
                  <td className="p-2">
                    <Link href={`/dev/outbox/${r.id}`} className="underline">
                      {r.subject}
                    </Link>
                  </td>
                  <td className="p-2">{r.attachments?.map((a) => a.filename).join(", ")}</td>
                  <td className="p-2">{r.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
