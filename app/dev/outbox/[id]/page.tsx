import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { outboxEmailById } from "@/db/queries/email-outbox";
import { requireDevOutbox } from "@/lib/email/dev-outbox";

export const metadata = { title: "Email" };

export default async function DevOutboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  requireDevOutbox();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const row = await outboxEmailById(await getDb(), id);
  if (!row) notFound();
  return (
    <div className="space-y-4">
      <Link href="/dev/outbox" className="text-sm text-zinc-300">
        ← Outbox
      </Link>
      <h1 className="text-xl font-bold">{row.subject}</h1>
      <p className="text-sm text-zinc-300">
        To {row.toAddress} · {row.status} · attempts {row.attempts}
      </p>
      {row.attachments && row.attachments.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label="Attachments">
          {row.attachments.map((a, i) => (
            <li key={i}>
              <a href={`/dev/outbox/${row.id}/attachments/${i}`} className="rounded border border-line px-3 py-1 text-sm underline">
                {a.filename}
              </a>
            </li>
          ))}
        </ul>
      )}
      {/* The email's own HTML, sandboxed: no scripts, links open outside the app's frame. */}
      <iframe title={`Email: ${row.subject}`} sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation" srcDoc={row.html ?? ""} className="h-[70vh] w-full rounded-lg bg-white" />
    </div>
  );
}
