/** Saves bytes as a file via a short-lived octet-stream Blob URL (never rendered as a page). */
export function downloadBytes({ bytes, filename }: { bytes: Uint8Array; filename: string }) {
  const blob = new Blob([bytes.slice().buffer], { type: "application/octet-stream" });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = filename || "download.bin";
  anchor.rel = "noopener";
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
