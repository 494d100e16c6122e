/**
 * The one rule for "this looks like a secret": what import never copies into the config, what lint
 * and build call an error, and what no message, diff or dry run ever shows. A config and a profile
 * are reviewed and committed, and messages end up in CI logs, so the rule errs on the side of
 * hiding: a key named like a secret in any case or with a typo, and any value shaped like a
 * credential Entra ID hands out, whatever key holds it.
 */

/** Words a key holding a secret ends with; a key about one ends with another word (ChangePasswordURL, PasswordLabel). */
const SECRET_WORDS = ["password", "passwd", "passphrase", "credential", "credentials", "apikey", "privatekey", "accesskey", "token", "pwd"];
/** Jamf Connect's own secrets all end in "secret"; anywhere in a name it means one (no Jamf key says it otherwise). */
const SECRET = "secret";
/** A longer word with one letter wrong, left out, added or two swapped is still that word. */
const FUZZY_FROM = 6;

/**
 * Whether a key's name says it holds a secret: ROPGClientSecret, oidcclientsecret,
 * OIDCClientSecrt, MyAppSecret, JAMF_PASSWORD, api_key. Names about a secret rather than holding
 * one (ChangePasswordURL, PasswordLabel, OnPasswordChange) end with another word and are not.
 */
export function isSecretName(name: string): boolean {
  // A build asks about the same few dozen names in every profile (2000 of them for 1000
  // environments): each name is judged once. Bounded, for lint over files with endless names.
  let known = judgedNames.get(name);
  if (known === undefined) {
    if (judgedNames.size >= 10_000) judgedNames.clear();
    known = judgeSecretName(name);
    judgedNames.set(name, known);
  }
  return known;
}

const judgedNames = new Map<string, boolean>();

function judgeSecretName(name: string): boolean {
  // Only letters count: case, separators and a trailing number or "value" change nothing.
  const letters = name.toLowerCase().replace(/[^a-z]/g, "").replace(/(value|values)$/, "");
  if (letters === "") return false;
  if (containsNear(letters, SECRET)) return true;
  // CustomMenuItems.ChangePassword holds a menu item's action, not a password.
  if (/(change|reset|forgot|new|sync|verify|update|expired?)(password|passwd)s?$/.test(letters)) return false;
  return SECRET_WORDS.some((word) => endsNear(letters, word));
}

/**
 * Whether a string is shaped like a credential: an Entra client secret's Value (about 40
 * characters with a `~`, as made since 2020; 44 base64 characters ending in `=`, or 32 with
 * symbols, as made before) or a bearer token (a JWT). A GUID, a URL or a sentence never is.
 */
export function isSecretValue(text: string): boolean {
  const value = text.trim();
  if (value.length < 32 || value.length > 4096 || GUID.test(value)) return false;
  if (JWT.test(value)) return true;
  if (value.length > 48) return false;
  const mixed = /[a-z]/.test(value) && /[A-Z]/.test(value) && /[0-9]/.test(value);
  if (value.includes("~") && /^[A-Za-z0-9~._-]+$/.test(value) && value.length >= 34) return true;
  if (mixed && /^[A-Za-z0-9+/]{43}=$/.test(value)) return true;
  return mixed && value.length <= 34 && /^[A-Za-z0-9._\-@?:[\]*+/=]+$/.test(value) && /[._\-@?:[\]*+/=]/.test(value) && !value.includes("://");
}

/** Whether a value under this key is a secret: a string or data under a secret's name, or a secret-shaped string anywhere. */
function holdsSecret(name: string | undefined, value: unknown): boolean {
  if (typeof value === "string") return (name !== undefined && isSecretName(name) && value.trim() !== "") || isSecretValue(value);
  return value instanceof Uint8Array && name !== undefined && isSecretName(name) && value.length > 0;
}

type Path = (string | number)[];

/**
 * Every place in a dictionary (nested dictionaries and arrays walked, without recursion so depth
 * is no limit) that holds a secret, as key paths. A secret inside a secret-named array or
 * dictionary is found at its own place.
 */
export function findSecrets(root: unknown): Path[] {
  const found: Path[] = [];
  // Each place keeps its parent, not a copy of its path: a deep dictionary stays linear.
  interface Place { name: string | undefined; value: unknown; step?: string | number; parent?: Place }
  const stack: Place[] = [{ name: undefined, value: root }];
  while (stack.length > 0) {
    const place = stack.pop()!;
    const { name, value } = place;
    if (holdsSecret(name, value)) found.push(pathOf(place));
    else if (Array.isArray(value)) value.forEach((item, index) => stack.push({ name, value: item, step: index, parent: place }));
    else if (isDictionary(value)) for (const [key, item] of Object.entries(value)) stack.push({ name: key, value: item, step: key, parent: place });
  }
  return found.sort(byPath);

  function pathOf(place: Place): Path {
    const path: Path = [];
    for (let at: Place | undefined = place; at?.step !== undefined; at = at.parent) path.push(at.step);
    return path.reverse();
  }
}

const GUID = /^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/;
const JWT = /^(?:bearer\s+)?eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*$/i;

export function isDictionary(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Uint8Array) && !(value instanceof Date);
}

function byPath(a: Path, b: Path): number {
  const [x, y] = [a.join("\u0000"), b.join("\u0000")];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The text ends with the word, or (for a long word) with a form one edit away. */
function endsNear(text: string, word: string): boolean {
  if (text.endsWith(word)) return true;
  if (word.length < FUZZY_FROM) return false;
  for (let length = word.length - 1; length <= word.length + 1; length++) {
    if (length <= text.length && withinOneEdit(text.slice(text.length - length), word)) return true;
  }
  return false;
}

/** The text holds the word, or a form one edit away, anywhere. */
function containsNear(text: string, word: string): boolean {
  if (text.includes(word)) return true;
  for (let start = 0; start < text.length; start++) {
    for (let length = word.length - 1; length <= word.length + 1; length++) {
      if (start + length <= text.length && withinOneEdit(text.slice(start, start + length), word)) return true;
    }
  }
  return false;
}

/** One letter changed, left out, added, or two neighbours swapped (optimal string alignment ≤ 1). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
