"use client";
import { useEffect, useState } from "react";

type Answer = { admitted: boolean; place: number; ahead: number; waitSeconds: number; perMinute: number; next: string; retryAfterMs: number };

/** When the line cannot be reached; otherwise the line says when to ask again. */
const RETRY_MS = 3_000;

function waitInWords(seconds: number): string {
  if (seconds < 60) return "less than a minute";
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "about a minute" : `about ${minutes} minutes`;
}

/**
 * The visitor's place in a show's waiting line, kept up to date: it asks again when the line says to
 * (when the place should come up, at least every 30 s; the first ask takes the place) and goes on
 * to the seat map once admitted. In between, the place and the wait count down each second at the
 * line's rate, so the page stays live without asking. Reloading or opening more tabs keeps the
 * same place.
 */
export function LinePlace({ showId }: { showId: string }) {
  const [answer, setAnswer] = useState<(Answer & { at: number }) | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [now, setNow] = useState(0);

  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(tick);
  }, []);

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
          setAnswer({ ...body, at: Date.now() });
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

  // Since the last answer, the line has moved on at its rate.
  const elapsedMs = answer && now > answer.at ? now - answer.at : 0;
  const ahead = answer ? Math.max(0, answer.ahead - Math.floor((elapsedMs * answer.perMinute) / 60_000)) : 0;
  const waitSeconds = answer ? Math.max(0, answer.waitSeconds - Math.floor(elapsedMs / 1000)) : 0;

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
              Your place: <strong data-testid="line-place">{answer.place}</strong> · <span data-testid="line-ahead">{ahead}</span> ahead of you
            </p>
            <p data-testid="line-wait">Estimated wait: {waitInWords(waitSeconds)}</p>
          </>
        )}
      </div>
      {problem && <p className="text-amber-200">{problem}</p>}
    </section>
  );
}
