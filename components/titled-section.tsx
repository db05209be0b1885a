import type { ReactNode } from "react";

const PANEL = "rounded-xl border border-line bg-panel p-4";

/**
 * A page section named by its own heading (aria-labelledby, so a screen reader's landmark list
 * reads the title), plain or as a bordered panel.
 */
export function TitledSection({
  id,
  title,
  panel = false,
  className = "space-y-3",
  headingClassName = "text-lg font-semibold",
  children,
}: {
  id: string;
  title: ReactNode;
  panel?: boolean;
  className?: string;
  headingClassName?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={panel ? `${className} ${PANEL}` : className}>
      <h2 id={id} className={headingClassName}>
        {title}
      </h2>
      {children}
    </section>
  );
}
