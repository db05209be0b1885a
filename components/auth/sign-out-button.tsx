import { signOutAction } from "@/app/(site)/sign-out/actions";

/** A real form, so signing out works before any JavaScript has loaded. */
export function SignOutButton({ redirectTo = "/", className }: { redirectTo?: string; className?: string }) {
  return (
    <form action={signOutAction}>
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <button type="submit" className={className ?? "rounded-md border border-line px-3 py-1.5 text-sm text-zinc-200 hover:border-zinc-400 hover:text-white"}>
        Sign out
      </button>
    </form>
  );
}
