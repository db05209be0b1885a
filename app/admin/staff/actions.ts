"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/handlers/define-action";
import { revokeStaffRoleSchema, setStaffRoleSchema } from "@/lib/auth/staff-input";
import { revokeStaffRole, setStaffRole } from "@/lib/auth/staff-roles";

// Staff roles: chain admins only ("chain"), site managers are refused.

export const setStaffRoleAction = defineAction(setStaffRoleSchema, { name: "set-staff-role", auth: "chain" }, async (input, { user }) => {
  const change = await setStaffRole(user, input);
  revalidatePath("/admin/staff");
  return change;
});

export const revokeStaffRoleAction = defineAction(revokeStaffRoleSchema, { name: "revoke-staff-role", auth: "chain" }, async (input, { user }) => {
  const change = await revokeStaffRole(user, input);
  revalidatePath("/admin/staff");
  return change;
});
