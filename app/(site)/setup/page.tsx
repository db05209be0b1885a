import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { hasTheater } from "@/db/queries/setup";
import { SetupForm } from "@/components/setup/setup-form";
import { setUpTheaterAction } from "./actions";

export const metadata: Metadata = { title: "Set up your cinema", robots: { index: false } };

// First-run setup: only while the database has no theater; afterwards the page does not exist.
export default async function SetupPage() {
  await connection();
  if (await hasTheater(await getDb())) notFound();
  return (
    <div className="mx-auto max-w-lg space-y-6 py-6 sm:py-10">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Set up your cinema</h1>
        <p className="text-sm text-zinc-300">
          This database has no theater yet. Enter the one-time setup token printed in the server&apos;s log, your theater&apos;s details and the email
          address of its first admin.
        </p>
      </div>
      <SetupForm setUp={setUpTheaterAction} />
    </div>
  );
}
