"use client";

import { buttonClass } from "@/components/common/button-class";
import { useMemo } from "react";
import { CopyButton } from "@/components/common/CopyButton";
import { downloadBytes } from "@/components/common/download-bytes";
import type { DeliveryDetail } from "@/lib/deliveries/get-delivery-detail.types";
import { buildCurlCommand } from "@/lib/payload/build-curl-command";

interface CurlActionsProps {
  detail: DeliveryDetail;
  body: Uint8Array;
  echoUrl: string;
}

/** "Copy as cURL" replaying the delivery against the bin, plus body.bin when it cannot be inline. */
export function CurlActions({ detail, body, echoUrl }: CurlActionsProps) {
  const curl = useMemo(
    () =>
      buildCurlCommand({
        request: {
          method: detail.method,
          path: detail.path,
          query: detail.query,
          headers: detail.headers,
          body,
          contentType: detail.contentType,
        },
        url: `${echoUrl}${detail.path}${detail.query === "" ? "" : `?${detail.query}`}`,
      }),
    [detail, body, echoUrl],
  );
  const bodyFile = curl.bodyFile;
  return (
    <>
      <CopyButton text={curl.command} label="Copy as cURL" testId="copy-curl" size="md" />
      {bodyFile && (
        <span className="flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
          <button
            type="button"
            onClick={() => downloadBytes({ bytes: bodyFile.bytes, filename: bodyFile.name })}
            className={buttonClass()}
          >
            Download {bodyFile.name}
          </button>
          <span>
            The body is binary or large, so the command reads it from {bodyFile.name}: save it in
            the directory you run curl from.
          </span>
        </span>
      )}
    </>
  );
}
