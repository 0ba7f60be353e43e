/** A menu item's two lines: what it does, and a quieter line on what to expect. */
export function MenuItemText({ title, detail }: { title: string; detail: string }) {
  return (
    <>
      <span className="font-medium">{title}</span>
      <span className="text-xs text-zinc-600 dark:text-zinc-400">{detail}</span>
    </>
  );
}
