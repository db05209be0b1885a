import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { withSessionRefresh } from "@/lib/auth/current-user";
import { ensureHolderId, readHolderId } from "@/lib/booking/holder";
import { AppError, badInput, errorStatus, fieldErrorsOf, toFailure, type ActionResult } from "@/lib/errors";
import { log } from "@/lib/log";
import { measure } from "@/lib/metrics/measure";
import { callerFor, type AuthLevel, type CallerOf } from "./caller";

// The one way a server action is written: defineAction(schema, { name, auth }, handler).
// In order: the caller at the declared auth level (refused before the input is even read), the
// input parsed with zod (field errors back to the form), the seat holder id when the action
// names one, then the handler. AppErrors come back as typed results (lib/errors.ts), anything
// else as a generic failure that is logged, never shown; Next's redirect()/notFound() pass
// through. Each call's latency is measured as "action:<name>".

type HolderUse = "read" | "ensure";
type HolderOf<H> = H extends "ensure" ? string : H extends "read" ? string | null : undefined;

export type ActionContext<A extends AuthLevel, H extends HolderUse | undefined> = { user: CallerOf<A>; holder: HolderOf<H> };

type ActionOptions<A extends AuthLevel, H extends HolderUse | undefined, T> = {
  /** The metrics name: "action:<name>". */
  name: string;
  auth: A;
  /** "read": the holder cookie's id or null; "ensure": minted (and set) when missing. */
  holder?: H;
  /** Sees every result, to count outcomes. */
  onResult?: (result: ActionResult<T>) => void;
};

/**
 * The input is the last argument: a form's action gets (formData), a useActionState action
 * (previousState, formData), a direct call (input). FormData becomes a plain object; Next's own
 * $ACTION_* bookkeeping fields are dropped, and a dotted name ("price.standard") stays one key.
 */
function inputOf(args: unknown[]): unknown {
  const raw = args.at(-1);
  if (!(raw instanceof FormData)) return raw;
  const out: Record<string, unknown> = {};
  for (const [key, value] of raw.entries()) if (!key.startsWith("$ACTION")) out[key] = value;
  return out;
}

export function defineAction<S extends z.ZodType, T, A extends AuthLevel, H extends HolderUse | undefined = undefined>(
  schema: S,
  options: ActionOptions<A, H, T>,
  handler: (input: z.output<S>, ctx: ActionContext<A, H>) => Promise<T>,
): (...args: unknown[]) => Promise<ActionResult<T>> {
  async function run(args: unknown[]): Promise<ActionResult<T>> {
    try {
      const user = await callerFor(options.auth);
      const parsed = schema.safeParse(inputOf(args));
      if (!parsed.success) throw badInput(fieldErrorsOf(parsed.error));
      const holder = options.holder === "ensure" ? await ensureHolderId() : options.holder === "read" ? await readHolderId() : undefined;
      return { ok: true, data: await handler(parsed.data, { user, holder } as ActionContext<A, H>) };
    } catch (err) {
      unstable_rethrow(err);
      if (!(err instanceof AppError)) log.error({ err, action: options.name }, "server action failed");
      return toFailure(err);
    }
  }
  return (...args) =>
    measure(`action:${options.name}`, "POST", () => withSessionRefresh(() => run(args)), (result) => {
      options.onResult?.(result);
      return result.ok ? 200 : errorStatus[result.code];
    });
}

/**
 * For an action a plain <form action> posts, which React types as returning nothing. Such an
 * action answers by redirecting; a 4xx result (input no form of ours sends) has nowhere to be
 * shown and is dropped, while a failure on our side still fails the request (already logged).
 */
export function asFormAction<T>(action: (...args: unknown[]) => Promise<ActionResult<T>>): (formData: FormData) => Promise<void> {
  return async (formData) => {
    const result = await action(formData);
    if (!result.ok && errorStatus[result.code] >= 500) throw new Error(`${result.code}: ${result.message}`);
  };
}
