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

/** Where the frontmatter of a text is: its YAML and where the body starts; or why it has none. */
function locate(text: string): { yamlText: string; bodyStart: number } | FrontmatterFailure {
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
  const rest = text.slice(start);
  const m = /^---[ \t]*$/m.exec(rest);
  if (!m) return { line: 1, message: 'expected a closing `---` line after the frontmatter, found none' };
  let bodyStart = start + m.index + m[0].length;
  if (text[bodyStart] === '\r') bodyStart++;
  if (text[bodyStart] === '\n') bodyStart++;
  return { yamlText: rest.slice(0, m.index), bodyStart };
}

/** The body of a Markdown file (what follows its frontmatter), without parsing the YAML; empty when it has no frontmatter. */
export function frontmatterBody(source: string): string {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const at = locate(text);
  return 'bodyStart' in at ? text.slice(at.bodyStart) : '';
}

/** The YAML text of a Markdown file's frontmatter, undefined when it has none. */
export function frontmatterYaml(source: string): string | undefined {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const at = locate(text);
  return 'yamlText' in at ? at.yamlText : undefined;
}

/** Parses `---\nyaml\n---\nbody`; returns a failure (with a line) instead of throwing. */
export function parseFrontmatter(source: string): ParsedFrontmatter | FrontmatterFailure {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const at = locate(text);
  if (!('bodyStart' in at)) return at;
  const { yamlText, bodyStart } = at;
  const bodyLine = text.slice(0, bodyStart).split('\n').length;
  const simple = simpleYaml(yamlText);
  if (simple) {
    let parsed: ParsedFrontmatter['lineOf'] | undefined;
    return {
      data: simple,
      body: text.slice(bodyStart),
      bodyLine,
      // Line numbers are only needed to report a problem: parse fully then, once.
      lineOf: (path) => (parsed ??= fullDocument(yamlText).lineOf)(path),
    };
  }
  const full = fullDocument(yamlText);
  const { doc, lineOf } = full;
  const firstError = doc.errors[0];
  if (firstError) {
    // Positions come from the line counter (linePos is only filled in with prettyErrors).
    const line = firstError.linePos?.[0]?.line ?? full.lineCounter.linePos(firstError.pos[0]).line;
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
  return { data: (data ?? {}) as Record<string, unknown>, body: text.slice(bodyStart), bodyLine, lineOf };
}

/** Returns the full parse of YAML text and the line finder of its field paths. */
function fullDocument(yamlText: string): { doc: Document; lineCounter: LineCounter; lineOf: ParsedFrontmatter['lineOf'] } {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineOf = (path: readonly (string | number)[]): number | undefined => {
    for (let depth = path.length; depth > 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line + 1;
    }
    return undefined;
  };
  return { doc, lineCounter, lineOf };
}

/** True when `parseFrontmatter` failed. */
export function isFrontmatterFailure(r: ParsedFrontmatter | FrontmatterFailure): r is FrontmatterFailure {
  return !('data' in r);
}

// The frontmatter engfolio writes is a small subset of YAML: block maps and lists, plain, quoted and
// flow-list scalars. `simpleYaml` reads exactly that subset ~10× faster than the full parser and
// returns undefined for anything else (anchors, tags, multi-line or escaped scalars, comments after
// values, duplicate keys…), which then goes through the full parser; it also does the line mapping,
// lazily, only when a problem is reported.
interface Line {
  indent: number;
  text: string;
}

const FAIL = Symbol('not simple YAML');
type Result<T> = T | typeof FAIL;

const KEY = /^[A-Za-z_][A-Za-z0-9_ .-]*$/;
const SPECIAL_WORD = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`.+]/;

function plain(v: string): Result<unknown> {
  if (v === '' || v === '~' || v === 'null' || v === 'Null' || v === 'NULL') return null;
  if (v === 'true' || v === 'True' || v === 'TRUE') return true;
  if (v === 'false' || v === 'False' || v === 'FALSE') return false;
  if (INT.test(v) || FLOAT.test(v)) return Number(v);
  if (INDICATOR.test(v) || v.startsWith('0x') || v.startsWith('0o')) return FAIL;
  if (v.includes(': ') || v.includes(' #') || v.endsWith(':') || v.includes('\t')) return FAIL;
  return v;
}

function scalar(v: string): Result<unknown> {
  const c = v[0];
  if (c === '"') return /^"[^"\\]*"$/.test(v) ? v.slice(1, -1) : FAIL;
  if (c === "'") return /^'[^']*'$/.test(v) ? v.slice(1, -1) : FAIL;
  if (c === '[') {
    if (!v.endsWith(']')) return FAIL;
    const inner = v.slice(1, -1).trim();
    if (inner === '') return [];
    const out: unknown[] = [];
    for (const part of inner.split(',')) {
      const item = part.trim();
      if (item === '' || /[[\]{}"':#]/.test(item)) return FAIL;
      const value = plain(item);
      if (value === FAIL || value === null) return FAIL;
      out.push(value);
    }
    return out;
  }
  return plain(v);
}

/** Index of the `:` ending a simple map key at the start of `text`, or -1. */
function keyEnd(text: string): number {
  const colon = text.indexOf(':');
  if (colon <= 0 || (colon + 1 < text.length && text[colon + 1] !== ' ')) return -1;
  const key = text.slice(0, colon);
  return KEY.test(key) && !key.endsWith(' ') && !SPECIAL_WORD.test(key) && !INT.test(key) && !FLOAT.test(key) && key !== '__proto__' ? colon : -1;
}

const isItem = (l: Line): boolean => l.text === '-' || l.text.startsWith('- ');

class SimpleYaml {
  readonly lines: Line[];
  i = 0;
  constructor(lines: Line[]) {
    this.lines = lines;
  }

  node(indent: number): Result<unknown> {
    return isItem(this.lines[this.i]!) ? this.seq(indent) : this.map(indent);
  }

  /** The value after `key:` with nothing on its line: a nested block, a same-indent list, or null. */
  nested(indent: number): Result<unknown> {
    const next = this.lines[this.i];
    if (next && next.indent > indent) return this.node(next.indent);
    if (next && next.indent === indent && isItem(next)) return this.seq(indent);
    return null;
  }

  /** A scalar on its own line: the next line must not continue it. */
  inline(text: string, indent: number): Result<unknown> {
    const value = scalar(text);
    const next = this.lines[this.i];
    if (next && next.indent > indent) return FAIL;
    return value;
  }

  map(indent: number): Result<Record<string, unknown>> {
    const obj: Record<string, unknown> = {};
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!;
      if (line.indent < indent || (line.indent === indent && isItem(line))) break;
      if (line.indent > indent) return FAIL;
      const end = keyEnd(line.text);
      if (end < 0) return FAIL;
      const key = line.text.slice(0, end);
      if (Object.hasOwn(obj, key)) return FAIL;
      const rest = line.text.slice(end + 1).trim();
      this.i++;
      const value = rest === '' ? this.nested(indent) : this.inline(rest, indent);
      if (value === FAIL) return FAIL;
      obj[key] = value;
    }
    return obj;
  }

  seq(indent: number): Result<unknown[]> {
    const arr: unknown[] = [];
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!;
      if (line.indent < indent || (line.indent === indent && !isItem(line))) break;
      if (line.indent > indent || line.text === '-') return FAIL;
      const after = line.text.slice(1);
      const rest = after.trimStart();
      if (keyEnd(rest) > 0) {
        // `- key: value`: a map whose first entry sits on the dash line.
        const mapIndent = indent + 1 + (after.length - rest.length);
        this.lines[this.i] = { indent: mapIndent, text: rest };
        const value = this.map(mapIndent);
        if (value === FAIL) return FAIL;
        arr.push(value);
      } else {
        this.i++;
        const value = this.inline(rest, indent);
        if (value === FAIL) return FAIL;
        arr.push(value);
      }
    }
    return arr;
  }
}

/** Returns the map of a simple YAML document, or undefined when it needs the full parser. */
export function simpleYaml(text: string): Record<string, unknown> | undefined {
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const indent = line.length - trimmed.length;
    if (line.slice(0, indent).includes('\t') || trimmed.startsWith('---') || trimmed.startsWith('...')) return undefined;
    lines.push({ indent, text: trimmed.trimEnd() });
  }
  if (lines.length === 0) return {};
  if (lines[0]!.indent !== 0 || isItem(lines[0]!)) return undefined;
  const parser = new SimpleYaml(lines);
  const value = parser.map(0);
  if (value === FAIL || parser.i !== lines.length) return undefined;
  return value;
}
