import "server-only";
import { z } from "zod";
import { AppError, toFailure, type ActionResult } from "./errors";
import { log } from "./log";

/**
 * Wraps a server action: validates its input with zod (field errors come back to the form),
 * turns thrown AppErrors into typed results, and never leaks an unexpected error's text.
 * The handler itself still checks the session and ownership: the wrapper cannot know who may
 * do what, and a page check does not protect the actions on it.
 */
export function defineAction<S extends z.ZodType, T>(schema: S, handler: (input: z.infer<S>) => Promise<T>) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    const parsed = schema.safeParse(raw instanceof FormData ? Object.fromEntries(raw) : raw);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "input"] ??= []).push(issue.message);
      return { ok: false, code: "bad_input", message: "Please check the highlighted fields.", fieldErrors };
    }
    try {
      return { ok: true, data: await handler(parsed.data) };
    } catch (err) {
      // Next's redirect()/notFound() are thrown control flow, not failures.
      if (isNextControlFlow(err)) throw err;
      if (!(err instanceof AppError)) log.error({ err }, "server action failed");
      return toFailure(err);
    }
  };
}

/** Next's redirect()/notFound() travel as thrown errors; every action wrapper re-throws them. */
export function isNextControlFlow(err: unknown): boolean {
  const digest = (err as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND");
}
