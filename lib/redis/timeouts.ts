// How long a Redis call may take before the customer is told seat selection is paused. A hold
// makes at most two Redis calls in a row (its rate limit, then the seat locks), so even a Redis
// that accepts connections but never answers is reported well within a second.
export const REDIS_CONNECT_TIMEOUT_MS = 300;
export const REDIS_COMMAND_TIMEOUT_MS = 300;
/** Upstash is reached over HTTPS, often from another region: a little more room per request. */
export const UPSTASH_REQUEST_TIMEOUT_MS = 450;
/** Reconnect attempts back off to this, so service resumes within about a second of Redis returning. */
export const REDIS_MAX_RECONNECT_DELAY_MS = 1_000;
