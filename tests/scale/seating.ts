// Which seats the simulated customers go for. Checkout enforces the cinema's orphan-seat rule
// (a selection must not leave one seat empty on its own when it could avoid it), and a script
// cannot look at the map the way a person does. So each block of seats is cut into fixed
// "chunks" of two or three neighbours and every customer takes one whole chunk: whatever
// combination of chunks ends up taken, each empty run is at least two seats long, no selection
// strands a seat, and every checkout refusal the test sees is a real conflict, not a rule.
// A party of one cannot be placed that way (it always can strand a neighbour), so parties are
// two or three people.
import type { Sql } from "postgres";

export type Chunk = { id: number; seatIds: string[]; label: string };
export type Show = { showId: string; startsAt: Date; chunks: Chunk[]; seats: number };

type SeatRow = { id: string; row_label: string; number: number; x: number; kind: string };

/** Cuts a block of `length` seats into runs of 2 and 3. */
function partition(length: number, random: () => number): number[] {
  const sizes: number[] = [];
  let rest = length;
  while (rest > 0) {
    const size = rest <= 3 ? rest : rest === 4 ? 2 : random() < 0.5 ? 2 : 3;
    sizes.push(size);
    rest -= size;
  }
  return sizes;
}

/**
 * The `rows` front-most rows (after any row with wheelchair or companion spaces, which are sold
 * to particular customers) of a show on the named screen, cut into chunks. The chosen show is
 * the `nth` latest of the seeded week, so it cannot start while the test runs.
 */
export async function contendedShow(sql: Sql, opts: { screen: string; nth: number; rows: number; random: () => number }): Promise<Show> {
  const [show] = await sql<{ id: string; screen_id: string; starts_at: Date }[]>`
    select s.id, s.screen_id, s.starts_at from shows s join screens sc on sc.id = s.screen_id
    where sc.name = ${opts.screen} and s.status = 'scheduled' and s.starts_at > now() + interval '1 day'
    order by s.starts_at desc offset ${opts.nth} limit 1`;
  if (!show) throw new Error(`no show on ${opts.screen} far enough ahead`);
  const seats = await sql<SeatRow[]>`
    select id, row_label, number, x, kind::text as kind from seats where screen_id = ${show.screen_id} and active order by y, x`;
  const byRow = new Map<string, SeatRow[]>();
  for (const s of seats) byRow.set(s.row_label, [...(byRow.get(s.row_label) ?? []), s]);
  const rows = [...byRow.values()].filter((r) => r.every((s) => s.kind === "standard" || s.kind === "premium")).slice(0, opts.rows);

  const chunks: Chunk[] = [];
  for (const row of rows) {
    // Blocks are runs whose x positions step by one; an aisle is a gap.
    const blocks: SeatRow[][] = [];
    for (const seat of row) {
      const block = blocks[blocks.length - 1];
      if (block && Math.abs(seat.x - block[block.length - 1].x - 1) < 1e-6) block.push(seat);
      else blocks.push([seat]);
    }
    for (const block of blocks) {
      if (block.length < 2) continue;
      let at = 0;
      for (const size of partition(block.length, opts.random)) {
        const part = block.slice(at, at + size);
        at += size;
        chunks.push({ id: chunks.length, seatIds: part.map((s) => s.id), label: `${part[0].row_label}${part[0].number}-${part[part.length - 1].number}` });
      }
    }
  }
  return { showId: show.id, startsAt: show.starts_at, chunks, seats: chunks.reduce((n, c) => n + c.seatIds.length, 0) };
}
