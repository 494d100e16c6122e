/**
 * How jcprofile talks about JSON values in messages, and which characters a property list can
 * carry. Shared by the config checks, the key catalogue and the plist writer so every message
 * says the same thing the same way.
 */
import { withoutCredentials } from "./net/urls.js";
import { isDictionary, isSecretName, isSecretValue } from "./secrets.js";

const SHOWN_LENGTH = 40;

/**
 * What stands for a secret (src/secrets.ts decides what is one). A value under a secret's name is
 * never shown, not even as a digest (a short hash of a weak password can be cracked offline),
 * since the message may end up in a CI log.
 */
const SECRET_NOT_SHOWN = "<secret, not shown>";

export interface ShowOptions {
  /** The value sits under a secret's name (the caller knows its key): nothing of it is shown. */
  readonly secret?: boolean;
  /** The longest text shown, cut with "…"; 40 by default, so one message stays one line. */
  readonly width?: number;
  /** Arrays and dictionaries as their size ("[3 items]", "{2 keys}"), for a diff of whole payloads. */
  readonly sizes?: boolean;
}

/**
 * The one way a message shows a value: as the admin wrote it in JSON, shortened, URL credentials,
 * query and fragment left out, and a secret-shaped string or anything under a secret's name
 * (inside an array or a dictionary too) replaced by SECRET_NOT_SHOWN, so no part of a secret is shown.
 */
export function showValue(value: unknown, options: ShowOptions = {}): string {
  if (options.sizes === true && Array.isArray(value)) return `[${value.length} items]`;
  if (options.sizes === true && isDictionary(value)) return `{${Object.keys(value).length} keys}`;
  if (options.secret === true) return SECRET_NOT_SHOWN;
  if (value instanceof Uint8Array) return `<data, ${value.length} bytes>`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "<date>" : value.toISOString();
  if (typeof value === "string" && isSecretValue(value)) return SECRET_NOT_SHOWN;
  let text: string;
  try {
    text = escapeUnshowable(JSON.stringify(value, hideSecrets) ?? String(value));
  } catch {
    text = escapeUnshowable(String(value));
  }
  const width = options.width ?? SHOWN_LENGTH;
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}


/**
 * Characters a terminal acts on (C0 and C1 controls — U+009B is CSI to some terminals — and DEL)
 * or that reorder what it shows (the bidirectional controls, e.g. U+202E).
 */
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text read from a file (a config, a profile on disk) as a message may show it on one line: each
 * such character written as JSON escapes it, \uXXXX, so a key or value can neither drive the
 * terminal nor break or reorder the line. JSON.stringify escapes the C0 controls only.
 */
export function escapeUnshowable(text: string): string {
  return text.replace(UNSHOWABLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** JSON.stringify's replacer for showValue. */
function hideSecrets(key: string, value: unknown): unknown {
  if (key !== "" && isSecretName(key) && value !== null && typeof value !== "boolean" && typeof value !== "number") return SECRET_NOT_SHOWN;
  return typeof value === "string" ? (isSecretValue(value) ? SECRET_NOT_SHOWN : withoutUrlSecrets(value)) : value;
}

/** A URL's credentials, query and fragment may carry a token or a password: none of them is shown. */
function withoutUrlSecrets(text: string): string {
  return withoutCredentials(text).replace(/^(\s*[a-z][a-z0-9+.-]*:\/\/[^?#\s]*)([?#])\S*$/i, "$1$2…");
}

/** "a string", "an array", … for a JSON value. */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value instanceof Uint8Array) return "data";
  if (value instanceof Date) return "a date";
  switch (typeof value) {
    case "string":
      return "a string";
    case "boolean":
      return "a boolean";
    case "number":
      return "a number";
    case "object":
      return "an object";
    default:
      return `a ${typeof value}`;
  }
}

/**
 * The first character an XML property list cannot carry, described for a message, or
 * undefined. XML 1.0 forbids C0 controls other than tab, LF and CR, the noncharacters
 * U+FFFE/U+FFFF, and a UTF-16 surrogate without its partner cannot be encoded at all.
 */
export function findUnwritableChar(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) {
      return `a control character (${codePoint(code)})`;
    }
    if (code === 0xfffe || code === 0xffff) return `a noncharacter (${codePoint(code)})`;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return `an unpaired surrogate (${codePoint(code)})`;
    }
    if (code >= 0xdc00 && code <= 0xdfff) return `an unpaired surrogate (${codePoint(code)})`;
  }
  return undefined;
}

function codePoint(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}
