// The ticket type forms' fields and their rules. Pure (zod only), shared by the forms and the actions.
import { z } from "zod";
import { checkbox } from "./form-values";

/** "" (an empty field) is "no minimum age"; otherwise a whole number of years. */
const minAge = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z.coerce.number({ error: "Enter an age in whole years, or leave it empty." }).int("Enter an age in whole years.").min(1, "An age starts at 1.").max(99, "Enter an age under 100.").optional(),
);

export const ticketTypeFieldsSchema = z.object({
  name: z.string().trim().min(1, "Enter a name, like Adult.").max(40, "Keep the name under 40 characters."),
  note: z.string().trim().max(120, "Keep the note under 120 characters.").default(""),
  minAge,
  /** A child's ticket: refused on shows whose rating the theater lists as adults only. */
  child: checkbox,
});

export const addTicketTypeSchema = ticketTypeFieldsSchema.extend({ theaterId: z.string().min(1, "Choose a theater.") });
export type AddTicketTypeInput = z.infer<typeof addTicketTypeSchema>;

export const updateTicketTypeSchema = ticketTypeFieldsSchema.extend({ id: z.string().min(1) });
export type UpdateTicketTypeInput = z.infer<typeof updateTicketTypeSchema>;

export const moveTicketTypeSchema = z.object({ id: z.string().min(1), direction: z.enum(["up", "down"], { error: "Move it up or down." }) });
export type MoveTicketTypeInput = z.infer<typeof moveTicketTypeSchema>;

export const retireTicketTypeSchema = z.object({ id: z.string().min(1), retired: z.enum(["true", "false"]).transform((v) => v === "true") });
export type RetireTicketTypeInput = z.infer<typeof retireTicketTypeSchema>;
