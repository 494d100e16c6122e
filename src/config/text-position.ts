/** Where a problem sits in a text, and how a character is shown in a message. */

/** A character as a message shows it: printable as itself, a control byte escaped. */
export function showChar(char: string): string {
  const code = char.codePointAt(0)!;
  if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0) || code === 0xfeff || (code >= 0xd800 && code <= 0xdfff)) {
    const names: Record<number, string> = { 0: "NUL", 9: "tab", 10: "line break", 13: "carriage return" };
    return `${names[code] ?? "control character"} U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  }
  return `'${char}'`;
}

/** 1-based line and column of an offset, as editors count them. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === "\n") {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
