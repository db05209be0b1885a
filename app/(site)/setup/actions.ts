"use server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { defineAction } from "@/lib/handlers/define-action";
import { setUpTheater, setUpTheaterSchema } from "@/lib/setup/set-up-theater";

// Public on purpose: nobody can be signed in as an admin before the first theater exists. The
// one-time token printed in the server log is the capability, checked (and spent) in the same
// transaction that creates the theater.
const setupFormSchema = setUpTheaterSchema.extend({ token: z.string().trim().min(1, "Paste the setup token from the server log.").max(200) });

export const setUpTheaterAction = defineAction(setupFormSchema, { name: "set-up-theater", auth: "public" }, async ({ token, ...input }) =>
  setUpTheater(await getDb(), input, token),
);
