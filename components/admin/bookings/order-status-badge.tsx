const LOOK = {
  pending: { text: "Awaiting payment", className: "border-amber-300/70 text-amber-100" },
  paid: { text: "Paid", className: "border-emerald-400/70 text-emerald-100" },
  expired: { text: "Expired", className: "border-line text-zinc-300" },
  cancelled: { text: "Cancelled", className: "border-line text-zinc-300" },
  refunded: { text: "Refunded", className: "border-sky-300/70 text-sky-100" },
} as const;

export type OrderStatus = keyof typeof LOOK;

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const look = LOOK[status];
  return <span className={`inline-block rounded-full border px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${look.className}`}>{look.text}</span>;
}
