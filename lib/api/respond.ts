import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { RateLimitedError } from "@/lib/rate-limit/enforce";
import type { ApiErrorBody, ApiErrorCode } from "./schemas";

// One place turns anything a v1 handler throws into the one error shape of the API
// ({"error":{"code","message","fields?","details?"}}) with its HTTP status.

const statusOf: Record<ApiErrorCode, number> = {
  invalid_request: 400,
  unauthenticated: 401,
  not_found: 404,
  seat_unavailable: 409,
  show_closed: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export class ApiFailure extends Error {
  constructor(
    public readonly code: ApiErrorCode,
    message: string,
    public readonly extra: { fields?: Record<string, string[]>; details?: Record<string, unknown>; status?: number } = {},
  ) {
    super(message);
    this.name = "ApiFailure";
  }
}

/** A zod failure as a 400 with the messages by field ("seatIds.0", "date", …). */
export function invalidRequest(error: z.ZodError, message = "Please check the fields of your request."): ApiFailure {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) (fields[issue.path.join(".") || "body"] ??= []).push(issue.message);
  return new ApiFailure("invalid_request", message, { fields });
}

function fromAppError(err: AppError): ApiFailure {
  const details = err.details;
  switch (err.code) {
    case "bad_input": {
      // The booking code names the seat problems in details (unknown ids, the per-order limit).
      return new ApiFailure("invalid_request", err.message, { fields: { seatIds: [err.message] }, details });
    }
    case "unauthenticated":
      return new ApiFailure("unauthenticated", err.message);
    case "not_found":
      return new ApiFailure("not_found", err.message);
    case "conflict":
      return Array.isArray(details?.taken) ? new ApiFailure("seat_unavailable", err.message, { details }) : new ApiFailure("show_closed", err.message, { details });
    case "gone":
      return new ApiFailure("show_closed", err.message, { details, status: 410 });
    case "rate_limited":
      return new ApiFailure("rate_limited", err.message, { details });
    case "unavailable":
      return new ApiFailure("unavailable", err.message);
    default:
      return new ApiFailure("internal", "Something went wrong on our side. Please try again.");
  }
}

export function apiErrorResponse(err: unknown): Response {
  const failure = err instanceof ApiFailure ? err : err instanceof AppError ? fromAppError(err) : null;
  if (!failure) log.error({ err }, "api v1 request failed");
  const f = failure ?? new ApiFailure("internal", "Something went wrong on our side. Please try again.");
  const body: ApiErrorBody = { error: { code: f.code, message: f.message, ...(f.extra.fields ? { fields: f.extra.fields } : {}), ...(f.extra.details ? { details: f.extra.details } : {}) } };
  const headers = new Headers({ "cache-control": "no-store" });
  if (err instanceof RateLimitedError) headers.set("retry-after", String(err.retryAfterSeconds));
  return Response.json(body, { status: f.extra.status ?? statusOf[f.code], headers });
}

/** A 2xx JSON answer whose body is checked against its schema first: the docs never lie. */
export function apiJson<S extends z.ZodType>(schema: S, body: z.input<S>, init: { status?: number } = {}): Response {
  return Response.json(schema.parse(body), { status: init.status ?? 200, headers: { "cache-control": "no-store" } });
}

/** Runs a handler and answers any failure in the API's error shape. */
export async function handleApi(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (err) {
    return apiErrorResponse(err);
  }
}

/** Parses path params, a query string or a JSON body with its schema, or throws a 400. */
export function parseWith<S extends z.ZodType>(schema: S, raw: unknown, message?: string): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalidRequest(parsed.error, message);
  return parsed.data;
}

export async function jsonBody(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new ApiFailure("invalid_request", "Send a JSON body.", { fields: { body: ["The body is not valid JSON."] } });
  }
}
