// A safe XML reader for published notices: no DTD (a DOCTYPE is refused, which stops billion laughs and external
// entities), no entity expansion, bounded size; and small helpers to walk the parsed tree by element names.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Files of this size or more are refused before they are read. */
export const MAX_NOTICE_BYTES = 50 * 1024 * 1024;

/** A parsed element: child elements by qualified name (always arrays), attributes as `@name`, text as `#text`. */
export interface XNode {
  [name: string]: XNode[] | string | undefined;
}

export class XmlRefused extends Error {
  constructor(
    public readonly messageKey: string,
    public readonly params: Record<string, string | number> = {},
  ) {
    super(messageKey);
  }
}

const OPTIONS = {
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  alwaysCreateTextNode: true,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (_name: string, _path: unknown, _leaf: unknown, isAttribute: boolean) => !isAttribute,
};

const DTD = /<!(DOCTYPE|ENTITY)/i;

/**
 * A reader that parses a document, or throws XmlRefused saying why (too large, a DTD, not well-formed). The
 * elements named in `skip` (anywhere in the tree) are checked for well-formedness but not built into the tree:
 * a reader that never looks inside them is faster.
 */
export function xmlReader(skip: string[] = []): (content: Buffer | string) => XNode {
  const parser = new XMLParser({ ...OPTIONS, stopNodes: skip.map((name) => `*.${name}`) });
  return (content) => parseXml(parser, content);
}

function parseXml(parser: XMLParser, content: Buffer | string): XNode {
  const size = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
  if (size >= MAX_NOTICE_BYTES)
    throw new XmlRefused('observatory.problems.too_large', { mb: MAX_NOTICE_BYTES / 2 ** 20 });
  const xml = typeof content === 'string' ? content : content.toString('utf8');
  if (DTD.test(xml)) throw new XmlRefused('observatory.problems.doctype');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new XmlRefused('observatory.problems.malformed', { line: valid.err.line, reason: valid.err.msg });
  }
  return parser.parse(xml) as XNode;
}

/** The child elements of a node with a name. */
export function children(node: XNode | undefined, name: string): XNode[] {
  const value = node?.[name];
  return Array.isArray(value) ? value : [];
}

/** All elements reached by a path of element names, in document order. */
export function all(node: XNode | undefined, ...names: string[]): XNode[] {
  let level: XNode[] = node ? [node] : [];
  for (const name of names) level = level.flatMap((n) => children(n, name));
  return level;
}

export function first(node: XNode | undefined, ...names: string[]): XNode | undefined {
  return all(node, ...names)[0];
}

export function text(node: XNode | undefined): string {
  const value = node?.['#text'];
  return typeof value === 'string' ? value.trim() : '';
}

export function attr(node: XNode | undefined, name: string): string | undefined {
  const value = node?.[`@${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** The text of the first element on a path ('' when absent). */
export function textAt(node: XNode | undefined, ...names: string[]): string {
  return text(first(node, ...names));
}

/** Elements on a path whose listName attribute is the given code list. */
export function coded(node: XNode | undefined, listName: string, ...names: string[]): string[] {
  return all(node, ...names)
    .filter((n) => attr(n, 'listName') === listName)
    .map(text)
    .filter(Boolean);
}

/** The eForms extension block of a node (ext:UBLExtensions/…/efext:EformsExtension). */
export function eformsExtension(node: XNode | undefined): XNode | undefined {
  return first(node, 'ext:UBLExtensions', 'ext:UBLExtension', 'ext:ExtensionContent', 'efext:EformsExtension');
}
