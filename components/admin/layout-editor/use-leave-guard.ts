"use client";
import { useEffect } from "react";

const QUESTION = "You have unsaved changes to this layout. Leave without saving?";

/**
 * While there are unsaved changes: the browser asks before the tab is closed or reloaded
 * (beforeunload), and a click on any link of the app asks first (Next's links navigate without
 * unloading the page, so beforeunload alone would not cover them). The link click is caught in
 * the capture phase, before Next's own handler sees it.
 */
export function useLeaveGuard(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    const onClick = (e: MouseEvent) => {
      const link = (e.target as HTMLElement | null)?.closest?.("a[href]");
      if (!link || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || link.getAttribute("target") === "_blank") return;
      if (window.confirm(QUESTION)) return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [active]);
}
