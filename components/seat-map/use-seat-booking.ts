"use client";
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { ActionResult } from "@/lib/errors";
import { describeSeats } from "@/lib/seat-map/format";
import { geometryOf } from "@/lib/seat-map/geometry";
import type { HoldInput, HoldOutput, MapLayout, MapSeat, SeatSnapshot } from "@/lib/seat-map/types";
import {
  applyHoldOutput,
  applySnapshot,
  effectiveStates,
  idsInState,
  initialStore,
  isMine,
  isTaken,
  revertOps,
  snapshotLosses,
  startOps,
  takenFromFailure,
  type BookingStore,
} from "./booking-store";
import { loadRules, rulesIfLoaded, type Rules } from "./selection-rules";
import { useVisiblePoll } from "./use-visible-poll";

export type HoldAction = (input: HoldInput) => Promise<ActionResult<HoldOutput>>;
export type Tone = "error" | "warning" | "info";
/** `href`: a link shown after the text (back to an on-sale's waiting line). */
export type Notice = { key: number; tone: Tone; text: string; href?: string };

const POLL_MS = 1500;
// After this many failed polls in a row the customer is told the map may be out of date.
const STALE_AFTER_FAILURES = 3;

export const OFFLINE_TEXT = "We couldn't reach the box office. Check your connection and try again.";
const OFFLINE: ActionResult<never> = { ok: false, code: "unavailable", message: OFFLINE_TEXT };

type Options = {
  layout: MapLayout;
  initial: SeatSnapshot;
  maxSeats: number;
  hold: HoldAction;
  release: HoldAction;
  /** Seats the customer is looking at (focused, hovered), to say so when one is taken. */
  watched: () => string[];
  /** Whether to poll the server for other customers' changes (false for a map of no real show). */
  live: boolean;
};

