/** Text and scalar values of an XML property list: references, numbers, dates, data. */

/** Reports a problem at the reader's position; never returns. */
export type Fail = (message: string) => never;

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML's five named entities and character references; any other entity is refused, never resolved. */
export function decodeReferences(raw: string, fail: Fail): string {
  return raw.replace(/&([^;&\s]*);?/g, (whole, body: string) => {
    if (!whole.endsWith(";")) fail(`has a bare "&" in "${raw.slice(0, 40)}" (write &amp;)`);
    const numeric = /^#(?:x([0-9A-Fa-f]+)|(\d+))$/.exec(body);
    if (numeric) {
      const code = numeric[1] !== undefined ? Number.parseInt(numeric[1], 16) : Number(numeric[2]);
      if (code > 0x10ffff || code === 0 || (code >= 0xd800 && code <= 0xdfff)) fail(`has the invalid character reference &${body};`);
      return String.fromCodePoint(code);
    }
    const named = NAMED_ENTITIES[body];
    if (named === undefined || !Object.hasOwn(NAMED_ENTITIES, body)) {
      fail(`uses the unknown entity &${body}; (only XML's five predefined ones are read; jcprofile never resolves entities)`);
    }
    return named;
  });
}

export function readInteger(raw: string, fail: Fail): number {
  const text = raw.trim();
  if (!/^[+-]?\d+$/.test(text)) fail(`has <integer>${text}</integer>, which is not a whole number`);
  const value = Number(text);
  if (!Number.isSafeInteger(value)) fail(`has <integer>${text}</integer>, too large for jcprofile to read exactly`);
  return value;
}

export function readReal(raw: string, fail: Fail): number {
  const value = Number(raw.trim());
  if (raw.trim() === "" || !Number.isFinite(value)) fail(`has <real>${raw.trim()}</real>, which is not a finite number`);
  return value;
}

export function readDate(raw: string, fail: Fail): Date {
  const text = raw.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/.test(text) || Number.isNaN(Date.parse(text))) {
    fail(`has <date>${text}</date>, not a date like 2026-01-31T12:00:00Z`);
  }
  return new Date(text);
}

export function readData(raw: string, fail: Fail): Uint8Array {
  const compact = raw.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) fail("has <data> that is not base64");
  return new Uint8Array(Buffer.from(compact, "base64"));
}
