import { escapeUnshowable } from "./values.js";

/**
 * A path as one word of a command the admin pastes into sh/zsh: as it is when it needs no quotes,
 * else in '…'; one with a control character as $'…' (bash, zsh) with that character spelled as its
 * UTF-8 bytes, so the line stays readable and the paste still names the file.
 */
export function shellQuote(path: string): string {
  if (/^[\w./@%+=:,-]+$/.test(path)) return path;
  if (escapeUnshowable(path) === path) return `'${path.replaceAll("'", `'\\''`)}'`;
  const spelled = [...path].map((char) => {
    if (escapeUnshowable(char) !== char) return [...Buffer.from(char)].map((byte) => `\\x${byte.toString(16).padStart(2, "0")}`).join("");
    return char === "'" || char === "\\" ? `\\${char}` : char;
  });
  return `$'${spelled.join("")}'`;
}
