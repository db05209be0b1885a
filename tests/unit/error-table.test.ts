import { describe, expect, it } from "vitest";
import { apiErrorResponse } from "@/lib/api/respond";
import { AppError, errorResponse, errorTable, messageForErrorParam, type ErrorCode } from "@/lib/errors";

// One table maps every error code to its HTTP status (actions, route handlers) and to the v1
// API's documented code; a code the table does not know never reaches a page's alert box.

describe("the error table", () => {
  it("answers every code with its status, in route handlers and in the v1 API", async () => {
    for (const code of Object.keys(errorTable) as ErrorCode[]) {
      const err = new AppError(code, `a ${code}`);
      expect(errorResponse(err).status, code).toBe(errorTable[code].status);
      const api = apiErrorResponse(err);
      expect(api.status, code).toBe(errorTable[code].status);
      expect(((await api.json()) as { error: { code: string } }).error.code, code).toBe(errorTable[code].api);
    }
  });

  it("answers forbidden with 403 in the v1 API (it used to be a 500)", async () => {
    const res = apiErrorResponse(new AppError("forbidden", "Only theater admins can do that."));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: "forbidden", message: "Only theater admins can do that." } });
  });

  it("tells a taken seat from a closed show, and never leaks an unexpected error", async () => {
    expect(await apiErrorResponse(new AppError("conflict", "Taken.", { taken: ["s1"] })).json()).toMatchObject({ error: { code: "seat_unavailable", details: { taken: ["s1"] } } });
    expect(await apiErrorResponse(new AppError("conflict", "Cancelled.")).json()).toMatchObject({ error: { code: "show_closed" } });
    const res = apiErrorResponse(new Error("password=hunter2"));
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain("hunter2");
    expect(errorResponse(new AppError("rate_limited", "Wait.", { retryAfterSeconds: 42 })).headers.get("retry-after")).toBe("42");
  });

  it("shows a page's words for a known ?error= code, and nothing for anything else", () => {
    const words = { gone: "Your seats are no longer held." };
    expect(messageForErrorParam("gone", words)).toBe("Your seats are no longer held.");
    expect(messageForErrorParam(["gone", "x"], words)).toBe("Your seats are no longer held.");
    for (const param of ["conflict", "Your card was charged twice, call 555-0100", "constructor", "__proto__", "toString", "", undefined]) {
      expect(messageForErrorParam(param, words), String(param)).toBeNull();
    }
  });
});
