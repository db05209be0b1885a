// The staff page's inputs (issue 19): who gets which role, and at which theaters. Pure (zod).
import { z } from "zod";

const theaterIdList = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().trim().min(1).max(64)).max(500),
);

export const setStaffRoleSchema = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email({ error: "Enter a valid email address." })),
    role: z.enum(["admin", "manager"], { error: "Choose chain admin or site manager." }),
    theaterIds: theaterIdList,
  })
  .superRefine((input, ctx) => {
    if (input.role === "manager" && input.theaterIds.length === 0) ctx.addIssue({ code: "custom", path: ["theaterIds"], message: "Choose the theaters this site manager runs." });
  });
export type SetStaffRoleInput = z.infer<typeof setStaffRoleSchema>;

export const revokeStaffRoleSchema = z.object({ userId: z.string().trim().min(1).max(64) });
export type RevokeStaffRoleInput = z.infer<typeof revokeStaffRoleSchema>;

export const STAFF_ROLE_NAMES = { admin: "Chain admin", manager: "Site manager" } as const;
