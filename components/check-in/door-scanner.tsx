"use client";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { ActionResult } from "@/lib/errors";
import type { BookingAdmitResult, CheckInResult, DoorLookup } from "@/lib/tickets/check-in";
import { describeBookingResult, describeCodeResult, type DoorAnswer } from "./door-answer";
import { DoorBookingCard } from "./door-booking-card";
import { doorFeedback } from "./door-feedback";
import { useCameraScan } from "./use-camera-scan";

type DoorReply = ({ kind: "code" } & CheckInResult) | ({ kind: "lookup" } & DoorLookup);

type Props = {
  showId: string;
  admit: (input: { showId: string; code: string }) => Promise<ActionResult<DoorReply>>;
  admitBooking: (input: { showId: string; orderId: string; ticketIds?: string[] }) => Promise<ActionResult<BookingAdmitResult>>;
  initialCounts: { admitted: number; expected: number };
};

const TONE = {
  good: "border-emerald-400 bg-emerald-400/15",
  warn: "border-amber-300 bg-amber-300/15",
  bad: "border-red-400 bg-red-400/15",
} as const;

function onConnectionChange(notify: () => void) {
  window.addEventListener("online", notify);
  window.addEventListener("offline", notify);
  return () => {
    window.removeEventListener("online", notify);
    window.removeEventListener("offline", notify);
  };
}

const OFFLINE = "No connection: nothing was admitted. Nobody goes in unchecked; try again when the connection is back.";

/**
 * Door check-in on a phone or a desk: one field takes a scanned code (camera, or a USB/Bluetooth
 * scanner that types and presses Enter), a typed code in any case, a booking reference, a seat
 * like "g12", or part of a customer's name or email. Offline it refuses rather than admitting
 * blind (docs/decisions.md, issue 23). Each answer is marked with performance marks
 * ("door:lookup", "door:admit": from submit to the answer on screen) so the e2e can read the app's time.
 */
