/**
 * Keeps credentials and tokens out of upload's output, whatever a server sends back: a gateway's
 * error page may echo the request it refused ("your token was Bearer …", the form body with the
 * client secret), and a page's text ends up in a message. Two nets: the values this run actually
 * holds (the secret, the password, every token it was given), in the forms they travel in; and the
 * shapes credentials have (an Authorization value, `client_secret=…`, a JWT), for what the run
 * never held, such as another client's token.
 */
const REDACTED = "[redacted]";

/**
 * Shorter values are not looked for: replacing every "abc" in the output would hide the output,
 * not a secret. Jamf Pro's API client secrets and tokens are far longer.
 */
const MIN_LENGTH = 4;

const PATTERNS: readonly RegExp[] = [
  // An Authorization header's value: `Bearer eyJ…`, `Basic amFt…` — with a digit or a symbol in it,
  // so that the words of a page ("Basic authentication is disabled") stay.
  /\b(Bearer|Basic)(\s+)(?=[A-Za-z.~]*[0-9\-_+/=])[A-Za-z0-9\-._~+/]{8,}=*/gi,
  // A credential as a form field, a query parameter, a JSON member or a header line.
  /\b(access_token|refresh_token|id_token|client_secret|password|passwd|token)(["']?\s*[:=]\s*["']?)[^\s"'&,;<>]+/gi,
  // A JWT (Jamf Pro's bearer tokens are JWTs), even cut short, as a shortened value can be.
  /\beyJ[A-Za-z0-9_-]{6,}(?:\.[A-Za-z0-9_-]*)*/g,
];

export interface Redactor {
  /** A value that must never be shown: a secret, a password, a token. */
  add(value: string): void;
  /** `text` with every known value and every credential-shaped part replaced by [redacted]. */
  redact(text: string): string;
  /**
   * For a server's data that is compared, not only shown (a stored profile): only the known values
   * of at least DATA_MIN_LENGTH characters. A shape ("password: …") or a short password could match
   * the admin's own settings, and every run would then see a change.
   */
  redactData(text: string): string;
}

/** Jamf Pro's tokens and API client secrets are longer; a settings value is not going to hold one by chance. */
const DATA_MIN_LENGTH = 16;

/** The forms a value takes on its way: as sent in a form or URL, escaped in JSON, XML or HTML. */
function forms(value: string): string[] {
  const xml = value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  return [value, encodeURIComponent(value), new URLSearchParams({ v: value }).toString().slice(2), JSON.stringify(value).slice(1, -1), xml];
}

export function createRedactor(): Redactor {
  const known = new Set<string>();
  const replaceKnown = (text: string, minLength: number): string => {
    let result = text;
    // Longest first: a value inside a longer one must not leave the longer one's rest behind.
    for (const value of [...known].sort((a, b) => b.length - a.length)) {
      if (value.length >= minLength) result = result.split(value).join(REDACTED);
    }
    return result;
  };
  return {
    add(value) {
      if (value.length < MIN_LENGTH) return;
      for (const form of forms(value)) known.add(form);
    },
    redactData: (text) => replaceKnown(text, DATA_MIN_LENGTH),
    redact(text) {
      let result = replaceKnown(text, MIN_LENGTH);
      for (const pattern of PATTERNS) {
        result = result.replace(pattern, (match, ...groups: unknown[]) =>
          typeof groups[1] === "string" && typeof groups[0] === "string" && !match.startsWith("eyJ") ? `${groups[0]}${groups[1]}${REDACTED}` : REDACTED,
        );
      }
      return result;
    },
  };
}
