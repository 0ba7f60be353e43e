/** RFC 6901: "~" and "/" inside a key are written "~0" and "~1". */
export function escapeJsonPointerToken({ token }: { token: string }): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}
