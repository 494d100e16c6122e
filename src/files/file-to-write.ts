/**
 * One file to put in place: its bytes (or UTF-8 text) and, optionally, the mode it must have. Its
 * own module, below the writer and its helpers (roll-back, target-state), which all speak of it.
 */
export interface FileToWrite {
  path: string;
  /** The path as the admin would type it, for messages. */
  displayPath: string;
  text?: string;
  bytes?: Uint8Array;
  /** Permission bits for the new file (e.g. the mode of the file it replaces). */
  mode?: number;
}
