"use client";
import { describeSeats } from "@/lib/seat-map/format";
import type { SeatGeometry } from "@/lib/seat-map/geometry";
import type { SeatState } from "@/lib/seat-map/types";

type Props = {
  /** The seats whose hold ran out while the customer signed in. */
  resume: readonly string[];
  geometry: SeatGeometry;
  states: Readonly<Record<string, SeatState>>;
  onToggle: (seatId: string) => void;
};

/** "Your hold on F7 and F8 ran out while you were signing in", and the same seats again if still free. */
export function ResumeOffer({ resume, geometry, states, onToggle }: Props) {
  const seats = resume.flatMap((id) => geometry.byId.get(id)?.seat ?? []);
  if (seats.length === 0) return null;
  const names = describeSeats(seats);
  const free = seats.every((s) => states[s.id] === undefined);
  const take = () => {
    // Wheelchair spaces first: a companion seat is refused without one in the selection.
    for (const s of [...seats].sort((a, b) => Number(b.kind === "wheelchair") - Number(a.kind === "wheelchair"))) onToggle(s.id);
  };
  return (
    <div data-testid="resume-offer" className="space-y-2 rounded-lg border border-amber-300 bg-amber-950/40 px-3 py-2 text-sm text-amber-100">
      <p>Your hold on {names} ran out while you were signing in.</p>
      {free ? (
        <button type="button" onClick={take} className="h-10 rounded-lg bg-gold px-4 font-semibold text-ink hover:bg-amber-200">
          Hold {names} again
        </button>
      ) : (
        <p>Some of them have been taken since: please choose your seats again.</p>
      )}
    </div>
  );
}
