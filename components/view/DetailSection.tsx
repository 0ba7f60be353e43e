import type { ReactNode } from "react";

/**
 * One titled section of the detail pane (and of the settings sheet), with an optional action at
 * the right of its title.
 */
export function DetailSection({
  title,
  action,
  children,
}: {
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
          {title}
        </h3>
        {action}
      </div>
      {children}
    </section>
  );
}
