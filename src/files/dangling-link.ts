import fs from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { shellQuote } from "../shell-quote.js";
import { escapeUnshowable } from "../values.js";

/**
 * Why a folder cannot be made (ENOENT) when it, or a folder above it, is a symbolic link to a place
 * that does not exist: mkdir -p cannot make a link's target, so it only says ENOENT. Asked after
 * mkdir failed, never on the way of a build that works. `shown` is `folder` as messages name it;
 * `flag` names the folder when the link is the folder itself (`--out is a symbolic link …`). The
 * reason and its fix, for the caller to put after the path its message starts with.
 */
export function danglingLinkReason(folder: string, shown: string, flag?: string): string | undefined {
  for (let path = folder; ; path = dirname(path)) {
    const stats = fs.lstatSync(path, { throwIfNoEntry: false });
    if (stats?.isSymbolicLink() === true && !fs.existsSync(path)) return describe(path, folder, shown, flag);
    // Something real stands here, so everything above it resolves; or the top is reached.
    if (stats !== undefined || dirname(path) === path) return undefined;
  }
}

function describe(link: string, folder: string, shown: string, flag: string | undefined): string {
  // The link as the admin typed it: `shown` without the folders below the link.
  const below = relative(link, folder);
  const linkShown = below === "" ? shown : shown.split(/[\\/]/).slice(0, -below.split(sep).length).join("/") || link;
  const subject = below === "" && flag !== undefined ? flag : escapeUnshowable(linkShown);
  const remove = `remove the link (rm ${shellQuote(linkShown)})`;
  let target: string;
  try {
    target = fs.readlinkSync(link);
  } catch {
    return `${subject} is a symbolic link to a place that does not exist — create the folder it points to or ${remove}`;
  }
  const made = resolve(dirname(link), target);
  return `${subject} is a symbolic link to ${escapeUnshowable(target)}, which does not exist — create the folder it points to (mkdir -p ${shellQuote(made)}) or ${remove}`;
}
