/** Where a bin is reached, built once by the server page (BinPage) and passed down as one. */
export interface BinLinks {
  /** Senders post here: <origin>/echo/<id>. */
  echoUrl: string;
  /** The live view: <origin>/view/<id> (the CLI one-liners forward it). */
  viewUrl: string;
  /** The CLI one-liner's tarball path (lib/cli-download/get-cli-tarball-path.ts). */
  cliTarballPath: string;
}
