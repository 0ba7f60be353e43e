import { readCliDownload } from "@/lib/cli-download/read-cli-download";

/**
 * The tarball's path for one-liners: /cli/<content tag>/webhook-echo.tgz. npx keeps what it
 * installed from a URL and reuses it for that same URL without asking the server again, so the
 * stable /cli/webhook-echo.tgz would run the first CLI a laptop ever fetched forever; a URL that
 * changes with the bytes makes an upgraded server's one-liner fetch the new CLI. (Any tag is
 * served the current file: an old copied line keeps working.) Untagged when not built.
 */
export async function getCliTarballPath(): Promise<string> {
  const download = await readCliDownload({ fileName: "webhook-echo.tgz" });
  if (!download) return "/cli/webhook-echo.tgz";
  return `/cli/${download.etag.slice(1, 13)}/webhook-echo.tgz`;
}
