/**
 * A file that is not a property list (or not one jcprofile reads). The message reads after the
 * file's name: "profile.mobileconfig: is an HTML page, not a property list".
 */
export class PlistReadError extends Error {
  override readonly name = "PlistReadError";

  /** `fix`: how to get a file jcprofile can read, shown after the dash by a command that names the file. */
  constructor(message: string, readonly fix?: string) {
    super(message);
  }
}
