"use client";
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { ActionResult } from "@/lib/errors";
import type { PromoCodeView, ShowPricing } from "@/lib/pricing/types";
import { describeSeats, formatPrice } from "@/lib/seat-map/format";
import { geometryOf } from "@/lib/seat-map/geometry";
import { targetFor } from "@/lib/seat-map/seat-scoring";
import type { HoldInput, HoldOutput, MapLayout, SeatSnapshot } from "@/lib/seat-map/types";
import { isBestAvailableForm, WHEELCHAIR } from "./areas";
import { idsInState, isMine, isTaken } from "./booking-store";
import { frameOf, mapBoxStyle, tierColours } from "./drawing";
import { SeatCanvas } from "./seat-canvas";
import { showPatternPrefix } from "./seat-look";
import { loadRules, preloadRules, rulesIfLoaded } from "./selection-rules";
import { continueFormId, SummaryBar } from "./summary-bar";
import { useCountdown } from "./use-countdown";
import { OFFLINE_TEXT, useSeatBooking } from "./use-seat-booking";

export type SeatMapProps = {
  layout: MapLayout;
  /** Seat states at render time. */
  initial: SeatSnapshot;
  maxSeats: number;
  hold: (input: HoldInput) => Promise<ActionResult<HoldOutput>>;
  release: (input: HoldInput) => Promise<ActionResult<HoldOutput>>;
  /** Server action behind Continue; the form carries a hidden showId (a swap's page binds its order id into the action). */
  checkout: (formData: FormData) => Promise<void>;
  /** Poll for other customers' holds (default). Off only for a map of no real show (the arena). */
  live?: boolean;
  /**
   * `<SeatLegend layout />`, rendered by the (server) page: the key under the map, and the
   * patterns the map's seats are drawn with (without it, marked seats have no fill).
   */
  legend: React.ReactNode;
  /**
   * The best-available form (best-available-control.tsx, rendered by seat-map-with-form.tsx):
   * its submit and area choice bubble to the map's section, handled here.
   */
  bestAvailable: React.ReactNode;
  /** Seats whose hold ran out while the customer signed in: offered again when still free. */
  resume?: readonly string[];
  /** Ticket types, fees, tax of the show: with it the summary offers types and a promo code. */
  pricing?: ShowPricing;
  checkPromo?: (input: { showId: string; code: string }) => Promise<ActionResult<PromoCodeView>>;
  /** Continue needs exactly this many seats (a swap keeps the booking's number of seats). */
  exactSeats?: number;
};

const WARN_BEFORE_EXPIRY_MS = 60_000;

// The list view is loaded when first opened, to keep it out of the page's first-load JavaScript.
const SeatList = lazy(() => import("./seat-list").then((m) => ({ default: m.SeatList })));
const SeatAnnouncer = lazy(() => import("./seat-announcer").then((m) => ({ default: m.SeatAnnouncer })));
// Only after a sign-in during which the hold ran out.
const ResumeOffer = lazy(() => import("./resume-offer").then((m) => ({ default: m.ResumeOffer })));
// With the first seat that is the customer's.
const TicketTypes = lazy(() => import("./ticket-types").then((m) => ({ default: m.TicketTypes })));

const noSubscription = () => () => {};

/**
 * The interactive seat map. Seats render on the client only (the server sends the frame, legend
 * and summary): a 5,000-seat arena would otherwise ship its whole SVG in the HTML and then
 * hydrate it, which costs more than drawing it once.
 */
