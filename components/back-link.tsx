import Link from "next/link";
import type { ReactNode } from "react";

/**
 * The "← Parent" link at the top of a detail page. Its padding makes it a 24 px tall target (WCAG
 * 2.5.8; axe's target-size) and the equal negative margin keeps the line where it was.
 */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="-my-1 inline-block py-1 text-sm text-zinc-300 hover:text-white">
      ← {children}
    </Link>
  );
}
