/** Header read, received and expected signature, one per line in monospace. */
export function SignatureComparison({
  detail,
}: {
  detail: { header: string; received: string; expected: string };
}) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
      <dt className="text-zinc-500 dark:text-zinc-400">Header</dt>
      <dd className="font-mono wrap-anywhere">{detail.header}</dd>
      <dt className="text-zinc-500 dark:text-zinc-400">Received</dt>
      <dd data-testid="signature-received" className="font-mono wrap-anywhere select-all">
        {detail.received}
      </dd>
      <dt className="text-zinc-500 dark:text-zinc-400">Expected</dt>
      <dd data-testid="signature-expected" className="font-mono wrap-anywhere select-all">
        {detail.expected}
      </dd>
    </dl>
  );
}
