import { getDb } from "@/db/client";
import { ticketTypesOfTheater } from "@/db/queries/pricing";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { adminTheaters } from "@/lib/admin/current-theater";
import { AddTicketTypeForm } from "@/components/admin/pricing/add-ticket-type-form";
import { PricingTabs } from "@/components/admin/pricing/pricing-tabs";
import { TicketTypesList } from "@/components/admin/pricing/ticket-types-list";
import { TitledSection } from "@/components/titled-section";
import { addTicketTypeAction, moveTicketTypeAction, retireTicketTypeAction, updateTicketTypeAction } from "../actions";

export const metadata = { title: "Ticket types" };

export default async function TicketTypesPage() {
  const actor = await requireAdminPage();
  const db = await getDb();
  const theater = (await adminTheaters(actor)).current;
  if (!theater) return <p>No theater is set up yet.</p>;
  const types = (await ticketTypesOfTheater(db, theater.id, { includeRetired: true })).map((t) => ({ id: t.id, name: t.name, note: t.note, minAge: t.minAge, child: t.child, retired: t.retiredAt !== null }));

  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <h1 className="text-2xl font-bold">Ticket types</h1>
        <PricingTabs current="/admin/pricing/ticket-types" />
        <p className="text-sm text-zinc-300">What {theater.name} sells a seat as. Customers see them in this order, with their notes; a retired type is no longer sold but stays on the orders that have it.</p>
      </div>
      <TicketTypesList types={types} update={updateTicketTypeAction} move={moveTicketTypeAction} retire={retireTicketTypeAction} />
      <TitledSection id="add-type-heading" title="Add a ticket type" panel>
        <AddTicketTypeForm theaterId={theater.id} add={addTicketTypeAction} />
      </TitledSection>
    </div>
  );
}
