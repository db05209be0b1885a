"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { cinemaById, rememberCinemaOnAccount } from "@/db/queries/cinemas";
import { currentUser } from "@/lib/auth/current-user";
import { CINEMA_COOKIE, cinemaCookieOptions } from "@/lib/catalog/chosen-cinema";
import { AppError } from "@/lib/errors";
import { asFormAction, defineAction } from "@/lib/handlers/define-action";

const chooseCinemaInput = z.object({
  theaterId: z.string().min(1).max(64),
  // The movie page the switch was used on: the customer lands on the same movie at the new cinema.
  movie: z.string().regex(/^[a-z0-9-]{1,120}$/).optional(),
});

/**
 * The home page's question and the header's switch: remember the cinema (cookie, and the account
 * when signed in), then open its programme. Public: choosing a cinema needs no account.
 */
export const chooseCinema = defineAction(chooseCinemaInput, { name: "choose-cinema", auth: "public" }, async ({ theaterId, movie }) => {
  const db = await getDb();
  const cinema = await cinemaById(db, theaterId);
  if (!cinema) throw new AppError("not_found", "That cinema does not exist.");
  (await cookies()).set(CINEMA_COOKIE, cinema.slug, cinemaCookieOptions());
  const user = await currentUser();
  if (user) await rememberCinemaOnAccount(db, user.id, cinema.id);
  redirect(movie ? `/c/${cinema.slug}/movies/${movie}` : `/c/${cinema.slug}`);
});

export const chooseCinemaAction = asFormAction(chooseCinema);
