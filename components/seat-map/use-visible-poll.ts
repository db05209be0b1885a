"use client";
import { useEffect, useRef } from "react";

/**
 * Runs `task` every `intervalMs` while the tab is visible, never two at once; a hidden tab stops
 * polling (no wasted requests) and catches up the moment it is shown again. `enabled` false: never.
 */
export function useVisiblePoll(task: (signal: AbortSignal) => Promise<void>, intervalMs: number, enabled = true) {
  const latest = useRef(task);
  useEffect(() => {
    latest.current = task;
  });

  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;
    let running = false;
    let stopped = false;

    const run = async () => {
      clearTimeout(timer);
      if (stopped || running || document.visibilityState !== "visible") return;
      running = true;
      controller = new AbortController();
      try {
        await latest.current(controller.signal);
      } catch {
        // The task reports its own failures; the loop just carries on.
      } finally {
        running = false;
      }
      if (!stopped) timer = setTimeout(run, intervalMs);
    };
    const onVisibility = () => {
      if (document.visibilityState === "visible") void run();
      else clearTimeout(timer);
    };

    document.addEventListener("visibilitychange", onVisibility);
    timer = setTimeout(run, intervalMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
      controller?.abort();
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [enabled, intervalMs]);
}
