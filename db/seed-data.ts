// The demo chain: Marquee New York (the first theater, the one tests seed alone: three screens)
// and, in the demo only, Marquee Los Angeles (three other screens, one of them IMAX); eight
// movies shared by both. Pure data and layout builders; db/seed.ts writes them.

type SeatKind = "standard" | "premium" | "wheelchair" | "companion";
export type SeedSeat = { rowLabel: string; number: number; x: number; y: number; kind: SeatKind; tier: string };
export type SeedScreen = {
  name: string;
  format: string;
  tiers: string[];
  prices: Record<string, number>;
  build: () => { seats: SeedSeat[]; gridWidth: number; gridHeight: number };
  /** Movie slugs this screen plays, in rotation (every movie when omitted). */
  movies?: string[];
};

const ID_NOTICE = "Photo ID is required for R-rated films: under 17s must come with a parent or guardian.";

export const theater = {
  slug: "new-york",
  name: "Marquee New York",
  address: "120 Riverside Ave, Brooklyn, NY 11201",
  timeZone: "America/New_York",
  idNotice: ID_NOTICE,
};

export const laTheater = {
  slug: "los-angeles",
  name: "Marquee Los Angeles",
  address: "6801 Sunset Blvd, Los Angeles, CA 90028",
  timeZone: "America/Los_Angeles",
  idNotice: ID_NOTICE,
};

const ROWS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * Lays out rows of blocks separated by one-column aisles. Seats are numbered left to right
 * across the whole row, the way most cinemas print them.
 */
function rowsOfBlocks(opts: {
  rows: number;
  blocks: number[] | ((row: number) => number[]);
  kindOf?: (row: number, seatIndex: number, seatsInRow: number) => SeatKind;
  tierOf?: (row: number, block: number, blocksInRow: number) => string;
}) {
  const seats: SeedSeat[] = [];
  let gridWidth = 0;
  for (let r = 0; r < opts.rows; r++) {
    const blocks = typeof opts.blocks === "function" ? opts.blocks(r) : opts.blocks;
    const width = blocks.reduce((a, b) => a + b, 0) + blocks.length - 1;
    gridWidth = Math.max(gridWidth, width);
    const total = blocks.reduce((a, b) => a + b, 0);
    let x = 0;
    let n = 0;
    blocks.forEach((size, b) => {
      for (let i = 0; i < size; i++) {
        const kind = opts.kindOf?.(r, n, total) ?? "standard";
        const tier = kind === "premium" ? "premium" : (opts.tierOf?.(r, b, blocks.length) ?? "standard");
        seats.push({ rowLabel: ROWS[r], number: n + 1, x, y: r, kind, tier });
        x++;
        n++;
      }
      x++; // aisle
    });
  }
  // Centre narrower rows under the widest one.
  const widthOfRow = new Map<string, number>();
  for (const s of seats) widthOfRow.set(s.rowLabel, Math.max(widthOfRow.get(s.rowLabel) ?? 0, s.x + 1));
  for (const s of seats) s.x += Math.floor((gridWidth - (widthOfRow.get(s.rowLabel) ?? gridWidth)) / 2);
  return { seats, gridWidth, gridHeight: opts.rows };
}

