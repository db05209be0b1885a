import { z } from "zod";
import { API_ERROR_CODES } from "@/lib/errors";
import { SHOW_TAGS, TAG_GROUPS, WHEELCHAIR_FREE } from "@/lib/show-tags";

// The request and response bodies of /api/v1, defined once. Route handlers parse and build
// with these, and the OpenAPI document is generated from them (lib/api/openapi.ts), so the
// published contract cannot drift from the code. Pure: no I/O, safe for build time.

// Names and descriptions live in this module's own registry, not zod's global one: Next may
// evaluate this module once per bundle in one process, and the global registry refuses an id
// twice. A schema with an id becomes #/components/schemas/<id> in the OpenAPI document.
export const apiRegistry = z.registry<{ id?: string; description?: string }>();

const uuid = (what: string) => z.uuid({ message: `That is not a ${what} id.` });

export const ApiErrorCode = z
  .enum(API_ERROR_CODES)
  .register(apiRegistry, { id: "ErrorCode", description: "What went wrong, for programs; `message` says it for people." });

export const ApiError = z
  .object({
    error: z.object({
      code: ApiErrorCode,
      message: z.string(),
      fields: z.record(z.string(), z.array(z.string())).optional().register(apiRegistry, { description: "Field errors of a 400, by field name (e.g. `seatIds`)." }),
      details: z.record(z.string(), z.unknown()).optional().register(apiRegistry, { description: "Facts for programs, e.g. `taken` seat ids of a 409 or `retryAfterSeconds` of a 429." }),
    }),
  })
  .register(apiRegistry, { id: "Error", description: "Every error of this API has this shape." });

export const Money = z
  .object({ amount: z.int().nonnegative().register(apiRegistry, { description: "Minor units (cents)." }), currency: z.string().length(3) })
  .register(apiRegistry, { id: "Money" });

export const Movie = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    title: z.string(),
    synopsis: z.string(),
    runtimeMinutes: z.int().positive(),
    rating: z.string(),
    genres: z.array(z.string()),
    posterUrl: z.string().nullable().register(apiRegistry, { description: "A path on this site, or null." }),
  })
  .register(apiRegistry, { id: "Movie" });

export const MovieList = z.object({ movies: z.array(Movie) }).register(apiRegistry, { id: "MovieList" });

// The show-tag vocabulary (lib/show-tags.ts): what a show is tagged with, and what a
// search may ask for (the same ids plus the computed `wheelchair`).
const storedTagIds = SHOW_TAGS.map((t) => t.id) as [string, ...string[]];
const tagList = (ids: readonly string[]) => ids.map((id) => `\`${id}\``).join(", ");

export const ShowTagFilter = z
  .enum([...storedTagIds, WHEELCHAIR_FREE.id], { error: (issue) => `Unknown tag “${String(issue.input)}”: use one of ${tagList([...storedTagIds, WHEELCHAIR_FREE.id])}.` })
  .register(apiRegistry, { description: `A show tag, or \`${WHEELCHAIR_FREE.id}\` (a wheelchair space is still free).` });

export const ShowsQuery = z
  .object({
    theaterId: uuid("theater").optional().register(apiRegistry, { description: "Only this theater's shows (ids from `GET /theaters`)." }),
    movieId: uuid("movie").optional().register(apiRegistry, { description: "Only this movie's shows." }),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Use a date like 2026-11-21.", abort: true })
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "That is not a calendar date.")
      .optional()
      .register(apiRegistry, { description: "Only shows on this calendar date (YYYY-MM-DD), each in its own theater's time zone." }),
    tags: z
      .array(ShowTagFilter)
      .max(20, "Ask for at most 20 tags.")
      .optional()
      .register(apiRegistry, {
        description: `Only shows with every one of these tags, comma-separated (\`tags=imax,audio-description\`; repeating \`tags\` works too). \`${WHEELCHAIR_FREE.id}\`: a wheelchair space is still free.`,
      }),
  })
  .strict();

export const TheaterRef = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    timeZone: z.string().register(apiRegistry, { description: "IANA time zone: the show's local date and time are in it." }),
  })
  .register(apiRegistry, { id: "TheaterRef", description: "Where a show plays." });

export const ShowTag = z
  .object({
    id: z.enum(storedTagIds),
    group: z.enum(TAG_GROUPS.map((g) => g.group) as [string, ...string[]]),
    label: z.string().register(apiRegistry, { description: "What the site says, e.g. “Audio description”." }),
    short: z.string().register(apiRegistry, { description: "Where space is short, e.g. “AD”." }),
  })
  .register(apiRegistry, { id: "ShowTag", description: "A tag of the one vocabulary: format, language, subtitles or accessibility." });

