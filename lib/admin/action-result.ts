import "server-only";
import type { z } from "zod";
import { AppError, toFailure, type ActionResult } from "@/lib/errors";
import { log } from "@/lib/log";
import { isNextControlFlow } from "@/lib/safe-action";

/**
 * Parses admin input, or throws a bad_input AppError carrying the field errors a form shows.
 * FormData is flattened first; a field name with dots ("price.standard") stays one key.
 */
export function parseAdminInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw instanceof FormData ? formToObject(raw) : raw);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "input"] ??= []).push(issue.message);
  throw new AppError("bad_input", "Please check the highlighted fields.", { fieldErrors });
}

function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    // Next adds $ACTION_* bookkeeping fields to progressively enhanced forms.
    if (key.startsWith("$ACTION")) continue;
    out[key] = value;
  }
  return out;
}

/**
 * Runs the body of an admin server action and turns what it throws into a typed result: field
 * errors back to the form, AppErrors as their message, anything else as a generic failure.
 * The body starts with `await requireAdmin()` in the action itself, so the check is visible
 * where the action is defined.
 */
export async function actionResult<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (err) {
    if (isNextControlFlow(err)) throw err;
    if (!(err instanceof AppError)) log.error({ err }, "admin action failed");
    const failure = toFailure(err);
    const fieldErrors = err instanceof AppError ? (err.details?.fieldErrors as Record<string, string[]> | undefined) : undefined;
    if (!fieldErrors) return failure;
    const { fieldErrors: _omit, ...details } = failure.details ?? {};
    return { ...failure, fieldErrors, details };
  }
}

/** A field error in the shape parseAdminInput produces, for checks zod cannot make (a taken slug). */
export function fieldError(field: string, message: string): AppError {
  return new AppError("bad_input", message, { fieldErrors: { [field]: [message] } });
}
