/**
 * A file that is not a property list (or not one jcprofile reads). The message reads after the
 * file's name: "profile.mobileconfig: is an HTML page, not a property list".
 */
export class PlistReadError extends Error {
  override readonly name = "PlistReadError";
}