export const Show = z
  .object({
    id: z.uuid(),
    movieId: z.uuid(),
    movieTitle: z.string(),
    theater: TheaterRef,
    screenName: z.string(),
    format: z.string().register(apiRegistry, { description: "The screen's format as the theater names it; `tags` are what to filter by." }),
    tags: z.array(ShowTag),
    wheelchairSpaceFree: z.boolean().register(apiRegistry, { description: "A wheelchair space is neither sold nor kept by the box office (it may be held for a few minutes)." }),
    startsAt: z.iso.datetime().register(apiRegistry, { description: "UTC instant." }),
    endsAt: z.iso.datetime(),
    localDate: z.string().register(apiRegistry, { description: "Calendar date in the show's theater's time zone." }),
    localTime: z.string().register(apiRegistry, { description: "Wall-clock start time (HH:MM, 24-hour) in the show's theater's time zone." }),
    prices: z.array(z.object({ tier: z.string(), price: Money })),
  })
  .register(apiRegistry, { id: "Show" });

export const ShowList = z
  .object({
    theater: TheaterRef.nullable().register(apiRegistry, { description: "The theater asked for with `theaterId`, or null: each show names its own." }),
    shows: z.array(Show),
  })
  .register(apiRegistry, { id: "ShowList" });

export const Theater = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    address: z.string(),
    timeZone: z.string().register(apiRegistry, { description: "IANA time zone its shows' local times are in." }),
    currency: z.string().length(3),
    idNotice: z.string().register(apiRegistry, { description: "What the theater tells customers before they pay for a rated movie (photo ID…); empty when nothing." }),
  })
  .register(apiRegistry, { id: "Theater" });

export const TheaterList = z.object({ theaters: z.array(Theater) }).register(apiRegistry, { id: "TheaterList" });

export const ShowParams = z.object({ showId: uuid("show").register(apiRegistry, { description: "The show's id (from `GET /shows`)." }) });

export const SeatState = z
  .enum(["available", "held", "sold", "mine"])
  .register(apiRegistry, { id: "SeatState", description: "`mine` is held by the caller (their holder cookie)." });

export const SeatAvailability = z
  .object({
    showId: z.uuid(),
    currency: z.string(),
    holdExpiresAt: z.iso.datetime().nullable().register(apiRegistry, { description: "When the caller's holds lapse, or null when they hold nothing." }),
    counts: z.object({ available: z.int(), held: z.int(), sold: z.int(), mine: z.int() }),
    seats: z.array(
      z.object({
        id: z.uuid(),
        row: z.string(),
        number: z.int(),
        kind: z.enum(["standard", "premium", "wheelchair", "companion"]),
        tier: z.string(),
        price: z.int().nonnegative().nullable().register(apiRegistry, { description: "Minor units of `currency`: the tier's price for its first ticket type (Adult), see `ticketPrices` for every type; null when the seat's tier is not on sale for this show." }),
        onSale: z.boolean().register(apiRegistry, { description: "False when the seat's tier has no price for this show: it cannot be held or bought." }),
        state: SeatState,
      }),
    ),
    ticketPrices: z
      .array(
        z.object({
          tier: z.string(),
          ticketTypeId: z.uuid(),
          ticketType: z.string(),
          note: z.string(),
          price: z.int().nonnegative(),
          fee: z.int().nonnegative().register(apiRegistry, { description: "Booking fee per ticket of this type." }),
        }),
      )
      .register(apiRegistry, { description: "Price per seat tier and ticket type (minor units), before tax and any promo code." }),
    orderFee: z.int().nonnegative().register(apiRegistry, { description: "Booking fee per order (minor units), before tax." }),
    tax: z.object({ rateBp: z.int().nonnegative(), included: z.boolean() }).register(apiRegistry, { description: "Tax rate in basis points; included = inside the prices (VAT), else added on top." }),
  })
  .register(apiRegistry, { id: "SeatAvailability" });

export const SeatsRequest = z
  .object({
    seatIds: z
      .array(uuid("seat"))
      .min(1, "Choose at least one seat.")
      .max(50, "Send at most 50 seats at once."),
  })
  .strict()
  .register(apiRegistry, { id: "SeatsRequest" });

export const HoldState = z
  .object({
    showId: z.uuid(),
    mine: z.array(z.uuid()).register(apiRegistry, { description: "Every seat of this show the caller holds now." }),
    expiresAt: z.iso.datetime().nullable().register(apiRegistry, { description: "When those holds lapse; one window for all of them." }),
  })
  .register(apiRegistry, { id: "HoldState" });

export const ReleaseResult = z
  .object({
    showId: z.uuid(),
    released: z.array(z.uuid()).register(apiRegistry, { description: "Requested seats the caller held and no longer holds. Seats held by others are never touched." }),
    mine: z.array(z.uuid()),
    expiresAt: z.iso.datetime().nullable(),
  })
  .register(apiRegistry, { id: "ReleaseResult" });

export type ApiErrorBody = z.infer<typeof ApiError>;