export const screens: SeedScreen[] = [
  {
    // 10 rows of 6 + 6 around a centre aisle; the front row has wheelchair spaces with companions.
    name: "Screen 1",
    format: "standard",
    tiers: ["standard"],
    prices: { standard: 1250 },
    build: () =>
      rowsOfBlocks({
        rows: 10,
        blocks: [6, 6],
        kindOf: (r, i, total) => {
          if (r !== 0) return "standard";
          if (i === 0 || i === total - 1) return "wheelchair";
          if (i === 1 || i === total - 2) return "companion";
          return "standard";
        },
      }),
  },
  {
    // 11 rows of 4 | 12 | 4 = 220 seats; the centre block of rows E–H is premium.
    name: "Screen 2",
    format: "standard",
    tiers: ["standard", "premium"],
    prices: { standard: 1400, premium: 1850 },
    build: () =>
      rowsOfBlocks({
        rows: 11,
        blocks: [4, 12, 4],
        kindOf: (r, i, total) => {
          if (r === 10 && (i === 4 || i === 15)) return "wheelchair";
          if (r === 10 && (i === 5 || i === 14)) return "companion";
          if (r >= 4 && r <= 7 && i >= 4 && i < total - 4) return "premium";
          return "standard";
        },
      }),
  },
  {
    // Large format: 18 rows of side blocks 6 | 14 | 6 = 468 seats, premium centre rows H–M.
    name: "Grand (Large Format)",
    format: "large-format",
    tiers: ["standard", "premium"],
    prices: { standard: 1800, premium: 2400 },
    build: () =>
      rowsOfBlocks({
        rows: 18,
        blocks: [6, 14, 6],
        kindOf: (r, i, total) => {
          if (r === 8 && (i === 0 || i === total - 1)) return "wheelchair";
          if (r === 8 && (i === 1 || i === total - 2)) return "companion";
          if (r >= 7 && r <= 12 && i >= 6 && i < total - 6) return "premium";
          return "standard";
        },
      }),
  },
];

// Los Angeles: two studios and an IMAX auditorium. Names differ from New York's, so a screen
// named in a test or story ("Screen 1") is always the first theater's.
export const laScreens: SeedScreen[] = [
  {
    // 9 rows of 7 + 7; wheelchair spaces with companions at both ends of the back row.
    name: "Studio A",
    format: "standard",
    tiers: ["standard"],
    prices: { standard: 1300 },
    build: () =>
      rowsOfBlocks({
        rows: 9,
        blocks: [7, 7],
        kindOf: (r, i, total) => {
          if (r !== 8) return "standard";
          if (i === 0 || i === total - 1) return "wheelchair";
          if (i === 1 || i === total - 2) return "companion";
          return "standard";
        },
      }),
  },
  {
    // 12 rows of 3 | 10 | 3 = 192 seats; premium centre block in rows F–I.
    name: "Studio B",
    format: "standard",
    tiers: ["standard", "premium"],
    prices: { standard: 1450, premium: 1900 },
    build: () =>
      rowsOfBlocks({
        rows: 12,
        blocks: [3, 10, 3],
        kindOf: (r, i, total) => {
          if (r === 0 && (i === 3 || i === total - 4)) return "wheelchair";
          if (r === 0 && (i === 4 || i === total - 5)) return "companion";
          if (r >= 5 && r <= 8 && i >= 3 && i < total - 3) return "premium";
          return "standard";
        },
      }),
  },
  {
    // IMAX: 16 rows of 6 | 16 | 6 = 448 seats, premium centre rows H–L; plays the big films only.
    name: "IMAX",
    format: "imax",
    tiers: ["standard", "premium"],
    prices: { standard: 2100, premium: 2700 },
    movies: ["orbit-of-ash", "kingdom-under-glass", "the-lighthouse-keepers"],
    build: () =>
      rowsOfBlocks({
        rows: 16,
        blocks: [6, 16, 6],
        kindOf: (r, i, total) => {
          if (r === 6 && (i === 0 || i === total - 1)) return "wheelchair";
          if (r === 6 && (i === 1 || i === total - 2)) return "companion";
          if (r >= 7 && r <= 11 && i >= 6 && i < total - 6) return "premium";
          return "standard";
        },
      }),
  },
];

