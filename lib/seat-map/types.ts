// Shapes shared by the server (hold actions, seat-state route) and the seat map client.
// Pure types: no I/O, safe to import from client components.

export type SeatKind = "standard" | "premium" | "wheelchair" | "companion";

/** A seat as the map draws it: (x, y) are grid units on the screen's layout, y = 0 nearest the screen. */
export type MapSeat = {
  id: string;
  row: string;
  number: number;
  x: number;
  y: number;
  kind: SeatKind;
  tier: string;
};

export type MapTier = { name: string; price: number };

export type MapLayout = {
  showId: string;
  screenName: string;
  gridWidth: number;
  gridHeight: number;
  currency: string;
  /** Tiers with the show's price for each, in minor units. */
  tiers: MapTier[];
  seats: MapSeat[];
};

/** Only seats that are not available appear in a state map. */
export type SeatState = "held" | "sold" | "mine";

/** What GET /api/shows/<showId>/seats answers and what the page renders first. */
export type SeatSnapshot = {
  states: Record<string, SeatState>;
  /** Epoch ms when my holds expire, or null when I hold nothing. */
  holdExpiresAt: number | null;
  /** The lock store is unreachable: states are the sold seats only, and holds are refused for now. */
  paused?: true;
};

export type HoldInput = { showId: string; seatIds: string[] };
/** All seats the caller now holds for the show, and when they expire. */
export type HoldOutput = { mine: string[]; expiresAt: number | null };
