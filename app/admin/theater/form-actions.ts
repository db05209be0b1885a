"use server";
import { asFormAction } from "@/lib/handlers/define-action";
import { chooseAdminTheaterAction } from "./actions";

// The nav's switcher posts a plain form: ./actions.ts's action (where the admin authorization
// sweeps find it) as a React form action.
export const chooseAdminTheaterForm = asFormAction(chooseAdminTheaterAction);