export function SeatMap({ layout, initial, maxSeats, hold, release, checkout, live = true, legend, bestAvailable, resume = [], pricing, checkPromo, exactSeats }: SeatMapProps) {
  const prefix = showPatternPrefix(layout.showId);
  const onClient = useSyncExternalStore(noSubscription, () => true, () => false);
  const geometry = useMemo(() => geometryOf(layout.seats), [layout.seats]);
  const frame = useMemo(() => frameOf(geometry), [geometry]);
  const colours = useMemo(() => tierColours(layout.tiers), [layout.tiers]);
  const priceTexts = useMemo(() => new Map(layout.tiers.map((t) => [t.name, formatPrice(t.price, layout.currency)])), [layout.currency, layout.tiers]);
  const prices = useMemo(() => new Map(layout.tiers.map((t) => [t.name, t.price])), [layout.tiers]);
  const [view, setView] = useState<"map" | "list">("map");
  // The toggle moves with the view (under the map, above the list); focus follows it.
  const toggleRef = useRef<HTMLButtonElement>(null);
  const switchedView = useRef(false);
  useEffect(() => {
    if (switchedView.current) toggleRef.current?.focus();
  }, [view]);

  const watched = useRef<{ focus: string | null; pointer: string | null }>({ focus: null, pointer: null });
  const onWatch = useCallback((kind: "focus" | "pointer", seatId: string | null) => {
    watched.current[kind] = seatId;
  }, []);

  const booking = useSeatBooking({
    layout,
    initial,
    maxSeats,
    hold,
    release,
    live,
    watched: () => [watched.current.focus, watched.current.pointer].filter((id): id is string => id !== null),
  });
  const { states, notice, notify, store } = booking;

  // Performance marks for the benchmark: the first full draw of the seats, and each toggle from
  // the tap to the commit that shows it.
  const toggling = useRef(false);
  const { toggle } = booking;
  const onToggle = useCallback(
    (seatId: string) => {
      performance.mark("seatmap:toggle-start");
      toggling.current = true;
      toggle(seatId);
    },
    [toggle],
  );
  useLayoutEffect(() => {
    if (!toggling.current) return;
    toggling.current = false;
    performance.mark("seatmap:toggle-end");
    performance.measure("seatmap:toggle", "seatmap:toggle-start", "seatmap:toggle-end");
  }, [states, notice]);

  const mine = useMemo(() => {
    const ids = idsInState(states, isMine);
    const order = (id: string) => geometry.byId.get(id);
    return ids.sort((a, b) => (order(a)?.rowIndex ?? 0) - (order(b)?.rowIndex ?? 0) || (order(a)?.indexInRow ?? 0) - (order(b)?.indexInRow ?? 0));
  }, [geometry, states]);
  // The rules load with the first touch or focus (selection-rules.ts), or here when seats are
  // already mine (a reload, best available); until then Continue waits.
  const [rules, setRules] = useState(rulesIfLoaded);
  const checking = mine.length > 0 && !rules;
  useEffect(() => {
    if (checking) loadRules().then(setRules, () => notify("error", OFFLINE_TEXT));
  }, [checking, notify]);
  const rule = useMemo(() => {
    if (mine.length === 0 || !rules) return null;
    const verdict = rules.validateSelection({ seats: layout.seats, taken: idsInState(states, isTaken), selected: mine, maxSeats });
    return verdict.ok ? null : verdict;
  }, [layout.seats, maxSeats, mine, rules, states]);

  const remainingMs = useCountdown(mine.length > 0 ? store.expiresAt : null, WARN_BEFORE_EXPIRY_MS, () =>
    notify("warning", "About one minute left to continue with these seats before they are released."),
  );

  const busy = Object.keys(store.pending).length > 0;
  const blockedReason =
    mine.length === 0
      ? "Choose at least one seat to continue."
      : exactSeats !== undefined && mine.length !== exactSeats
        ? `Choose ${exactSeats} ${exactSeats === 1 ? "seat" : "seats"} to continue.`
      : busy
        ? "Saving your seats…"
        : checking
          ? "Checking your seats…"
        : rule
          ? "Change your seats as explained above to continue."
          : remainingMs === 0
            ? "Your hold has expired. Choose your seats again."
            : null;

  const seatsText = describeSeats(mine.flatMap((id) => geometry.byId.get(id)?.seat ?? []));
  const total = mine.reduce((sum, id) => sum + (prices.get(geometry.byId.get(id)?.seat.tier ?? "") ?? 0), 0);
  const [pricedTotal, setPricedTotal] = useState<string | null>(null);
  // The seats at their listed prices (what the seats and the announcer say), and the total the
  // type picker works out with fees and tax once it has loaded (what the summary says).
  const seatsTotalText = formatPrice(total, layout.currency);
  const totalText = (pricing && mine.length > 0 && pricedTotal) || seatsTotalText;
  const pickerSeats = useMemo(() => mine.flatMap((id) => geometry.byId.get(id)?.seat ?? []).map((s) => ({ id: s.id, tier: s.tier })), [mine, geometry]);

  // What a screen reader hears (a visually hidden live region, there from the start): the
  // announcer loads with the first change of the selection or the first hold.
  const mineKey = mine.join(",");
  const [openedWith] = useState(mineKey);
  const [announcing, setAnnouncing] = useState(false);
  if (!announcing && (mineKey !== openedWith || remainingMs !== null)) setAnnouncing(true);

  // A phone opens the map zoomed in on the best seats (the centre of the target seat's square),
  // and goes to the area the customer chooses in best available: the seat of that tier (or the
  // wheelchair space) nearest the area's target (a tier may sit in front of and behind another).
  const [area, setArea] = useState("");
  const focus = useMemo(() => {
    const t = targetFor(layout.seats, layout.tiers, area && area !== WHEELCHAIR ? area : undefined);
    let at: { x: number; y: number } = t;
    if (area) {
      let nearest = Infinity;
      for (const s of layout.seats) {
        const inArea = area === WHEELCHAIR ? s.kind === "wheelchair" : s.tier === area;
        const d = inArea ? Math.hypot(s.x - t.x, s.y - t.y) : Infinity;
        if (d < nearest) [nearest, at] = [d, s];
      }
    }
    return { x: at.x + 0.5, y: at.y + 0.5 };
  }, [area, layout.seats, layout.tiers]);

  const viewToggle = (
    <button
      ref={toggleRef}
      type="button"
      aria-pressed={view === "list"}
      onClick={() => {
        switchedView.current = true;
        setView((v) => (v === "map" ? "list" : "map"));
      }}
      className="h-10 rounded-lg border border-zinc-500 px-3 text-sm text-zinc-100 hover:bg-zinc-800 aria-pressed:border-zinc-100 aria-pressed:bg-zinc-100 aria-pressed:text-ink"
    >
      List view
    </button>
  );

  return (
    <section
      aria-label="Choose your seats"
      className="space-y-4"
      onPointerDown={preloadRules}
      onFocus={preloadRules}
      onSubmit={(e) => {
        const form = e.target;
        if (!isBestAvailableForm(form)) return;
        e.preventDefault();
        const data = new FormData(form);
        const chosen = String(data.get("area") ?? "");
        void booking.takeBest(Number(data.get("count")), chosen && chosen !== WHEELCHAIR ? chosen : undefined, chosen === WHEELCHAIR);
      }}
      onChange={(e) => {
        const field = e.target as HTMLSelectElement;
        if (field.name === "area" && isBestAvailableForm(field.form)) setArea(field.value);
      }}
    >
      <p data-testid="seat-announcement" role="status" aria-live="polite" className="sr-only">
        {announcing && (
          <Suspense fallback={null}>
            <SeatAnnouncer from={openedWith} mine={mine} busy={busy} remainingMs={remainingMs} geometry={geometry} totalText={seatsTotalText} />
          </Suspense>
        )}
      </p>
      {bestAvailable}
      {resume.length > 0 && mine.length === 0 && (
        <Suspense fallback={null}>
          <ResumeOffer resume={resume} geometry={geometry} states={states} onToggle={onToggle} />
        </Suspense>
      )}
      {booking.stale && (
        <p role="status" className="rounded-lg border border-amber-300 px-3 py-2 text-sm text-amber-100">
          We can&apos;t reach the box office right now, so other customers&apos; changes may not show. Retrying…
        </p>
      )}
      {/* Nothing covers the map: the summary is not a bar over it but follows the map's controls
          (a phone; the map's box leaves it room in the viewport), or sits beside the map (wide
          screens), with the legend after it. */}
      <div className="space-y-4 lg:grid lg:grid-cols-[minmax(0,1fr)_18rem] lg:items-start lg:gap-6 lg:space-y-0">
        <div className="space-y-4">
          <div hidden={view !== "map"}>
            {onClient ? (
              <MeasuredCanvas>
                <SeatCanvas
                  geometry={geometry}
                  frame={frame}
                  states={states}
                  screenName={layout.screenName}
                  prefix={prefix}
                  priceTexts={priceTexts}
                  colours={colours}
                  onToggle={onToggle}
                  onWatch={onWatch}
                  controls={viewToggle}
                  focus={focus}
                />
              </MeasuredCanvas>
            ) : (
              <div className="seat-map-box mx-auto w-full rounded-xl border border-line bg-[#0f0f19]" style={mapBoxStyle(frame)} />
            )}
          </div>
          {view === "list" && (
            <div className="space-y-2">
              <div className="flex justify-end">{viewToggle}</div>
              <Suspense fallback={<p className="text-sm text-zinc-300">Loading the seat list…</p>}>
                <SeatList geometry={geometry} states={states} priceTexts={priceTexts} onToggle={onToggle} />
              </Suspense>
            </div>
          )}
        </div>
        <div className="space-y-4 lg:sticky lg:top-4">
          <SummaryBar
            showId={layout.showId}
            seatsText={seatsText}
            count={mine.length}
            totalText={totalText}
            remainingMs={remainingMs}
            notice={notice}
            ruleMessage={rule?.message ?? null}
            blockedReason={blockedReason}
            checkout={checkout}
            extra={
              pricing && checkPromo && mine.length > 0 ? (
                <Suspense fallback={<p className="text-sm text-zinc-300">Loading ticket types…</p>}>
                  <TicketTypes pricing={pricing} seats={pickerSeats} formId={continueFormId(layout.showId)} checkPromo={checkPromo} onTotal={setPricedTotal} />
                </Suspense>
              ) : null
            }
          />
          {legend}
        </div>
      </div>
    </section>
  );
}

/**
 * Marks the first draw of the seats: render start before its children, end once committed, and
 * "painted" in the first task after the next frame (a requestAnimationFrame callback runs just
 * before that frame is painted; a message posted from it is handled just after).
 */
function MeasuredCanvas({ children }: { children: React.ReactNode }) {
  useState(() => performance.mark("seatmap:render-start"));
  useLayoutEffect(() => {
    performance.mark("seatmap:render-end");
    performance.measure("seatmap:render", "seatmap:render-start", "seatmap:render-end");
    const frame = requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        performance.mark("seatmap:render-painted");
        performance.measure("seatmap:render-paint", "seatmap:render-start", "seatmap:render-painted");
      };
      channel.port2.postMessage(null);
    });
    return () => cancelAnimationFrame(frame);
  }, []);
  return children;
}
