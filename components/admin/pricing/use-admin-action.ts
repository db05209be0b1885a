"use client";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/errors";

export type AdminAction<T> = (input: unknown) => Promise<ActionResult<T>>;

/**
 * Calls an admin action with a plain object and keeps its answer: the field errors for the form
 * (keyed as the action names them, e.g. "prices.standard.<typeId>") and the overall message.
 */
export function useAdminAction<T>(action: AdminAction<T>, onDone?: (data: T) => void) {
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (input: unknown, form?: HTMLFormElement | null) =>
    startTransition(async () => {
      const answer = await action(input);
      setResult(answer);
      if (answer.ok) onDone?.(answer.data);
      else if (form) requestAnimationFrame(() => form.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
    });
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return { result, errors, pending, run, reset: () => setResult(null) };
}
