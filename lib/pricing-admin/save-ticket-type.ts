import "server-only";
import { getDb } from "@/db/client";
import { ticketTypesOfTheater } from "@/db/queries/pricing";
import { insertTicketType, liveTicketTypeNamed, lockTheater, ticketTypeById, updateTicketType } from "@/db/queries/pricing-admin";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AdminActor } from "@/lib/auth/session-user";
import { AppError, fieldError } from "@/lib/errors";
import type { AddTicketTypeInput, MoveTicketTypeInput, RetireTicketTypeInput, UpdateTicketTypeInput } from "./ticket-type-input";

const target = (id: string) => ({ type: "ticket_type", id });

/** What the audit log says about a type: "Child (under 12, from age 3; child ticket)". */
function inWords(t: { name: string; note: string; minAge?: number | null; child: boolean }): string {
  const extras = [t.note, t.minAge ? `from age ${t.minAge}` : "", t.child ? "child ticket" : ""].filter(Boolean);
  return extras.length ? `${t.name} (${extras.join("; ")})` : t.name;
}

/** Adds a ticket type at the end of the theater's list; a live type of the same name is refused. */
export async function addTicketType(actor: AdminActor, input: AddTicketTypeInput) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (!(await lockTheater(tx, input.theaterId))) throw fieldError("theaterId", "That theater does not exist.");
    if (await liveTicketTypeNamed(tx, input.theaterId, input.name)) throw fieldError("name", `There is already a ticket type called ${input.name}.`);
    const existing = await ticketTypesOfTheater(tx, input.theaterId, { includeRetired: true });
    const sortOrder = Math.max(-1, ...existing.map((t) => t.sortOrder)) + 1;
    const row = await insertTicketType(tx, { theaterId: input.theaterId, name: input.name, note: input.note, minAge: input.minAge ?? null, child: input.child, sortOrder });
    await recordAudit(tx, actor, "ticket-type.add", target(row.id), { summary: `Added ticket type ${inWords(row)}` });
    return { id: row.id };
  });
}

async function typeForChange(tx: Parameters<typeof lockTheater>[0], id: string) {
  const type = await ticketTypeById(tx, id);
  if (!type) throw new AppError("not_found", "That ticket type does not exist.");
  await lockTheater(tx, type.theaterId);
  return type;
}

export async function updateTicketTypeFields(actor: AdminActor, input: UpdateTicketTypeInput) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await typeForChange(tx, input.id);
    if (!before.retiredAt && (await liveTicketTypeNamed(tx, before.theaterId, input.name, before.id))) throw fieldError("name", `There is already a ticket type called ${input.name}.`);
    const after = { name: input.name, note: input.note, minAge: input.minAge ?? null, child: input.child };
    await updateTicketType(tx, before.id, after);
    await recordAudit(tx, actor, "ticket-type.update", target(before.id), { summary: `Changed ticket type ${inWords(before)} to ${inWords(after)}` });
    return { id: before.id };
  });
}

/** Swaps the type with its neighbour; the list is renumbered 0…n-1 so gaps and ties go away. */
export async function moveTicketType(actor: AdminActor, input: MoveTicketTypeInput) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const type = await typeForChange(tx, input.id);
    const list = await ticketTypesOfTheater(tx, type.theaterId, { includeRetired: true });
    const at = list.findIndex((t) => t.id === type.id);
    const to = input.direction === "up" ? at - 1 : at + 1;
    if (to < 0 || to >= list.length) throw new AppError("bad_input", `${type.name} is already ${input.direction === "up" ? "first" : "last"}.`);
    [list[at], list[to]] = [list[to], list[at]];
    for (const [i, t] of list.entries()) if (t.sortOrder !== i) await updateTicketType(tx, t.id, { sortOrder: i });
    await recordAudit(tx, actor, "ticket-type.move", target(type.id), { summary: `Moved ${type.name} ${input.direction}: ${list.map((t) => t.name).join(", ")}` });
    return { order: list.map((t) => t.id) };
  });
}

/** A retired type is no longer sold (cards and codes skip it); sold lines keep their type. */
export async function setTicketTypeRetired(actor: AdminActor, input: RetireTicketTypeInput, now = new Date()) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const type = await typeForChange(tx, input.id);
    if (!input.retired && type.retiredAt && (await liveTicketTypeNamed(tx, type.theaterId, type.name))) throw new AppError("bad_input", `Another live ticket type is called ${type.name}: rename one of them first.`);
    await updateTicketType(tx, type.id, { retiredAt: input.retired ? (type.retiredAt ?? now) : null });
    await recordAudit(tx, actor, input.retired ? "ticket-type.retire" : "ticket-type.restore", target(type.id), { summary: `${input.retired ? "Retired" : "Sells again"}: ${type.name}` });
    return { id: type.id, retired: input.retired };
  });
}
