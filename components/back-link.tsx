import Link from "next/link";
import type { ReactNode } from "react";

/** The "← Parent" link at the top of a detail page. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="text-sm text-zinc-300 hover:text-white">
      ← {children}
    </Link>
  );
}
