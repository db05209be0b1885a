import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { theaters } from "./venue";

// Auth.js tables, shaped as @auth/drizzle-adapter expects, plus our role column.
// "admin" is a chain admin (every theater); "manager" a site manager of the theaters listed for
// them in theater_managers (issue 19). A manager with no theater listed manages nothing.
export const userRole = pgEnum("user_role", ["customer", "admin", "manager"]);

export const users = pgTable("user", {
  id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
  name: text("name"),
  email: text("email").unique(),
  emailVerified: timestamp("emailVerified", { mode: "date", withTimezone: true }),
  image: text("image"),
  role: userRole("role").notNull().default("customer"),
  // The cinema this customer last chose (issue 19): their home page opens on it on any device.
  preferredTheaterId: text("preferred_theater_id").references(() => theaters.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const accounts = pgTable(
  "account",
  {
    userId: text("userId").notNull().references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("providerAccountId").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = pgTable("session", {
  sessionToken: text("sessionToken").primaryKey(),
  userId: text("userId").notNull().references(() => users.id, { onDelete: "cascade" }),
  expires: timestamp("expires", { mode: "date", withTimezone: true }).notNull(),
});

export const verificationTokens = pgTable(
  "verificationToken",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { mode: "date", withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

// Which theaters a site manager ("manager" role) runs. Chain admins need no rows here.
export const theaterManagers = pgTable(
  "theater_managers",
  {
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    theaterId: text("theater_id").notNull().references(() => theaters.id, { onDelete: "cascade" }),
    grantedBy: text("granted_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.theaterId] }), index("theater_managers_theater_idx").on(t.theaterId)],
);
