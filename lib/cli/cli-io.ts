/** Where a command writes: lines to stdout (results) and stderr (progress, problems). */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}
