/**
 * Text for a terminal of a known width, broken at spaces: a terminal breaks long lines mid-word.
 * Pure; colour codes must be added after wrapping.
 */

/** `text` in lines of at most `width` characters, each starting with `indent`; a longer word stays whole. */
export function wrapWords(text: string, width: number, indent = ""): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(indent + line);
  return lines;
}

/** Like wrapWords, but keeps the text's own leading spaces as the indent of every line. */
export function wrapIndented(text: string, width: number): string[] {
  const indent = /^ */.exec(text)?.[0] ?? "";
  return wrapWords(text.slice(indent.length), width, indent);
}