export const movies = [
  { slug: "the-lighthouse-keepers", title: "The Lighthouse Keepers", runtimeMinutes: 118, rating: "PG-13", genres: ["Drama", "Mystery"], colors: ["#0f3d5e", "#f2c14e"],
    synopsis: "Two keepers on a storm-bound island find the logbook of the crew that vanished before them, and start to fear they are living it again." },
  { slug: "orbit-of-ash", title: "Orbit of Ash", runtimeMinutes: 142, rating: "PG-13", genres: ["Science fiction", "Adventure"], colors: ["#2b1b3d", "#ff6b35"],
    synopsis: "A salvage pilot racing a dying sun has eleven hours to bring a drifting colony ship home — with its sleeping passengers waking one by one." },
  { slug: "paper-kites", title: "Paper Kites", runtimeMinutes: 96, rating: "PG", genres: ["Animation", "Family"], colors: ["#ffd6e0", "#3a86ff"],
    synopsis: "A girl who folds messages into kites discovers that someone on the other side of the valley has been answering them." },
  { slug: "the-last-tram", title: "The Last Tram", runtimeMinutes: 104, rating: "R", genres: ["Thriller"], colors: ["#1d1d1d", "#e63946"],
    synopsis: "A night conductor notices the same passenger boarding every stop of her final shift, and that the city outside the windows is emptying." },
  { slug: "salt-and-honey", title: "Salt & Honey", runtimeMinutes: 112, rating: "PG-13", genres: ["Romance", "Comedy"], colors: ["#f4a261", "#264653"],
    synopsis: "Rival food-truck owners are forced to share one parking spot for a summer festival. Neither plans to leave it." },
  { slug: "kingdom-under-glass", title: "Kingdom Under Glass", runtimeMinutes: 131, rating: "PG", genres: ["Fantasy", "Adventure"], colors: ["#1b4332", "#95d5b2"],
    synopsis: "Shrunk to the size of a beetle, a botanist must cross her grandmother's greenhouse, a world with its own wars and kings." },
  { slug: "static-season", title: "Static Season", runtimeMinutes: 99, rating: "R", genres: ["Horror"], colors: ["#0b090a", "#b1a7a6"],
    synopsis: "A late-night radio host takes a call from a listener who describes, in detail, the studio she is sitting in." },
  { slug: "full-court", title: "Full Court", runtimeMinutes: 121, rating: "PG-13", genres: ["Sports", "Drama"], colors: ["#003049", "#fcbf49"],
    synopsis: "A washed-up coach gets one season to turn a hospital's wheelchair basketball team into state champions." },
];

/** Local wall-clock start times per screen; the movie rotates so every title plays every day. */
export const dailyStarts: Record<string, string[]> = {
  "Screen 1": ["11:30", "14:15", "17:00", "19:45", "22:15"],
  "Screen 2": ["12:00", "15:00", "18:15", "21:00"],
  "Grand (Large Format)": ["13:00", "16:30", "20:00"],
  "Studio A": ["11:00", "13:45", "16:30", "19:15", "21:45"],
  "Studio B": ["12:15", "15:15", "18:30", "21:30"],
  IMAX: ["12:30", "16:00", "19:30", "22:45"],
};

/**
 * The demo's tags on a show (ids of lib/catalog/show-tags.ts), from its screen, weekday (0 =
 * Sunday, local) and start time: IMAX in the IMAX screen, with audio description on its 7:30 pm
 * shows and weekend matinees; Atmos in the Grand; Spanish subtitles on Studio B's late show;
 * open captions, closed captions and relaxed screenings where cinemas usually put them.
 */
export function demoTags(screen: string, weekday: number, time: string): string[] {
  const weekend = weekday === 0 || weekday === 6;
  switch (screen) {
    case "IMAX":
      return time === "19:30" || (weekend && time === "12:30") ? ["imax", "audio-description"] : ["imax"];
    case "Grand (Large Format)":
      return ["dolby-atmos"];
    case "Studio B":
      return time === "21:30" ? ["subs:es"] : [];
    case "Studio A":
      if (weekday === 6 && time === "11:00") return ["relaxed"];
      return weekday === 3 && time === "16:30" ? ["open-captions"] : [];
    case "Screen 2":
      return weekday === 0 && time === "12:00" ? ["open-captions"] : [];
    case "Screen 1":
      if (weekday === 6 && time === "11:30") return ["relaxed"];
      return time === "19:45" ? ["closed-captions"] : [];
    default:
      return [];
  }
}

