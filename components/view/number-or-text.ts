/** A form field for the settings PUT: numbers go as numbers; anything else as typed, so the server's message names it. */
export function numberOrText(text: string): number | string {
  const value = Number(text.trim());
  return text.trim() !== "" && Number.isFinite(value) ? value : text;
}
