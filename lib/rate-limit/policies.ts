import type { LimitOptions } from "./types";

const MINUTE = 60_000;

// Numbers a cinema's customers never reach by hand; scripts do. Each is per key named in its
// comment. A seat hold lasts 10 minutes, so a per-show seat budget over 10 minutes bounds how
// much of one house a single address (or account) can have on hold at any moment.
export const policies = {
  /** Hold requests per client (signed-in user, else holder cookie on an address). */
  hold: { limit: 30, windowMs: MINUTE },
  /** Hold requests per IP address: several customers may share one (home, office, mobile NAT). */
  holdPerIp: { limit: 120, windowMs: MINUTE },
  /** Seats asked for per IP address per show (cost = seats in the request). */
  holdSeatsPerIpPerShow: { limit: 40, windowMs: 10 * MINUTE },
  /** Seats asked for per signed-in account per show, from whatever addresses. */
  holdSeatsPerAccountPerShow: { limit: 40, windowMs: 10 * MINUTE },
  /** Checkout starts per signed-in customer. */
  checkout: { limit: 10, windowMs: MINUTE },
  /** Sign-in links requested per IP address, and per email address. */
  signInPerIp: { limit: 5, windowMs: 10 * MINUTE },
  signInPerEmail: { limit: 5, windowMs: 10 * MINUTE },
  /** Ticket scans per staff member. */
  checkIn: { limit: 120, windowMs: MINUTE },
  /** JSON API requests per client. */
  api: { limit: 60, windowMs: MINUTE },
} satisfies Record<string, LimitOptions>;

export type PolicyName = keyof typeof policies;
