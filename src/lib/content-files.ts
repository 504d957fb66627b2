// Writes content files: YAML frontmatter plus a Markdown body serialized from mdast, so plain text
// stays literal text (a `*` or `<` in an imported narrative never turns into markup).
import { Document, isScalar, visit } from 'yaml';
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
  // Lists of numbers (a month's hours: 24 counts a weekday) on one line each, not one count a line.
  visit(doc, {
    Seq(_, node) {
      if (node.items.length && node.items.every((i) => isScalar(i) && typeof i.value === 'number')) node.flow = true;
    },
  });
  const yaml = doc.toString({ lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
  const trimmed = body.trim();
  return `---\n${yaml}---\n${trimmed ? `\n${trimmed}\n` : ''}`;
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
