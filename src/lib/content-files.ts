// Writes content files: YAML frontmatter plus a Markdown body serialized from mdast, so plain text
// stays literal text (a `*` or `<` in an imported narrative never turns into markup).
import { Document, isMap, isScalar, isSeq, parseDocument, visit, type Node } from 'yaml';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Root, RootContent } from 'mdast';
import type { DayActivity, MonthInput, ProfileInput } from './content-schema.ts';

/** Drops undefined values and empty lists/maps so files stay minimal and stable. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compact);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      if (Array.isArray(v) && v.length === 0) continue;
      if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) continue;
      out[k] = compact(v);
    }
    return out;
  }
  return value;
}

/** Serializes plain text (paragraphs separated by blank lines) as Markdown that renders back to that text. */
export function plainTextToMarkdown(text: string): string {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const tree: Root = {
    type: 'root',
    children: paragraphs.map((p): RootContent => ({ type: 'paragraph', children: [{ type: 'text', value: p }] })),
  };
  return paragraphs.length ? toMarkdown(tree) : '';
}

/** Builds a content file from frontmatter data and a Markdown body. */
export function markdownFile(data: Record<string, unknown>, body: string): string {
  const doc = new Document(compact(data));
  flowNumberLists(doc);
  const yaml = doc.toString(YAML_OUT);
  const trimmed = body.trim();
  return `---\n${yaml}---\n${trimmed ? `\n${trimmed}\n` : ''}`;
}

/** Lists of numbers (a month's hours: 24 counts a weekday) on one line each, not one count a line. */
function flowNumberLists(doc: Document): void {
  visit(doc, {
    Seq(_, node) {
      if (node.items.length && node.items.every((i) => isScalar(i) && typeof i.value === 'number')) node.flow = true;
    },
  });
}

const YAML_OUT = { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' } as const;

const isEmpty = (v: unknown): boolean => (Array.isArray(v) ? v.length === 0 : !!v && typeof v === 'object' && Object.keys(v).length === 0);

/** Whether a YAML node holds `value` (compared as JSON). */
const holds = (node: unknown, value: unknown): boolean => JSON.stringify((node as Node | undefined)?.toJSON?.() ?? node) === JSON.stringify(value);

/**
 * Makes `node` (a map or list of `doc`) hold `value`, replacing only the entries that differ: the others
 * keep their comments, quoting and layout. Returns the node to put in place of `node` when it cannot be
 * edited in place (another kind of value).
 */
function assignInPlace(doc: Document, node: unknown, value: unknown): unknown {
  if (isMap(node) && value && typeof value === 'object' && !Array.isArray(value)) {
    const next = value as Record<string, unknown>;
    const keyOf = (pair: (typeof node.items)[number]): string => String(isScalar(pair.key) ? pair.key.value : pair.key);
    for (const pair of [...node.items]) if (next[keyOf(pair)] === undefined) node.delete(pair.key);
    for (const [key, v] of Object.entries(next)) {
      if (v === undefined) continue;
      const before = node.get(key, true);
      if (before !== undefined && holds(before, v)) continue;
      // What markdownFile leaves out (an empty list or map) goes when it changes, as a new file would have it.
      if (isEmpty(v)) node.delete(key);
      else node.set(key, before === undefined ? doc.createNode(compact(v)) : assignInPlace(doc, before, v));
    }
    // In the order of `value`, as a new file would have them (a moved entry takes its comments along).
    const order = Object.keys(next);
    node.items.sort((a, b) => order.indexOf(keyOf(a)) - order.indexOf(keyOf(b)));
    return node;
  }
  if (isSeq(node) && Array.isArray(value)) {
    node.items.splice(value.length);
    value.forEach((v, i) => {
      const before = node.items[i];
      if (before === undefined) node.items.push(doc.createNode(compact(v)));
      else if (!holds(before, v)) node.items[i] = assignInPlace(doc, before, v) as (typeof node.items)[number];
    });
    return node;
  }
  return doc.createNode(compact(value));
}

/**
 * A content file's text with its frontmatter (`yamlText`) edited in place: the fields of `data` that
 * differ from the file's are written, the rest of the YAML (its comments among it) is left as it was.
 * The body follows as given.
 */
export function editedMarkdownFile(yamlText: string, data: Record<string, unknown>, body: string): string {
  const doc = parseDocument(yamlText);
  if (!isMap(doc.contents)) return markdownFile(data, body);
  assignInPlace(doc, doc.contents, data);
  flowNumberLists(doc);
  const trimmed = body.trim();
  // `[a, b]` as people write it (engfolio's own files pad them: `[ 0, 1 ]`).
  return `---\n${doc.toString({ ...YAML_OUT, flowCollectionPadding: false })}---\n${trimmed ? `\n${trimmed}\n` : ''}`;
}

/** The text of `content/profiles/<slug>.md`. */
export function profileFile(data: ProfileInput, summaryMarkdown: string): string {
  return markdownFile(data as Record<string, unknown>, summaryMarkdown);
}

/** The text of `content/months/<slug>/<YYYY-MM>.md`. */
export function monthFile(data: MonthInput, narrativeMarkdown: string): string {
  return markdownFile(data as Record<string, unknown>, narrativeMarkdown);
}

/** The text of `content/activity/<slug>.csv`, days in date order. */
export function activityFile(days: readonly DayActivity[]): string {
  const withFeatures = days.some((d) => d.features !== undefined);
  const sorted = [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const rows = sorted.map((d) => (withFeatures ? `${d.date},${d.count},${d.features ?? 0}` : `${d.date},${d.count}`));
  return `${withFeatures ? 'date,count,features' : 'date,count'}\n${rows.map((r) => r + '\n').join('')}`;
}
