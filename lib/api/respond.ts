import "server-only";
import type { z } from "zod";
import { AppError, badInput, errorStatus, errorTable, fieldErrorsOf, retryAfterHeader, toFailure, type ApiErrorCode } from "@/lib/errors";
import type { ApiErrorBody } from "./schemas";

// The v1 API's one error shape ({"error":{"code","message","fields?","details?"}}). Handlers
// throw AppErrors like everything else; the status and the documented code come from the one
// error table in lib/errors.ts.

/** The documented code: the table's, except a conflict naming taken seats is seat_unavailable. */
function apiCodeOf(err: AppError): ApiErrorCode {
  if (err.code === "conflict" && Array.isArray(err.details?.taken)) return "seat_unavailable";
  return errorTable[err.code].api;
}

/** defineRoute's `errors` for /api/v1 routes. */
export function apiErrorResponse(err: unknown): Response {
  const failure = toFailure(err);
  const code = err instanceof AppError ? apiCodeOf(err) : "internal";
  // The booking code's bad_inputs name seat problems without naming a field: they are about seatIds.
  const fields = failure.code === "bad_input" ? (failure.fieldErrors ?? { seatIds: [failure.message] }) : undefined;
  const body: ApiErrorBody = { error: { code, message: failure.message, ...(fields ? { fields } : {}), ...(failure.details ? { details: failure.details } : {}) } };
  return Response.json(body, { status: errorStatus[failure.code], headers: { "cache-control": "no-store", ...retryAfterHeader(err) } });
}

/** A 2xx JSON answer whose body is checked against its schema first: the docs never lie. */
export function apiJson<S extends z.ZodType>(schema: S, body: z.input<S>, init: { status?: number } = {}): Response {
  return Response.json(schema.parse(body), { status: init.status ?? 200, headers: { "cache-control": "no-store" } });
}

/** Parses path params, a query string or a JSON body with its schema, or throws a 400 naming the fields. */
export function parseWith<S extends z.ZodType>(schema: S, raw: unknown, message = "Please check the fields of your request."): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw badInput(fieldErrorsOf(parsed.error, "body"), message);
  return parsed.data;
}

// Request bodies of this API are a few seat ids; anything near this is not one of ours.
export const MAX_JSON_BODY_BYTES = 16 * 1024;

/**
 * The request's JSON body: 415 unless it says it is JSON, 413 past MAX_JSON_BODY_BYTES (declared
 * or streamed: a chunked body has no Content-Length), 400 when it does not parse.
 */
export async function jsonBody(req: Request): Promise<unknown> {
  const type = req.headers.get("content-type")?.split(";")[0].trim().toLowerCase() ?? "";
  if (type !== "application/json" && !/^application\/[\w.+-]+\+json$/.test(type)) {
    throw new AppError("unsupported_media_type", "Send the body as JSON, with Content-Type: application/json.");
  }
  const text = await boundedText(req, MAX_JSON_BODY_BYTES);
  try {
    return JSON.parse(text);
  } catch {
    throw badInput({ body: ["The body is not valid JSON."] }, "Send a JSON body.");
  }
}

async function boundedText(req: Request, maxBytes: number): Promise<string> {
  const tooLarge = () => new AppError("payload_too_large", `The request body must be at most ${maxBytes / 1024} KB.`);
  if (Number(req.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
