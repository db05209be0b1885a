// How long any Redis call may take before the customer is told seat selection is paused. A hold
// makes at most two Redis round trips in a row (its rate limit, then the hold), so a dead or
// unreachable server is answered well within a second.
export const REDIS_CONNECT_TIMEOUT_MS = 400;
export const REDIS_COMMAND_TIMEOUT_MS = 400;
/** Reconnect attempts back off to this, so service resumes within about a second of Redis returning. */
export const REDIS_MAX_RECONNECT_DELAY_MS = 1_000;
