"use server";
import { revalidatePath } from "next/cache";
import { cancelShow } from "@/lib/booking/cancel-show";
import { scheduleShows } from "@/lib/catalog/schedule-shows";
import { setShowCard } from "@/lib/catalog/set-show-card";
import { setShowTags } from "@/lib/catalog/set-show-tags";
import { scheduleShowsSchema, setShowCardSchema, setShowTagsSchema, showIdSchema } from "@/lib/catalog/show-input";
import { setWaitingRoomOf } from "@/lib/catalog/set-waiting-room";
import { waitingRoomSchema } from "@/lib/catalog/waiting-room-input";
import { assertInScope } from "@/lib/admin/assert-in-scope";
import { defineAction } from "@/lib/handlers/define-action";

export const scheduleShowsAction = defineAction(scheduleShowsSchema, { name: "schedule-shows", auth: "admin" }, async (input, { user }) => {
  // The movie is chain-wide; the screen (and so the card, which must be of its theater) is not.
  await assertInScope(user, "screen", input.screenId);
  const result = await scheduleShows(user, input);
  revalidatePath("/", "layout");
  return result;
});

/** Cancels the show and refunds every paid order of it (each customer is emailed). */
export const cancelShowAction = defineAction(showIdSchema, { name: "cancel-show", auth: "admin" }, async ({ showId }, { user }) => {
  await assertInScope(user, "show", showId);
  const result = await cancelShow(user, { showId });
  revalidatePath("/", "layout");
  return result;
});

/** Puts a show with no orders yet on another price card, or back on the one its rules pick. */
export const setShowCardAction = defineAction(setShowCardSchema, { name: "set-show-card", auth: "admin" }, async (input, { user }) => {
  await assertInScope(user, "show", input.showId);
  const result = await setShowCard(user, input);
  revalidatePath("/", "layout");
  return result;
});

/** Marks a show (or its movie's whole day) as a high-demand on-sale with a waiting line, or takes the line away. */
export const setWaitingRoomAction = defineAction(waitingRoomSchema, { name: "set-waiting-room", auth: "admin" }, async (input, { user }) => {
  await assertInScope(user, "show", input.showId);
  const result = await setWaitingRoomOf(user, input);
  revalidatePath("/admin/shows");
  return result;
});

/** Sets a show's tags (formats, language, subtitles, accessibility); a show of another theater is not found. */
export const setShowTagsAction = defineAction(setShowTagsSchema, { name: "set-show-tags", auth: "admin" }, async (input, { user }) => {
  const result = await setShowTags(user, input);
  revalidatePath("/", "layout");
  return result;
});
