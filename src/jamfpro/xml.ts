/**
 * Just enough XML for the Classic API's bodies: elements, text, CDATA, comments and the five
 * predefined and numeric character references. A DOCTYPE is refused, so no entity of the server's
 * (internal or external) is ever expanded; attributes are read past and ignored, because the
 * Classic API carries everything in elements.
 */
import { decodeReferences } from "../profile/plist-read-xml-text.js";

export interface XmlElement {
  name: string;
  children: XmlElement[];
  /** The element's own text, references decoded. */
  text: string;
}

export class XmlSyntaxError extends Error {}

/** The plist reader's reference decoder: the five named entities and valid character references, nothing else. */
function decodeText(text: string): string {
  return decodeReferences(text, (message) => {
    throw new XmlSyntaxError(`text ${message}`);
  });
}

export function parseXml(source: string): XmlElement {
  const stack: XmlElement[] = [{ name: "#document", children: [], text: "" }];
  let index = 0;
  while (index < source.length) {
    const open = source.indexOf("<", index);
    const top = stack[stack.length - 1]!;
    const text = source.slice(index, open === -1 ? source.length : open);
    if (stack.length > 1) top.text += decodeText(text);
    else if (text.trim() !== "") throw new XmlSyntaxError("text outside the root element");
    if (open === -1) break;
    if (source.startsWith("<!--", open)) {
      index = after(source, "-->", open);
    } else if (source.startsWith("<![CDATA[", open)) {
      const end = source.indexOf("]]>", open);
      if (end === -1) throw new XmlSyntaxError("unterminated CDATA");
      top.text += source.slice(open + 9, end);
      index = end + 3;
    } else if (source.startsWith("<?", open)) {
      index = after(source, "?>", open);
    } else if (source.startsWith("<!", open)) {
      throw new XmlSyntaxError("a DOCTYPE or declaration is not accepted");
    } else if (source.startsWith("</", open)) {
      const end = source.indexOf(">", open);
      const name = source.slice(open + 2, end).trim();
      if (end === -1 || stack.length < 2 || top.name !== name) throw new XmlSyntaxError(`unexpected </${name}>`);
      stack.pop();
      index = end + 1;
    } else {
      const end = source.indexOf(">", open);
      if (end === -1) throw new XmlSyntaxError("unterminated tag");
      const selfClosing = source[end - 1] === "/";
      const inner = source.slice(open + 1, selfClosing ? end - 1 : end);
      const name = /^[A-Za-z_][\w.-]*/.exec(inner)?.[0];
      if (name === undefined) throw new XmlSyntaxError("a tag without a name");
      const element: XmlElement = { name, children: [], text: "" };
      if (stack.length === 1 && top.children.length > 0) throw new XmlSyntaxError("more than one root element");
      top.children.push(element);
      if (!selfClosing) stack.push(element);
      index = end + 1;
    }
  }
  const root = stack[0]!.children[0];
  if (stack.length !== 1 || root === undefined) throw new XmlSyntaxError("the document is incomplete");
  return root;
}

function after(source: string, terminator: string, from: number): number {
  const end = source.indexOf(terminator, from);
  if (end === -1) throw new XmlSyntaxError(`missing ${terminator}`);
  return end + terminator.length;
}

/** The first child with that name, following a path: `child(root, "general", "id")`. */
export function child(element: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let node = element;
  for (const name of names) node = node?.children.find((item) => item.name === name);
  return node;
}

export function childText(element: XmlElement | undefined, ...names: string[]): string | undefined {
  return child(element, ...names)?.text;
}
