"use client";
import { useEffect } from "react";

/** Submits the form once, as the customer would by pressing its button. */
export function SubmitOnLoad({ formId }: { formId: string }) {
  useEffect(() => {
    (document.getElementById(formId) as HTMLFormElement | null)?.requestSubmit();
  }, [formId]);
  return null;
}
