export interface HeaderParams {
  /** The part before the first ";", trimmed and lower-cased (media types and dispositions are case-insensitive). */
  value: string;
  /** Parameter names lower-cased; the first occurrence wins so a smuggled duplicate cannot override it. */
  params: ReadonlyMap<string, string>;
}

interface ParseHeaderParamsOptions {
  header: string;
}

/** Parses `value; name=token; other="quoted \"string\""` headers such as Content-Type. Never throws. */
export function parseHeaderParams({ header }: ParseHeaderParamsOptions): HeaderParams {
  const params = new Map<string, string>();
  let index = header.indexOf(";");
  const value = (index === -1 ? header : header.slice(0, index)).trim().toLowerCase();
  if (index === -1) return { value, params };

  while (index < header.length) {
    // Skip the separator and any whitespace before the parameter name.
    while (index < header.length && (header[index] === ";" || isSpace(header[index]))) index++;
    const nameStart = index;
    while (index < header.length && header[index] !== "=" && header[index] !== ";") index++;
    const name = header.slice(nameStart, index).trim().toLowerCase();
    if (header[index] !== "=") continue;
    index++;
    while (index < header.length && isSpace(header[index])) index++;

    let paramValue = "";
    if (header[index] === '"') {
      index++;
      while (index < header.length && header[index] !== '"') {
        const next = header[index + 1];
        // Only \" and \\ are treated as escapes: Windows paths like "C:\dir\f.txt" arrive unescaped.
        if (header[index] === "\\" && (next === '"' || next === "\\")) {
          paramValue += next;
          index += 2;
        } else {
          paramValue += header[index];
          index++;
        }
      }
      index++;
      while (index < header.length && header[index] !== ";") index++;
    } else {
      const valueStart = index;
      while (index < header.length && header[index] !== ";") index++;
      paramValue = header.slice(valueStart, index).trim();
    }
    if (name !== "" && !params.has(name)) params.set(name, paramValue);
  }
  return { value, params };
}

function isSpace(char: string | undefined): boolean {
  return char === " " || char === "\t";
}
