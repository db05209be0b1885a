import type { z } from "zod";
import { HoldState, MovieList, ReleaseResult, SeatAvailability, SeatsRequest, ShowList, ShowParams, ShowsQuery, TheaterList } from "./schemas";

// Every operation of /api/v1 with the schemas it speaks. The OpenAPI document and the docs page
// are built from this list; a test checks that each route file under app/api/v1 is in it.

export type ApiOperation = {
  method: "get" | "post";
  /** OpenAPI path under /api/v1, e.g. /shows/{showId}/seats. */
  path: string;
  operationId: string;
  summary: string;
  description: string;
  tag: "Catalog" | "Seats" | "Meta";
  signedIn: boolean;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The 2xx answer. */
  response: { status: 200; schema: z.ZodType | null; description: string };
  /** Error statuses this operation can answer (the body is always #/components/schemas/Error). */
  errors: number[];
};

export const apiOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/theaters",
    operationId: "listTheaters",
    summary: "List theaters",
    description: "The chain's theaters by name, each with its address, time zone and the ID notice it shows before payment for rated movies. Filter shows by a theater with `GET /shows?theaterId=`.",
    tag: "Catalog",
    signedIn: false,
    response: { status: 200, schema: TheaterList, description: "The theaters." },
    errors: [429],
  },
  {
    method: "get",
    path: "/movies",
    operationId: "listMovies",
    summary: "List movies",
    description: "Movies now in the catalog, by title.",
    tag: "Catalog",
    signedIn: false,
    response: { status: 200, schema: MovieList, description: "The movies." },
    errors: [429],
  },
  {
    method: "get",
    path: "/shows",
    operationId: "listShows",
    summary: "List upcoming shows",
    description:
      "Scheduled shows that have not started, in start order, at every theater or one (`theaterId`). Filter by movie, by a calendar date (each show's own theater's time zone) and by tags (a show matches when it has every tag asked for). Each show names its theater and tags; its local date and time are in its theater's zone.",
    tag: "Catalog",
    signedIn: false,
    query: ShowsQuery,
    response: { status: 200, schema: ShowList, description: "The shows, each with its theater and tags." },
    errors: [400, 404, 429],
  },
  {
    method: "get",
    path: "/shows/{showId}/seats",
    operationId: "getSeatAvailability",
    summary: "Seat availability of a show",
    description: "Every seat of the show with its price and state: sold, held by someone, held by you (`mine`, by your holder cookie) or available. The same state the seat map shows.",
    tag: "Seats",
    signedIn: false,
    params: ShowParams,
    response: { status: 200, schema: SeatAvailability, description: "The seats." },
    errors: [400, 404, 429],
  },
  {
    method: "post",
    path: "/shows/{showId}/hold",
    operationId: "holdSeats",
    summary: "Hold seats",
    description:
      "Adds seats to your hold for this show, all or nothing; all your seats then share one fresh hold window. Sets the `mq_holder` cookie on the first hold: send it back with later calls. Same limits as the seat map (per-order seat limit, hold rate limit).",
    tag: "Seats",
    signedIn: true,
    params: ShowParams,
    body: SeatsRequest,
    response: { status: 200, schema: HoldState, description: "Everything you hold for this show now." },
    errors: [400, 401, 404, 409, 410, 413, 415, 429],
  },
  {
    method: "post",
    path: "/shows/{showId}/release",
    operationId: "releaseSeats",
    summary: "Release held seats",
    description: "Lets go of seats you hold. Seats held by someone else are never touched; `released` lists what was actually let go.",
    tag: "Seats",
    signedIn: true,
    params: ShowParams,
    body: SeatsRequest,
    response: { status: 200, schema: ReleaseResult, description: "What was released and what you still hold." },
    errors: [400, 401, 404, 413, 415, 429],
  },
  {
    method: "get",
    path: "/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This document",
    description: "The OpenAPI 3.1 description of this API, generated from the schemas the handlers use.",
    tag: "Meta",
    signedIn: false,
    response: { status: 200, schema: null, description: "An OpenAPI 3.1 document." },
    errors: [],
  },
];

export const errorDescriptions: Record<number, string> = {
  400: "Invalid request: `invalid_request`, with `fields`.",
  401: "Not signed in: `unauthenticated`.",
  404: "No such show or theater: `not_found`.",
  409: "A seat is sold or held by someone else (`seat_unavailable`, `details.taken`), or the show is cancelled (`show_closed`).",
  410: "The show has started: `show_closed`.",
  413: "The body is larger than 16 KB: `payload_too_large`.",
  415: "The body is not sent as `application/json`: `unsupported_media_type`.",
  429: "Too many requests: `rate_limited`; wait `Retry-After` seconds.",
};

