import { PlistReadError } from "./plist-read-error.js";
import { decodeReferences, readData, readDate, readInteger, readReal, type Fail } from "./plist-read-xml-text.js";
import type { PlistDict, PlistValue } from "./plist-xml.js";

/**
 * An XML property list reader written for profiles that come from elsewhere. It reads only what
 * Apple's format has — the header, the plist DOCTYPE, comments and the value elements — and
 * refuses everything an XML parser would otherwise act on: an internal DTD subset (entity
 * declarations), entity references other than XML's five, processing instructions. Nothing is
 * fetched, expanded or executed; the DOCTYPE's URL is never followed.
 */

const MAX_DEPTH = 64;

interface Tag {
  readonly name: string;
  readonly closing: boolean;
  readonly selfClosing: boolean;
}

export function parseXmlPlist(text: string): PlistValue {
  // XML line-end normalisation; a character reference (&#13;) still yields a CR.
  return new XmlReader(text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n")).readDocument();
}

class XmlReader {
  private at = 0;
  /** For the helpers in plist-read-xml-text.ts. */
  private readonly failHere: Fail = (message) => this.fail(message);

  constructor(private readonly text: string) {}

  readDocument(): PlistValue {
    this.readDeclaration();
    this.skipMisc(true);
    if (this.at >= this.text.length) throw new PlistReadError("is XML without a root element, not a property list");
    const root = this.readTag();
    if (root.closing) this.fail(`has </${root.name}> without its opening tag`);
    if (root.name.toLowerCase() === "html") throw new PlistReadError("is an HTML page, not a property list");
    if (root.name !== "plist") throw new PlistReadError(`is XML with the root element <${root.name}>, not a property list`);
    if (root.selfClosing) throw new PlistReadError("is an empty property list (<plist/> holds no value)");
    this.skipMisc(false);
    const value = this.readValue(this.readTag(), 0);
    this.skipMisc(false);
    this.expectClose("plist");
    this.skipMisc(false);
    if (this.at < this.text.length) this.fail("has content after </plist>");
    return value;
  }

  private readDeclaration(): void {
    if (!this.text.startsWith("<?xml")) return;
    const end = this.text.indexOf("?>");
    if (end < 0) this.fail("has an unterminated XML declaration");
    const declaration = this.text.slice(0, end);
    const encoding = /encoding\s*=\s*["']([^"']*)["']/.exec(declaration)?.[1];
    if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) {
      throw new PlistReadError(`declares the encoding ${encoding}; jcprofile reads UTF-8 property lists (convert the file to UTF-8)`);
    }
    this.at = end + 2;
  }

  /** Whitespace, comments and (before the root only) one DOCTYPE. */
  private skipMisc(beforeRoot: boolean): void {
    for (;;) {
      while (this.at < this.text.length && /\s/.test(this.text[this.at]!)) this.at++;
      if (this.text.startsWith("<!--", this.at)) this.skipComment();
      else if (this.text.startsWith("<?", this.at)) this.refuseInstruction();
      else if (beforeRoot && this.text.startsWith("<!DOCTYPE", this.at)) this.skipDoctype();
      else if (this.text.startsWith("<!", this.at) && !this.text.startsWith("<![CDATA[", this.at)) {
        this.fail(`has a markup declaration (${this.text.slice(this.at, this.at + 12)}…) where a property list has none`);
      } else return;
    }
  }

  private skipComment(): void {
    const end = this.text.indexOf("-->", this.at + 4);
    if (end < 0) this.fail("has an unterminated comment (the file may be truncated)");
    this.at = end + 3;
  }

  private refuseInstruction(): never {
    const name = /^<\?([^\s?>]*)/.exec(this.text.slice(this.at))?.[1] ?? "";
    if (name.toLowerCase() === "xml") this.fail("has an XML declaration that is not at the very start of the file");
    return this.fail(`contains the processing instruction <?${name}?>, which a property list never has`);
  }

  private skipDoctype(): void {
    const end = this.text.indexOf(">", this.at);
    if (end < 0) this.fail("has an unterminated DOCTYPE (the file may be truncated)");
    const doctype = this.text.slice(this.at, end + 1);
    if (doctype.includes("[")) {
      this.fail("has a DOCTYPE with an internal subset (entity or element declarations); jcprofile never reads those — remove the [ … ] part");
    }
    if (!/^<!DOCTYPE\s+plist[\s>]/.test(doctype)) {
      const name = /^<!DOCTYPE\s+([^\s>]+)/.exec(doctype)?.[1] ?? "";
      if (name.toLowerCase() === "html") throw new PlistReadError("is an HTML page, not a property list");
      this.fail(`has the DOCTYPE ${name || "(unnamed)"}, not plist`);
    }
    this.at = end + 1;
  }

  private readTag(): Tag {
    if (this.at >= this.text.length) this.fail("ends in the middle (the file is truncated)");
    if (this.text[this.at] !== "<") this.fail(`has text "${this.snippet()}" where an element was expected`);
    const match = /^<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(this.text.slice(this.at, this.at + 512));
    if (!match) this.fail(`has a malformed tag "${this.snippet()}" (the file may be truncated)`);
    this.at += match[0].length;
    const tag = { name: match[2]!, closing: match[1] === "/", selfClosing: match[4] === "/" };
    if (tag.closing && (tag.selfClosing || match[3] !== "")) this.fail(`has a malformed closing tag </${tag.name}>`);
    return tag;
  }

  private readValue(tag: Tag, depth: number): PlistValue {
    if (tag.closing) this.fail(`has </${tag.name}> where a value was expected`);
    if (depth > MAX_DEPTH) this.fail(`nests deeper than ${MAX_DEPTH} levels`);
    switch (tag.name) {
      case "dict":
        return tag.selfClosing ? {} : this.readDict(depth);
      case "array":
        return tag.selfClosing ? [] : this.readArray(depth);
      case "true":
      case "false":
        if (!tag.selfClosing) this.expectClose(tag.name);
        return tag.name === "true";
      case "string":
        return tag.selfClosing ? "" : this.readText("string");
      case "integer":
        return readInteger(tag.selfClosing ? "" : this.readText("integer"), this.failHere);
      case "real":
        return readReal(tag.selfClosing ? "" : this.readText("real"), this.failHere);
      case "date":
        return readDate(tag.selfClosing ? "" : this.readText("date"), this.failHere);
      case "data":
        return readData(tag.selfClosing ? "" : this.readText("data"), this.failHere);
      default:
        return this.fail(`has the element <${tag.name}>, which is not a property list value`);
    }
  }

  private readDict(depth: number): PlistDict {
    const dict: Record<string, PlistValue> = {};
    for (;;) {
      this.skipMisc(false);
      const tag = this.readTag();
      if (tag.closing && tag.name === "dict") return dict;
      if (tag.name !== "key" || tag.closing) this.fail(`has <${tag.closing ? "/" : ""}${tag.name}> in a dictionary where a <key> was expected`);
      const key = tag.selfClosing ? "" : this.readText("key");
      if (Object.hasOwn(dict, key)) this.fail(`has the key "${key}" twice in one dictionary`);
      this.skipMisc(false);
      // defineProperty: a key named "__proto__" is just a key.
      Object.defineProperty(dict, key, { value: this.readValue(this.readTag(), depth + 1), enumerable: true, writable: true, configurable: true });
    }
  }

  private readArray(depth: number): PlistValue[] {
    const items: PlistValue[] = [];
    for (;;) {
      this.skipMisc(false);
      const tag = this.readTag();
      if (tag.closing && tag.name === "array") return items;
      items.push(this.readValue(tag, depth + 1));
    }
  }

  /** Character data up to </name>, with references and CDATA sections decoded. */
  private readText(name: string): string {
    let text = "";
    for (;;) {
      const next = this.text.indexOf("<", this.at);
      if (next < 0) this.fail(`has an unterminated <${name}> (the file may be truncated)`);
      text += decodeReferences(this.text.slice(this.at, next), this.failHere);
      this.at = next;
      if (this.text.startsWith("<![CDATA[", this.at)) {
        const end = this.text.indexOf("]]>", this.at);
        if (end < 0) this.fail("has an unterminated CDATA section");
        text += this.text.slice(this.at + 9, end);
        this.at = end + 3;
      } else if (this.text.startsWith("<!--", this.at)) {
        this.skipComment();
      } else {
        this.expectClose(name);
        return text;
      }
    }
  }

  private expectClose(name: string): void {
    const tag = this.at < this.text.length ? this.readTag() : undefined;
    if (tag === undefined) this.fail(`ends before </${name}> (the file is truncated)`);
    if (!tag.closing || tag.name !== name) this.fail(`has <${tag.closing ? "/" : ""}${tag.name}> where </${name}> was expected`);
  }

  private snippet(): string {
    return this.text.slice(this.at, this.at + 30).replace(/\s+/g, " ");
  }

  private fail(message: string): never {
    const line = this.text.slice(0, this.at).split("\n").length;
    throw new PlistReadError(`is not a valid property list: line ${line} ${message}`);
  }
}
