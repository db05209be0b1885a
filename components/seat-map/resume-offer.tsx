import { describeSeats } from "@/lib/seat-map/format";
import type { MapSeat } from "@/lib/seat-map/types";

/** "Your hold on F7 and F8 ran out while you were signing in", and the same seats again if still free. */
export function ResumeOffer({ seats, free, onTake }: { seats: readonly MapSeat[]; free: boolean; onTake: () => void }) {
  const names = describeSeats(seats);
  return (
    <div data-testid="resume-offer" className="space-y-2 rounded-lg border border-amber-300 bg-amber-950/40 px-3 py-2 text-sm text-amber-100">
      <p>Your hold on {names} ran out while you were signing in.</p>
      {free ? (
        <button type="button" onClick={onTake} className="h-10 rounded-lg bg-gold px-4 font-semibold text-ink hover:bg-amber-200">
          Hold {names} again
        </button>
      ) : (
        <p>Some of them have been taken since: please choose your seats again.</p>
      )}
    </div>
  );
}
