export type ButtonVariant = "primary" | "secondary" | "danger" | "danger-outline";

const BASE =
  "inline-flex shrink-0 items-center justify-center gap-1 rounded-md whitespace-nowrap focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-50";

const SIZES = {
  sm: "px-2 py-1 text-xs",
  md: "h-8 px-3 text-sm",
} as const;

// Colours checked by axe-core (test/e2e/accessibility.test.ts) in light and dark.
const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-sky-700 font-semibold text-white hover:bg-sky-800 focus-visible:outline-sky-600",
  secondary:
    "border border-zinc-300 font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline-sky-600 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800",
  danger: "bg-rose-700 font-semibold text-white hover:bg-rose-800 focus-visible:outline-rose-600",
  "danger-outline":
    "border border-rose-300 font-medium text-rose-700 hover:bg-rose-50 focus-visible:outline-rose-500 dark:border-rose-500/40 dark:text-rose-300 dark:hover:bg-rose-500/10",
};

/** The class of every button-like control (also download links), so they look and read alike. */
export function buttonClass({
  variant = "secondary",
  size = "md",
}: { variant?: ButtonVariant; size?: keyof typeof SIZES } = {}): string {
  return `${BASE} ${SIZES[size]} ${VARIANTS[variant]}`;
}
