export type BodyTabId = "analysis" | "pretty" | "raw" | "hex";

interface BodyTabsProps {
  tabs: ReadonlyArray<{ id: BodyTabId; label: string }>;
  active: BodyTabId | null;
  /** Prefix of the tabs' ids; the panel they control is `${baseId}-panel`. */
  baseId: string;
  onSelect: (tab: BodyTabId) => void;
}

/** The body viewer's tab strip (WAI-ARIA tabs: the panel is labelled by the active tab). */
export function BodyTabs({ tabs, active, baseId, onSelect }: BodyTabsProps) {
  return (
    <div
      role="tablist"
      aria-label="Body view"
      className="inline-flex rounded-lg bg-zinc-100 p-0.5 dark:bg-zinc-800/70"
    >
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={`${baseId}-${tab.id}-tab`}
          aria-selected={tab.id === active}
          aria-controls={`${baseId}-panel`}
          data-testid={tab.id === "analysis" ? "analysis-tab" : `body-tab-${tab.id}`}
          onClick={() => onSelect(tab.id)}
          className={`rounded-md px-3 py-1 text-xs font-semibold focus-visible:outline-2 focus-visible:outline-sky-500 ${
            tab.id === active
              ? "bg-white text-zinc-900 shadow-sm dark:bg-zinc-950 dark:text-zinc-100"
              : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
          }`}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
