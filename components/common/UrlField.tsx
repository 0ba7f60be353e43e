import { CopyButton } from "@/components/common/CopyButton";

interface UrlFieldProps {
  label: string;
  url: string;
  testId: string;
}

/** A labelled URL as selectable text (never a link to captured data) with a copy button. */
export function UrlField({ label, url, testId }: UrlFieldProps) {
  return (
    <div className="flex flex-col gap-1">
      <span className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
        {label}
      </span>
      <div className="flex items-center gap-2 rounded-lg border border-zinc-200 bg-zinc-50 py-1.5 pr-1.5 pl-3 dark:border-zinc-800 dark:bg-zinc-900">
        <code
          data-testid={testId}
          className="min-w-0 flex-1 truncate text-sm select-all"
          title={url}
        >
          {url}
        </code>
        <CopyButton text={url} ariaLabel={`Copy ${label.toLowerCase()}`} />
      </div>
    </div>
  );
}
