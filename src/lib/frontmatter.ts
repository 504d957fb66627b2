// Splits a Markdown file into YAML frontmatter and body, and maps field paths back to source lines.
import { LineCounter, parseDocument, type Document } from 'yaml';

export interface ParsedFrontmatter {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
  /** 1-based line of a field path (`['repositories', 0, 'to']`), or of the frontmatter when unknown. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

export interface FrontmatterFailure {
  line?: number;
  message: string;
}

const OPEN = /^---([^\r\n]*)\r?\n/;

/** Parses `---\nyaml\n---\nbody`; returns a failure (with a line) instead of throwing. */
export function parseFrontmatter(source: string): ParsedFrontmatter | FrontmatterFailure {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const open = OPEN.exec(text);
  if (!open) {
    return { line: 1, message: 'expected the file to start with a `---` line opening YAML frontmatter' };
  }
  const lang = open[1]!.trim();
  if (lang !== '' && lang !== 'yaml') {
    return {
      line: 1,
      message: `expected YAML frontmatter (\`---\`), found \`---${lang}\`: engfolio never runs code from content, write the fields as YAML`,
    };
  }
  const start = open[0].length;
  const close = /^---[ \t]*$/m;
  close.lastIndex = 0;
  const rest = text.slice(start);
  const m = close.exec(rest);
  if (!m) return { line: 1, message: 'expected a closing `---` line after the frontmatter, found none' };
  const yamlText = rest.slice(0, m.index);
  let bodyStart = start + m.index + m[0].length;
  if (text[bodyStart] === '\r') bodyStart++;
  if (text[bodyStart] === '\n') bodyStart++;
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const firstError = doc.errors[0];
  if (firstError) {
    // Positions come from the line counter (linePos is only filled in with prettyErrors).
    const line = firstError.linePos?.[0]?.line ?? lineCounter.linePos(firstError.pos[0]).line;
    const message = firstError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { line: line === undefined ? 2 : line + 1, message: `malformed YAML: ${message}` };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // Only alias expansion can throw here (a "billion laughs" document): refuse it, do not expand it.
    return { line: 2, message: `malformed YAML: ${(e as Error).message.split('\n')[0]}` };
  }
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    return { line: 2, message: `expected frontmatter to be a map of fields, found ${Array.isArray(data) ? 'a list' : typeof data}` };
  }
  const bodyLine = text.slice(0, bodyStart).split('\n').length;
  return {
    data: (data ?? {}) as Record<string, unknown>,
    body: text.slice(bodyStart),
    bodyLine,
    lineOf(path) {
      for (let depth = path.length; depth > 0; depth--) {
        const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
        if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line + 1;
      }
      return undefined;
    },
  };
}

/** True when `parseFrontmatter` failed. */
export function isFrontmatterFailure(r: ParsedFrontmatter | FrontmatterFailure): r is FrontmatterFailure {
  return !('data' in r);
}
