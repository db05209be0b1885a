import Link from "next/link";
import { currentUser } from "@/lib/auth/current-user";
import { SignOutButton } from "./sign-out-button";

/** The header's account corner: a sign-in link, or who is signed in with a sign-out button. */
export async function UserNav() {
  const user = await currentUser();
  if (!user) {
    return (
      <Link href="/sign-in" className="text-sm font-medium text-gold hover:underline">
        Sign in
      </Link>
    );
  }
  return (
    <div className="flex items-center gap-3">
      {(user.role === "admin" || user.role === "manager") && (
        <Link href="/admin" className="text-sm text-zinc-200 hover:text-white">
          Admin
        </Link>
      )}
      <span className="hidden max-w-48 truncate text-sm text-zinc-300 sm:inline" title={user.email}>
        {user.name ?? user.email}
      </span>
      <SignOutButton className="rounded-md border border-line px-2.5 py-1 text-sm text-zinc-200 hover:border-zinc-400 hover:text-white" />
    </div>
  );
}
