import { isUtf8 } from "node:buffer";
import { parseBinaryPlist } from "./plist-read-binary.js";
import { PlistReadError } from "./plist-read-error.js";
import { parseXmlPlist } from "./plist-read-xml.js";
import type { PlistValue } from "./plist-xml.js";

export { PlistReadError } from "./plist-read-error.js";

export type PlistFormat = "xml" | "binary";

/**
 * The one way jcprofile reads property list bytes (XML or binary). Throws a PlistReadError that
 * says what the bytes are instead, so a caller can print "<file>: <what>".
 */
export function readPlist(bytes: Uint8Array): { value: PlistValue; format: PlistFormat } {
  if (bytes.length === 0) throw new PlistReadError("is empty", AGAIN);
  const head = Buffer.from(bytes.subarray(0, 8)).toString("latin1");
  if (head === "bplist00") return { value: parseBinaryPlist(bytes), format: "binary" };
  if (head.startsWith("bplist")) throw new PlistReadError(`is a binary property list of an unknown version (${head}); jcprofile reads bplist00`);
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) {
    throw new PlistReadError("is UTF-16 text; jcprofile reads UTF-8 property lists (convert the file to UTF-8)");
  }
  if (!isUtf8(bytes)) throw new PlistReadError("is binary data, not a property list");
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8").replace(/^\uFEFF/, "");
  const start = text.trimStart();
  if (/^<!doctype\s+html|^<html/i.test(start)) throw new PlistReadError("is an HTML page, not a property list (a sign-in or error page saved instead of the file?)");
  if (start.startsWith("<")) return { value: parseXmlPlist(text), format: "xml" };
  if (start === "") throw new PlistReadError("holds only whitespace", AGAIN);
  if (/^[{[]/.test(start) && looksLikeJson(start)) throw new PlistReadError("is JSON, not a property list", "give a .mobileconfig or .plist; a jcprofile config is read with --config");
  throw new PlistReadError("is text, not a property list", PROFILE_SOURCES);
}

const AGAIN = "download or export it again";
const PROFILE_SOURCES = "give a .mobileconfig or .plist: a Jamf Pro download, a Jamf Connect Configuration export, or a Mac's managed preferences file";

function looksLikeJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
