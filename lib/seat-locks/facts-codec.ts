import type { ClaimResult, ShowFacts } from "./types";

// How show facts are written into (and read back from) the Redis hash the claim script reads,
// and how the script's answer reads as a ClaimResult. See scripts.ts for the layout.

const SEAT = "s:";

export function factsToFields(facts: ShowFacts): string[] {
  const fields = ["cancelled", facts.cancelled ? "1" : "0", "startsAt", String(facts.startsAt)];
  fields.push("wrFrom", facts.waitingRoom ? String(facts.waitingRoom.from) : "", "wrRate", facts.waitingRoom ? String(facts.waitingRoom.perMinute) : "");
  // The seat's place in the list (the layout's order) comes last: a hold answers seats in that order.
  facts.seats.forEach((s, position) => {
    if (s.tier.includes("\t") || s.label.includes("\t")) throw new Error("a seat's tier or label cannot contain a tab");
    fields.push(SEAT + s.id, `${s.onSale ? 1 : 0}\t${s.tier}\t${s.label}\t${position}`);
  });
  return fields;
}

export function factsFromFields(fields: string[], sold: string[]): ShowFacts {
  const facts: ShowFacts = { cancelled: false, startsAt: 0, seats: [], sold: [...sold].sort(), waitingRoom: null };
  const values = new Map<string, string>();
  for (let i = 0; i < fields.length; i += 2) values.set(fields[i], fields[i + 1]);
  facts.cancelled = values.get("cancelled") === "1";
  facts.startsAt = Number(values.get("startsAt"));
  const from = values.get("wrFrom");
  if (from) facts.waitingRoom = { from: Number(from), perMinute: Number(values.get("wrRate")) };
  const positioned: { position: number; seat: ShowFacts["seats"][number] }[] = [];
  for (const [field, value] of values) {
    if (!field.startsWith(SEAT)) continue;
    const [onSale, tier, label, position] = value.split("\t");
    positioned.push({ position: Number(position), seat: { id: field.slice(SEAT.length), tier, label, onSale: onSale === "1" } });
  }
  facts.seats = positioned.sort((a, b) => a.position - b.position).map((p) => p.seat);
  return facts;
}

const strings = (reply: unknown[]): string[] => reply.map((v) => String(v));

/** The claim script's answer; expiresAt is the caller's clock read before the call plus the TTL. */
export function claimResultOf(reply: unknown, expiresAt: number): ClaimResult {
  if (!Array.isArray(reply) || typeof reply[0] !== "string") throw new Error(`unexpected claim script reply: ${JSON.stringify(reply)}`);
  const [code, ...rest] = reply as [string, ...unknown[]];
  const labelled = () => {
    const out: { id: string; label: string }[] = [];
    for (let i = 0; i < rest.length; i += 2) out.push({ id: String(rest[i]), label: String(rest[i + 1]) });
    return out;
  };
  switch (code) {
    case "ok":
      return { ok: true, mine: strings(rest), expiresAt };
    case "no_facts":
    case "cancelled":
    case "started":
    case "not_admitted":
    case "too_many":
      return { ok: false, reason: code };
    case "rate_limited":
      return { ok: false, reason: code, retryAfterSeconds: Math.max(1, Math.ceil(Number(rest[0]) / 1000)) };
    case "unknown":
      return { ok: false, reason: code, seats: strings(rest) };
    case "not_on_sale":
      return { ok: false, reason: code, tier: String(rest[0]) };
    case "sold":
    case "taken":
      return { ok: false, reason: code, seats: labelled() };
    default:
      throw new Error(`unexpected claim script reply: ${JSON.stringify(reply)}`);
  }
}
