/** Shared look of MenuButton items (buttons and links). */
export const menuItemClass =
  "flex w-full flex-col items-start rounded-md px-3 py-1.5 text-left text-sm text-zinc-800 hover:bg-zinc-100 focus-visible:bg-zinc-100 focus-visible:outline-none disabled:opacity-50 dark:text-zinc-100 dark:hover:bg-zinc-800 dark:focus-visible:bg-zinc-800";
