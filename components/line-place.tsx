"use client";
import { useEffect, useState } from "react";

type Answer = { admitted: boolean; place: number; ahead: number; waitSeconds: number; next: string; retryAfterMs: number };

/** When the line cannot be reached; otherwise the line says when to ask again. */
const RETRY_MS = 3_000;

function waitInWords(seconds: number): string {
  if (seconds < 60) return "less than a minute";
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "about a minute" : `about ${minutes} minutes`;
}

/**
 * The visitor's place in a show's waiting line, kept up to date: it asks again when the line says to
 * (every few seconds near the front; the first ask takes the place) and goes on to the seat map once admitted. Reloading or opening
 * more tabs keeps the same place.
 */
export function LinePlace({ showId }: { showId: string }) {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      let wait = RETRY_MS;
      try {
        const res = await fetch(`/api/shows/${showId}/line`, { method: "POST", cache: "no-store" });
        const body = (await res.json()) as Answer & { message?: string };
        if (stopped) return;
        if (!res.ok) {
          setProblem(body.message ?? "The line could not be reached. Trying again…");
        } else {
          setProblem(null);
          setAnswer(body);
          wait = body.retryAfterMs || RETRY_MS;
          if (body.admitted) {
            window.location.assign(body.next);
            return;
          }
        }
      } catch {
        if (!stopped) setProblem("The line could not be reached. Trying again…");
      }
      if (!stopped) timer = setTimeout(ask, wait);
    };
    void ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [showId]);

  return (
    <section aria-labelledby="line-heading" className="space-y-3 rounded-lg border border-line bg-panel p-4">
      <h2 id="line-heading" className="text-xl font-semibold">
        You are in line
      </h2>
      <p>Tickets for this show are selling through a waiting line, so everyone gets a fair turn in order of arrival. Keep this page open: you will be taken to the seat map when it is your turn.</p>
      <div role="status" aria-live="polite" className="text-lg">
        {answer === null ? (
          "Taking your place…"
        ) : answer.admitted ? (
          "It is your turn — opening the seat map…"
        ) : (
          <>
            <p>
              Your place: <strong data-testid="line-place">{answer.place}</strong> · <span data-testid="line-ahead">{answer.ahead}</span> ahead of you
            </p>
            <p>Estimated wait: {waitInWords(answer.waitSeconds)}</p>
          </>
        )}
      </div>
      {problem && <p className="text-amber-200">{problem}</p>}
    </section>
  );
}