// What the demo cinema sells (issue 18): a fee per ticket, New York sales tax added on top,
// children not admitted to R-rated movies, four cards and a promo code. Prices per tier and type
// name; the seed maps names to the inserted ticket types.
export const demoPricing = {
  theater: { bookingFeePerTicket: 150, bookingFeePerOrder: 0, pricesIncludeFees: false, taxRateBp: 888, pricesIncludeTax: false, adultsOnlyRatings: ["R", "NC-17"] },
  cards: [
    {
      name: "Standard",
      isDefault: true,
      priority: 0,
      rules: {},
      prices: { standard: { Adult: 1400, Child: 1000, Senior: 1100, Student: 1200 }, premium: { Adult: 1850, Child: 1400, Senior: 1500, Student: 1600 } },
    },
    {
      name: "Large format",
      isDefault: false,
      priority: 10,
      rules: { formats: ["large-format"] },
      prices: { standard: { Adult: 1800, Child: 1400, Senior: 1500, Student: 1600 }, premium: { Adult: 2400, Child: 1900, Senior: 2000, Student: 2100 } },
    },
    {
      name: "Matinee (before 5 pm)",
      isDefault: false,
      priority: 0,
      rules: { dayPartUntilMinute: 17 * 60 },
      prices: { standard: { Adult: 1000, Child: 800, Senior: 800, Student: 900 }, premium: { Adult: 1400, Child: 1100, Senior: 1100, Student: 1200 } },
    },
    {
      name: "Discount Tuesday",
      isDefault: false,
      priority: 5,
      rules: { daysOfWeek: [2] },
      prices: { standard: { Adult: 900, Child: 700, Senior: 700, Student: 800 }, premium: { Adult: 1300, Child: 1000, Senior: 1000, Student: 1100 } },
    },
  ],
  promoCodes: [{ code: "MARQUEE10", kind: "percent" as const, amount: 10, appliesTo: "order" as const }],
};

// What Los Angeles sells: a dearer per-ticket fee, no tax (California does not tax admissions),
// the same adults-only rule; its own cards, IMAX dearest, no Discount Tuesday but a late-night card.
export const laPricing = {
  theater: { bookingFeePerTicket: 195, bookingFeePerOrder: 0, pricesIncludeFees: false, taxRateBp: 0, pricesIncludeTax: false, adultsOnlyRatings: ["R", "NC-17"] },
  cards: [
    {
      name: "Standard",
      isDefault: true,
      priority: 0,
      rules: {},
      prices: { standard: { Adult: 1450, Child: 1050, Senior: 1150, Student: 1250 }, premium: { Adult: 1900, Child: 1450, Senior: 1550, Student: 1650 } },
    },
    {
      name: "IMAX",
      isDefault: false,
      priority: 10,
      rules: { formats: ["imax"] },
      prices: { standard: { Adult: 2100, Child: 1600, Senior: 1700, Student: 1800 }, premium: { Adult: 2700, Child: 2100, Senior: 2200, Student: 2300 } },
    },
    {
      name: "Matinee (before 4 pm)",
      isDefault: false,
      priority: 0,
      rules: { dayPartUntilMinute: 16 * 60 },
      prices: { standard: { Adult: 1100, Child: 850, Senior: 850, Student: 950 }, premium: { Adult: 1450, Child: 1150, Senior: 1150, Student: 1250 } },
    },
    {
      name: "Late night (from 10 pm)",
      isDefault: false,
      priority: 0,
      rules: { dayPartFromMinute: 22 * 60 },
      prices: { standard: { Adult: 1200, Child: 900, Senior: 900, Student: 1000 }, premium: { Adult: 1600, Child: 1200, Senior: 1200, Student: 1300 } },
    },
  ],
  promoCodes: [{ code: "MARQUEE10", kind: "percent" as const, amount: 10, appliesTo: "order" as const }],
};

/**
 * The demo's staff accounts (sign in with the magic link, /dev/outbox): the chain admin runs
 * every theater; each site manager runs one (theater_managers). admin@marquee.test is also what
 * the e2e suite lists in ADMIN_EMAILS.
 */
export const staffAccounts = [
  { email: "admin@marquee.test", name: "Ada Chain (chain admin)", role: "admin" as const, manages: [] as string[] },
  { email: "manager.ny@marquee.test", name: "Nia York (New York manager)", role: "manager" as const, manages: [theater.slug] },
  { email: "manager.la@marquee.test", name: "Luis Ángeles (Los Angeles manager)", role: "manager" as const, manages: [laTheater.slug] },
];
