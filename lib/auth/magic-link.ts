import "server-only";
import { createHash } from "node:crypto";
import type { EmailConfig } from "next-auth/providers/email";
import { getDb } from "@/db/client";
import { configuredAppUrl } from "@/lib/app-url";
import { kickOutbox } from "@/lib/email/kick";
import { queueTemplateEmail } from "@/lib/email/queue-template-email";
import { withSignInLimit } from "@/lib/rate-limit/sign-in";
import { MAGIC_LINK_EXPIRES_IN, MAGIC_LINK_MINUTES } from "./magic-link-settings";
import { noteSignInRefusal } from "./sign-in-throttle";

type Send = EmailConfig["sendVerificationRequest"];

/** withSignInLimit, and a refusal noted for the route's 429. The same promise goes back to Auth.js. */
function throttled(send: Parameters<typeof withSignInLimit>[0]): Send {
  const limited = withSignInLimit(send);
  return (params) => {
    const run = Promise.resolve(limited(params));
    run.catch(noteSignInRefusal);
    return run;
  };
}

export const MAGIC_LINK_PROVIDER_ID = "email";

/**
 * Puts the link, and the page it returns to, on the public origin exactly. Auth.js builds both
 * from the URL it sees (pinned to APP_URL in ./config.ts); this is the last word before the link
 * leaves in an email, so a forged Host header can never mail someone a link to another site that
 * would capture their token. (Setting only `host` on a URL keeps the old port: the whole origin
 * is replaced here.)
 */
export function publicLink(url: string, appUrl: string = configuredAppUrl()): string {
  const base = new URL(appUrl);
  const link = new URL(url);
  const onBase = (target: URL) => new URL(target.pathname + target.search + target.hash, base.origin).toString();
  const callback = link.searchParams.get("callbackUrl");
  if (callback) link.searchParams.set("callbackUrl", onBase(new URL(callback, base.origin)));
  return onBase(link);
}

/**
 * Email sign-in through our outbox rather than a provider SDK: the email is retried until it is
 * sent (Resend when RESEND_API_KEY is set, the dev outbox otherwise), like every other email.
 */
export function magicLinkProvider(): EmailConfig {
  return {
    id: MAGIC_LINK_PROVIDER_ID,
    type: "email",
    name: "Email",
    maxAge: MAGIC_LINK_MINUTES * 60,
    sendVerificationRequest: throttled(async ({ identifier, url, token }) => {
      const link = publicLink(url);
      // Unique per request (each has a fresh token), without storing the token itself twice.
      const dedupeKey = `sign-in:${createHash("sha256").update(token).digest("base64url")}`;
      await queueTemplateEmail(await getDb(), {
        dedupeKey,
        to: identifier,
        template: "sign-in-link",
        props: { url: link, host: new URL(link).host, expiresIn: MAGIC_LINK_EXPIRES_IN },
      });
      void kickOutbox();
    }),
  };
}