export function useSeatBooking({ layout, initial, maxSeats, hold, release, watched, live }: Options) {
  const [store, setStore] = useState<BookingStore>(() => initialStore(initial));
  const [notice, setNotice] = useState<Notice | null>(null);
  const [stale, setStale] = useState(false);
  const states = useMemo(() => effectiveStates(store), [store]);

  // Async work (action results, polls) needs the latest store, not the one it closed over.
  const latest = useRef(store);
  useLayoutEffect(() => {
    latest.current = store;
  }, [store]);

  const seatById = useMemo(() => geometryOf(layout.seats).byId, [layout.seats]);
  const describeIds = useCallback(
    (ids: readonly string[]) => describeSeats(ids.flatMap((id) => seatById.get(id)?.seat ?? ([] as MapSeat[]))),
    [seatById],
  );

  const noticeKey = useRef(0);
  const notify = useCallback((tone: Tone, text: string, href?: string) => setNotice({ key: ++noticeKey.current, tone, text, href }), []);
  const clearNotice = useCallback(() => setNotice(null), []);

  // Holds and releases run one at a time, so each answer describes the server after every
  // earlier tap; `seq` changes whenever one starts or ends so a poll that raced one is dropped.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const seq = useRef(0);
  const nextToken = useRef(0);
  const enqueue = useCallback((job: () => Promise<void>) => {
    seq.current++;
    queue.current = queue.current
      .then(job)
      .catch(() => undefined)
      .finally(() => {
        seq.current++;
      });
  }, []);

  /** Says why a hold or release failed (`more` after the reason). */
  const notifyFailure = useCallback(
    (result: ActionResult<unknown>, more = "") => {
      if (result.ok) return;
      const taken = takenFromFailure(result);
      if (result.code === "conflict" && taken.length > 0) {
        const one = taken.length === 1;
        return notify("error", `Sorry, ${one ? "seat" : "seats"} ${describeIds(taken)} ${one ? "was" : "were"} just taken by someone else. Please choose another seat.${more}`);
      }
      // A high-demand on-sale's line (issue 22): this visitor's admission is missing or ran out;
      // the message says so with a link back to the line, where their place is kept, and the
      // page goes there.
      const line = result.code === "forbidden" ? (result.details as { waitingRoom?: unknown } | undefined)?.waitingRoom : undefined;
      if (typeof line === "string" && line.startsWith("/shows/")) {
        setTimeout(() => window.location.assign(line), 2_500);
        return notify("error", `${result.message} Taking you to the line…`, line);
      }
      const field = result.fieldErrors && Object.values(result.fieldErrors)[0]?.[0];
      notify("error", (field ?? result.message) + more);
    },
    [describeIds, notify],
  );

  const call = useCallback(async (action: HoldAction, seatIds: string[]) => {
    try {
      return await action({ showId: layout.showId, seatIds });
    } catch {
      return OFFLINE;
    }
  }, [layout.showId]);

  const toggleWith = useCallback(
    (rules: Rules, seatId: string) => {
      const current = effectiveStates(latest.current);
      const verdict = rules.checkToggle({
        seats: layout.seats,
        taken: idsInState(current, isTaken),
        selected: idsInState(current, isMine),
        seatId,
        maxSeats,
      });
      if (!verdict.ok) {
        notify("error", verdict.message);
        return;
      }
      const token = ++nextToken.current;
      const op = verdict.action === "select" ? "hold" : "release";
      setStore((s) => startOps(s, [seatId], op, token));
      clearNotice();
      enqueue(async () => {
        const result = await call(op === "hold" ? hold : release, [seatId]);
        if (result.ok) {
          setStore((s) => applyHoldOutput(s, result.data, [seatId], token));
        } else {
          setStore((s) => revertOps(s, [seatId], token, takenFromFailure(result)));
          notifyFailure(result);
        }
      });
    },
    [call, clearNotice, enqueue, notifyFailure, hold, layout.seats, maxSeats, notify, release],
  );

  const toggle = useCallback(
    (seatId: string) => {
      const rules = rulesIfLoaded();
      // A tap before the rules arrived (they start loading with the first touch or focus) is
      // checked once they do.
      if (rules) toggleWith(rules, seatId);
      else loadRules().then((loaded) => toggleWith(loaded, seatId), () => notify("error", OFFLINE_TEXT));
    },
    [notify, toggleWith],
  );

  /**
   * Picks the best seats for `count` and makes them the selection (take-best.ts). That code and
   * the search it calls are loaded on first use: most customers tap seats, so they stay out of
   * the page's first-load JavaScript.
   */
  const takeBest = useCallback(
    async (count: number, preferredTier: string | undefined, wheelchair: boolean) => {
      let best: typeof import("./take-best");
      try {
        best = await import("./take-best");
      } catch {
        notify("error", OFFLINE_TEXT);
        return null;
      }
      const parts = { layout, maxSeats, hold, release, latest, nextToken, setStore, notify, enqueue, call, notifyFailure };
      return best.takeBest(parts, count, preferredTier, wheelchair);
    },
    [call, enqueue, notifyFailure, hold, layout, maxSeats, notify, release],
  );

  const watchedRef = useRef(watched);
  useLayoutEffect(() => {
    watchedRef.current = watched;
  });
  const failures = useRef(0);

  useVisiblePoll(async (signal) => {
    const startSeq = seq.current;
    let snapshot: SeatSnapshot;
    try {
      const res = await fetch(`/api/shows/${encodeURIComponent(layout.showId)}/seats`, { cache: "no-store", signal });
      if (!res.ok) throw new Error(`seat poll answered ${res.status}`);
      snapshot = (await res.json()) as SeatSnapshot;
    } catch (err) {
      if (signal.aborted) return;
      if (++failures.current >= STALE_AFTER_FAILURES) setStale(true);
      throw err;
    }
    failures.current = 0;
    setStale(false);
    // A hold or release started or finished meanwhile: this snapshot may predate it.
    if (seq.current !== startSeq || Object.keys(latest.current.pending).length > 0) return;
    const before = effectiveStates(latest.current);
    const { lostMine, takenWatched } = snapshotLosses(before, snapshot, watchedRef.current());
    setStore((s) => applySnapshot(s, snapshot));
    if (lostMine.length > 0) {
      const expired = latest.current.expiresAt !== null && latest.current.expiresAt <= Date.now();
      const one = lostMine.length === 1;
      const which = `${describeIds(lostMine)} ${one ? "is" : "are"} no longer held for you.`;
      notify("warning", expired ? `Your hold expired: ${one ? "seat" : "seats"} ${which}` : `${one ? "Seat" : "Seats"} ${which}`);
    } else if (takenWatched.length > 0) {
      const one = takenWatched.length === 1;
      notify("warning", `${one ? "Seat" : "Seats"} ${describeIds(takenWatched)} ${one ? "was" : "were"} just taken by someone else.`);
    }
  }, POLL_MS, live);

  return { store, states, notice, notify, clearNotice, stale, toggle, takeBest, describeIds };
}