export function DoorScanner({ showId, admit, admitBooking, initialCounts }: Props) {
  const [answer, setAnswer] = useState<DoorAnswer | null>(null);
  const [lookup, setLookup] = useState<DoorLookup | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Offline = the browser says so, or the last call to the server failed to get through.
  const [unreachable, setOffline] = useState(false);
  const browserOffline = useSyncExternalStore(onConnectionChange, () => !navigator.onLine, () => false);
  const offline = browserOffline || unreachable;
  const [busy, setBusy] = useState(false);
  const [counts, setCounts] = useState(initialCounts);
  const [scanning, setScanning] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const lastCode = useRef<{ code: string; at: number } | null>(null);
  const timing = useRef<string | null>(null);

  const refreshCounts = useCallback(async () => {
    try {
      const r = await fetch(`/api/admin/shows/${showId}/door`, { cache: "no-store" });
      if (r.ok) setCounts(await r.json());
      setOffline(false);
    } catch {
      setOffline(true);
    }
  }, [showId]);

  /** Runs one server call; a network failure is the offline state, never a guess. */
  const call = useCallback(async <T,>(run: () => Promise<ActionResult<T>>, measure: string): Promise<T | null> => {
    performance.mark(`${measure}:start`);
    timing.current = measure;
    setBusy(true);
    try {
      const res = await run();
      setOffline(false);
      if (res.ok) return res.data;
      setAnswer(null);
      setError(res.message);
      doorFeedback("bad");
      return null;
    } catch {
      setOffline(true);
      setAnswer(null);
      setError(OFFLINE);
      doorFeedback("bad");
      return null;
    } finally {
      setBusy(false);
    }
  }, []);

  const show = useCallback((a: DoorAnswer) => {
    setAnswer(a);
    setError(null);
    doorFeedback(a.tone === "good" ? "good" : "bad");
  }, []);

  const submit = useCallback(
    async (text: string) => {
      const now = Date.now();
      // The camera sees the same QR many times a second; only act on it once per few seconds.
      if (lastCode.current && lastCode.current.code === text && now - lastCode.current.at < 3000) return;
      lastCode.current = { code: text, at: now };
      const reply = await call(() => admit({ showId, code: text }), "door:lookup");
      if (!reply) return;
      if (reply.kind === "code") {
        setLookup(null);
        show(describeCodeResult(reply));
        void refreshCounts();
      } else {
        setAnswer(null);
        setError(null);
        setLookup(reply);
      }
    },
    [admit, call, refreshCounts, show, showId],
  );

  const admitFromLookup = useCallback(
    async (orderId: string, ticketIds?: string[]) => {
      const result = await call(() => admitBooking({ showId, orderId, ticketIds }), "door:admit");
      if (!result) return;
      show(describeBookingResult(result));
      // The card shows the seats as in now, with the time the server stamped.
      const inNow = new Set(result.admitted.map((s) => `${s.row}${s.seatNumber}`));
      setLookup((l) => l && { ...l, bookings: l.bookings.map((b) => (b.orderId !== orderId ? b : { ...b, tickets: b.tickets.map((t) => (inNow.has(`${t.row}${t.seatNumber}`) ? { ...t, status: "admitted" as const, admittedAt: result.at } : t)) })) });
      void refreshCounts();
      inputRef.current?.focus();
    },
    [admitBooking, call, refreshCounts, show, showId],
  );

  // The answer is on screen: close the timing that its submit opened.
  useEffect(() => {
    const name = timing.current;
    if (!name || busy) return;
    timing.current = null;
    performance.mark(`${name}:end`);
    performance.measure(name, `${name}:start`, `${name}:end`);
  }, [answer, lookup, error, busy]);

  useEffect(() => {
    const timer = setInterval(refreshCounts, 5000);
    const goOnline = () => void refreshCounts();
    window.addEventListener("online", goOnline);
    return () => {
      clearInterval(timer);
      window.removeEventListener("online", goOnline);
    };
  }, [refreshCounts]);

  const cameraFailed = useCallback(() => {
    setError("The camera is not available. Type the code, a booking reference, a seat or a name instead.");
    setScanning(false);
  }, []);
  const videoRef = useCameraScan(scanning, submit, cameraFailed);

  return (
    <div className="space-y-4">
      <p className="text-xl" data-testid="door-counts" aria-live="polite">
        <span className="text-3xl font-bold tabular-nums">{counts.admitted}</span> admitted of{" "}
        <span className="text-3xl font-bold tabular-nums">{counts.expected}</span> sold
      </p>
      {offline && (
        <p role="alert" data-testid="door-offline" className="rounded-xl border-2 border-red-400 bg-red-400/15 p-3 text-lg font-bold">
          Offline. Check-in needs the connection: nobody is admitted until it is back.
        </p>
      )}
      <form
        className="flex flex-col gap-2 sm:flex-row"
        onSubmit={(e) => {
          e.preventDefault();
          const input = inputRef.current!;
          const text = input.value.trim();
          if (!text) return;
          lastCode.current = null;
          void submit(text);
          input.value = "";
        }}
      >
        <label htmlFor="code" className="sr-only">
          Ticket code, booking reference, name or seat
        </label>
        <input
          ref={inputRef}
          id="code"
          name="code"
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          spellCheck={false}
          enterKeyHint="go"
          autoFocus
          placeholder="Code, reference, name or seat"
          className="min-h-14 min-w-0 flex-1 rounded-lg border border-line bg-ink px-3 text-xl"
        />
        <button disabled={busy} className="min-h-14 rounded-lg bg-gold px-5 text-lg font-bold text-ink">
          Find or admit
        </button>
      </form>
      <div aria-live="assertive" role="status" data-testid="door-answer">
        {answer && (
          <div className={`rounded-xl border-4 p-4 ${TONE[answer.tone]}`} data-tone={answer.tone}>
            <p className="text-4xl font-bold">{answer.title}</p>
            <p className="mt-1 text-xl break-words">{answer.detail}</p>
          </div>
        )}
        {error && <p className="rounded-xl border-2 border-red-400 p-3 text-lg">{error}</p>}
      </div>
      {lookup && (
        <section aria-labelledby="door-found" className="space-y-2">
          <h2 id="door-found" className="text-lg font-semibold" data-testid="door-found">
            {lookup.bookings.length === 0
              ? `No booking for ${lookup.understoodAs} at this show.`
              : `${lookup.bookings.length}${lookup.more ? "+" : ""} booking${lookup.bookings.length === 1 && !lookup.more ? "" : "s"} for ${lookup.understoodAs}`}
          </h2>
          <ul className="space-y-3">
            {lookup.bookings.map((b) => (
              <DoorBookingCard key={b.orderId} booking={b} busy={busy} onAdmit={admitFromLookup} />
            ))}
          </ul>
        </section>
      )}
      <button type="button" onClick={() => setScanning((s) => !s)} className="min-h-12 rounded-lg border border-gold px-4 font-semibold text-gold">
        {scanning ? "Stop camera" : "Scan with camera"}
      </button>
      {scanning && <video ref={videoRef} className="w-full max-w-sm rounded-lg" muted playsInline aria-label="Camera preview" />}
    </div>
  );
}
