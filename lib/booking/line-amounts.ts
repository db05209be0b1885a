// The one sum over order lines (BRIEF contract, issue 21): whatever refunds or re-prices a subset
// of an order's seats (partial cancel, swap, box office) adds up `order_seats.amount` here and
// nowhere else. `amount` is the all-in amount the customer was charged for that line (price +
// per-ticket fee + tax − discount); an order-level fee is not a line and is never in this sum.

export type PricedLine = { seatId: string; amount: number };

/** The all-in amount of the given seats' lines; every seat must be a line of the order. */
export function lineAmounts(lines: readonly PricedLine[], seatIds?: readonly string[]): number {
  if (!seatIds) return lines.reduce((sum, l) => sum + l.amount, 0);
  const bySeat = new Map(lines.map((l) => [l.seatId, l.amount]));
  let sum = 0;
  for (const id of new Set(seatIds)) {
    const amount = bySeat.get(id);
    if (amount === undefined) throw new RangeError(`seat ${id} is not a line of this order`);
    sum += amount;
  }
  return sum;
}

/** What a swap costs: > 0 the customer pays the difference, < 0 it is refunded, 0 nothing moves. */
export function swapDifference(oldLines: readonly PricedLine[], newLines: readonly PricedLine[]): number {
  return lineAmounts(newLines) - lineAmounts(oldLines);
}
