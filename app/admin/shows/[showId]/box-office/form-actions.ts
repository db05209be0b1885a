"use server";
import { asFormAction } from "@/lib/handlers/define-action";
import { boxOfficeContinueAction, releaseHouseSeatsAction } from "./actions";

// The counter's plain-form posts (the seat map's Continue, a house seat's Release): the actions
// of ./actions.ts (where the admin authorization sweep finds them) as React form actions.
export const boxOfficeContinueForm = asFormAction(boxOfficeContinueAction);
export const releaseHouseSeatsForm = asFormAction(releaseHouseSeatsAction);
