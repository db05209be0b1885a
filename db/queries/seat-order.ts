import { asc, sql } from "drizzle-orm";
import { orderSeats } from "../schema";

/**
 * Booked seats in the order a customer reads them: row by row (A…Z, then AA… — a shorter label
 * first, as the seat map orders rows), then by seat number. Plain text order would put "AA"
 * before "B" in a house with more than 26 rows.
 */
export const inSeatOrder = () => [sql`length(${orderSeats.rowLabel})`, asc(orderSeats.rowLabel), asc(orderSeats.seatNumber)];
