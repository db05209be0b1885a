import "server-only";
import type { Db, Tx } from "@/db/client";
import type { OutboxAttachment } from "@/db/schema";
import { enqueueEmail, type EmailAttachment } from "./outbox";
import { renderEmail, type EmailTemplateName, type EmailTemplateProps } from "./render";

/**
 * Renders one of Marquee's templates and queues it once per dedupe key. Rendering takes a few
 * milliseconds; inside a busy transaction, render first with renderEmail and call enqueueEmail.
 * Call kickOutbox() after the transaction commits.
 */
export async function queueTemplateEmail<N extends EmailTemplateName>(
  db: Db | Tx,
  input: { dedupeKey: string; to: string; template: N; props: EmailTemplateProps[N]; attachments?: (EmailAttachment | OutboxAttachment)[] },
): Promise<{ queued: boolean; id: string | null }> {
  const { subject, html, text } = await renderEmail(input.template, input.props);
  return enqueueEmail(db, {
    dedupeKey: input.dedupeKey,
    template: input.template,
    to: input.to,
    subject,
    html,
    text,
    attachments: input.attachments,
  });
}
