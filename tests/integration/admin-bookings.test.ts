import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, movies, orders } from "@/db/schema";
import { emailsOfOrder, searchBookings, ticketsOfOrder } from "@/db/queries/admin-bookings";
import { holdSeats } from "@/lib/booking/holds";
import { seatSnapshot } from "@/lib/booking/seat-snapshot";
import { startCheckout } from "@/lib/booking/start-checkout";
import type { AdminActor } from "@/lib/auth/session-user";
import { exportOrdersCsv } from "@/lib/admin/export-orders";
import { formatBookingReference } from "@/lib/booking-reference";
import { cancelPendingOrder, refundBooking } from "@/lib/booking/refund-booking";
import { createMovie, setMovieArchived, updateMovie } from "@/lib/catalog/save-movie";
import { uploadPoster } from "@/lib/catalog/upload-poster";
import { GET as getPoster } from "@/app/api/posters/[file]/route";
import { bookingWorld } from "../support/booking-fixture";
import { refusal } from "../support/refusal";

let world: Awaited<ReturnType<typeof bookingWorld>>;
let admin: AdminActor;

beforeAll(async () => {
  world = await bookingWorld();
  admin = await world.admin("box-office@example.com");
});
afterAll(async () => {
  await world?.close();
});

describe("bookings", () => {
  it("finds orders by email fragment, full order id and show", async () => {
    const { show, seat } = await world.aShow();
    const { orderId, email } = await world.buy(show.id, [seat("B", 1).id]);
    const byEmail = await searchBookings(world.db, { q: email.slice(0, 10).toUpperCase(), page: 1 });
    expect(byEmail.rows.map((r) => r.order.id)).toContain(orderId);
    const byId = await searchBookings(world.db, { q: orderId, page: 1 });
    expect(byId.rows.map((r) => r.order.id)).toEqual([orderId]);
    expect(byId.rows[0].seatCount).toBe(1);
    // The booking reference finds it, printed or typed in lower case without the dash; so does
    // the id's first 8 characters, the reference admin pages printed before.
    const reference = byId.rows[0].order.reference;
    expect(reference).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    for (const q of [formatBookingReference(reference), reference.toLowerCase(), orderId.slice(0, 8).toUpperCase()]) {
      expect((await searchBookings(world.db, { q, page: 1 })).rows.map((r) => r.order.id), q).toEqual([orderId]);
    }
    const byShow = await searchBookings(world.db, { showId: show.id, status: "paid", page: 1 });
    expect(byShow.rows.every((r) => r.show.id === show.id && r.order.status === "paid")).toBe(true);
    // A LIKE wildcard typed in the box is a literal character.
    expect((await searchBookings(world.db, { q: "%", page: 1 })).rows).toEqual([]);
  });

  it("an admin refund voids the tickets, puts the seats back on sale, emails the customer and is audited", async () => {
    const { show, seat } = await world.aShow();
    const { orderId } = await world.buy(show.id, [seat("C", 1).id, seat("C", 2).id]);
    expect((await seatSnapshot(world.db, show.id, null)).states[seat("C", 1).id]).toBe("sold");

    expect(await refundBooking(admin, { orderId })).toEqual({ result: "refunded" });
    expect(await refundBooking(admin, { orderId })).toEqual({ result: "already_refunded" });

    const [order] = await world.db.select().from(orders).where(eq(orders.id, orderId));
    expect(order).toMatchObject({ status: "refunded", refundReason: "admin" });
    expect((await seatSnapshot(world.db, show.id, null)).states[seat("C", 1).id]).toBeUndefined();
    expect((await ticketsOfOrder(world.db, orderId)).every((t) => t.ticket.status === "voided")).toBe(true);
    const keys = (await emailsOfOrder(world.db, orderId)).map((e) => e.dedupeKey);
    expect(keys).toEqual(expect.arrayContaining([`booking-confirmed:${orderId}`, `booking-refunded:${orderId}`]));
    const audits = await world.db.select().from(auditLog).where(eq(auditLog.targetId, orderId));
    expect(audits.map((a) => a.action)).toEqual(["order.refund", "order.refund"]);
  });

  it("cancels an unpaid checkout (expiring its payment session) and refuses to refund it", async () => {
    const { show, seat } = await world.aShow();
    const customer = await world.customer("ditherer");
    await holdSeats(world.db, { showId: show.id, seatIds: [seat("D", 1).id] }, customer.holder);
    const { orderId } = await startCheckout(world.db, show.id, customer, "http://localhost:3999");
    expect((await refusal(refundBooking(admin, { orderId }))).code).toBe("conflict");
    expect(await cancelPendingOrder(admin, { orderId })).toEqual({ result: "cancelled" });
    const [order] = await world.db.select().from(orders).where(eq(orders.id, orderId));
    expect(order.status).toBe("cancelled");
    expect(world.stripe.sessions.get(order.stripeSessionId!)?.status).toBe("expired");
    expect((await refusal(cancelPendingOrder(admin, { orderId }))).code).toBe("conflict");
  });

  it("exports orders as CSV, one line per order, audited", async () => {
    const { show, seat } = await world.aShow();
    const { orderId, email } = await world.buy(show.id, [seat("E", 1).id, seat("E", 2).id]);
    const { stream, filename } = await exportOrdersCsv(admin, {});
    expect(filename).toMatch(/^marquee-orders-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await new Response(stream).text();
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe("order_id,status,refund_reason,channel,payment_method,sold_by,email,created_at,paid_at,refunded_at,theater,movie,show_starts_local,screen,seats,tickets,total,currency,ticket_types,net,tax,booking_fees,discount,promo_code");
    const line = lines.find((l) => l.startsWith(orderId))!;
    expect(line).toContain(`,paid,,online,online,,${email},`);
    // Gross, then its parts from the order's lines: here two Adult seats with no fee, tax or code.
    expect(line).toMatch(/,E1 E2,2,25\.00,USD,2 Adult,25\.00,0\.00,0\.00,0\.00,$/);
    expect(new Set(lines.map((l) => l.split(",")[0])).size).toBe(lines.length);
    const [audit] = await world.db.select().from(auditLog).where(eq(auditLog.action, "orders.export"));
    expect(audit.actorEmail).toBe(admin.email);
  });
});

describe("movies and posters", () => {
  const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

  it("creates, edits and archives a movie; an archived movie leaves the customer pages", async () => {
    const created = await createMovie(admin, { title: "Night Owls", slug: "", synopsis: "", runtimeMinutes: 99, rating: "PG", genres: ["Drama"] });
    expect(created.slug).toBe("night-owls");
    const dup = await refusal(createMovie(admin, { title: "Night Owls", slug: "", synopsis: "", runtimeMinutes: 99, rating: "PG", genres: [] }));
    expect(dup.details?.fieldErrors).toEqual({ slug: ["Another movie already uses this web address."] });
    await updateMovie(admin, { id: created.id, title: "Night Owls (Director's Cut)", slug: "night-owls", synopsis: "Longer.", runtimeMinutes: 120, rating: "R", genres: [] });
    await setMovieArchived(admin, { id: created.id, archived: true });
    const [movie] = await world.db.select().from(movies).where(eq(movies.id, created.id));
    expect(movie).toMatchObject({ title: "Night Owls (Director's Cut)", runtimeMinutes: 120, status: "archived" });
    const actions = (await world.db.select().from(auditLog).where(eq(auditLog.targetId, created.id))).map((a) => a.action).sort();
    expect(actions).toEqual(["movie.archive", "movie.create", "movie.update"]);
  });

  it("stores a checked poster under DATA_DIR and serves it; refuses disguised and oversized files", async () => {
    const [movie] = await world.db.select().from(movies).limit(1);
    const { posterUrl } = await uploadPoster(admin, { movieId: movie.id, file: new File([PNG], "p.png", { type: "image/png" }) });
    expect(posterUrl).toMatch(/^\/api\/posters\/[0-9a-f-]{36}-[0-9a-f]{16}\.png$/);
    const name = posterUrl.split("/").pop()!;
    const served = await getPoster(new Request(`http://localhost${posterUrl}`), { params: Promise.resolve({ file: name }) });
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);
    expect((await getPoster(new Request("http://localhost/api/posters/x"), { params: Promise.resolve({ file: "../../etc/passwd" }) })).status).toBe(404);

    const svg = new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], "p.png", { type: "image/png" });
    expect((await refusal(uploadPoster(admin, { movieId: movie.id, file: svg }))).details?.fieldErrors).toEqual({ poster: ["Posters must be PNG, JPEG or WebP images."] });
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set(PNG);
    expect((await refusal(uploadPoster(admin, { movieId: movie.id, file: new File([big], "big.png", { type: "image/png" }) }))).details?.fieldErrors).toEqual({
      poster: ["The poster must be 2 MB or smaller."],
    });
    const [after] = await world.db.select().from(movies).where(eq(movies.id, movie.id));
    expect(after.posterUrl).toBe(posterUrl);
  });
});
