// How long a Redis call may take before the customer is told seat selection is paused: the
// connect timeout, each command's timeout, and each Upstash request's deadline. After one call
// times out, calls fail at once for a moment (lib/redis/unavailable.ts), so a hold — its rate
// limit, then the seat locks — waits at most one of these, well within the second the issue
// allows, while a busy event loop (a PDF being drawn) is not mistaken for a dead Redis.
export const REDIS_TIMEOUT_MS = 500;
/** Reconnect attempts back off to this, so service resumes within about a second of Redis returning. */
export const REDIS_MAX_RECONNECT_DELAY_MS = 1_000;
