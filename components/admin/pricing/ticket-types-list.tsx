"use client";
import { TicketTypeRow, type TicketTypeView } from "./ticket-type-row";
import type { AdminAction } from "./use-admin-action";

/** The theater's ticket types in the order customers see them. */
export function TicketTypesList({ types, update, move, retire }: { types: TicketTypeView[]; update: AdminAction<unknown>; move: AdminAction<unknown>; retire: AdminAction<unknown> }) {
  if (types.length === 0) return <p className="rounded-lg border border-line bg-panel p-4">No ticket types yet: add Adult first.</p>;
  return (
    <ol className="space-y-3">
      {types.map((type, i) => (
        <TicketTypeRow key={type.id} type={type} first={i === 0} last={i === types.length - 1} update={update} move={move} retire={retire} />
      ))}
    </ol>
  );
}
