import { z } from "zod";
import { getDb } from "@/db/client";
import { outboxEmailById } from "@/db/queries/email-outbox";
import { devOutboxEnabled } from "@/lib/email/dev-outbox";
import { defineRoute } from "@/lib/handlers/define-route";

// An attachment of a dev-outbox email (the PDF tickets, the calendar file), as the mail client would get it.
// Public like the dev outbox page: it exists only while the outbox does (never in production).
export const GET = defineRoute<"public", { id: string; index: string }>("/dev/outbox/[id]/attachments/[index]", { auth: "public" }, async (_req, { params }) => {
  const { id, index } = await params;
  if (!devOutboxEnabled() || !z.uuid().safeParse(id).success) return new Response("Not found", { status: 404 });
  const row = await outboxEmailById(await getDb(), id);
  const attachment = row?.attachments?.[Number(index)];
  if (!attachment) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(Buffer.from(attachment.contentBase64, "base64")), {
    headers: { "content-type": attachment.contentType, "content-disposition": `inline; filename="${attachment.filename.replace(/[^\w.-]/g, "_")}"` },
  });
});
