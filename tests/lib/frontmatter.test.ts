// Frontmatter splitting and line mapping: failures come back as values with a line, never as throws.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isFrontmatterFailure, parseFrontmatter, simpleYaml, type ParsedFrontmatter } from '../../src/lib/frontmatter.ts';

function ok(source: string): ParsedFrontmatter {
  const r = parseFrontmatter(source);
  if (isFrontmatterFailure(r)) throw new Error(`unexpected failure: ${r.message}`);
  return r;
}

describe('parseFrontmatter', () => {
  it('splits fields and body and maps fields to file lines', () => {
    const r = ok('---\nname: A\nrepositories:\n  - name: x\n    to: 2024-01\n---\n\nBody *here*\n');
    expect(r.data).toEqual({ name: 'A', repositories: [{ name: 'x', to: '2024-01' }] });
    expect(r.body).toBe('\nBody *here*\n');
    expect(r.lineOf(['name'])).toBe(2);
    expect(r.lineOf(['repositories', 0, 'to'])).toBe(5);
    expect(r.bodyLine).toBe(7);
  });
  it('accepts a byte-order mark and CRLF line endings', () => {
    const r = ok('\uFEFF---\r\nname: A\r\n---\r\nBody\r\n');
    expect(r.data).toEqual({ name: 'A' });
    expect(r.body).toBe('Body\r\n');
  });
  it('accepts empty frontmatter', () => expect(ok('---\n---\n').data).toEqual({}));
  it('refuses code frontmatter and says engfolio never runs it', () => {
    for (const fence of ['---js', '---javascript', '--- ts']) {
      const r = parseFrontmatter(`${fence}\nexport const name = 1;\n---\n`);
      expect(isFrontmatterFailure(r) && r.message).toMatch(/engfolio never runs code from content/);
      expect(isFrontmatterFailure(r) && r.line).toBe(1);
    }
  });
  it('names a missing opening or closing fence', () => {
    expect(parseFrontmatter('name: A\n')).toEqual({ line: 1, message: 'expected the file to start with a `---` line opening YAML frontmatter' });
    expect(parseFrontmatter('---\nname: A\n')).toEqual({ line: 1, message: 'expected a closing `---` line after the frontmatter, found none' });
  });
  it('gives the file line of a YAML error', () => {
    const r = parseFrontmatter('---\nname: A\nname: B\n---\n');
    expect(r).toEqual({ line: 3, message: expect.stringMatching(/^malformed YAML: Map keys must be unique/) });
    const tab = parseFrontmatter('---\nname: A\nheadline: "unterminated\n---\n');
    expect(isFrontmatterFailure(tab) && tab.line).toBeGreaterThanOrEqual(3);
  });
  it('refuses a list or a scalar as frontmatter', () => {
    expect(parseFrontmatter('---\n- a\n---\n')).toEqual({ line: 2, message: 'expected frontmatter to be a map of fields, found a list' });
    expect(parseFrontmatter('---\njust text\n---\n')).toEqual({ line: 2, message: 'expected frontmatter to be a map of fields, found string' });
  });
  it('refuses an alias bomb instead of expanding it', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill('*' + String.fromCharCode(96 + i))
          .join(', ')}]`,
      );
    const r = parseFrontmatter(`---\n${levels.join('\n')}\n---\n`);
    expect(isFrontmatterFailure(r) && r.message).toMatch(/^malformed YAML: /);
  });
  it('keeps YAML tags as plain data (no code, no custom types)', () => {
    expect(ok('---\nname: !!js/function "function(){ return 1 }"\n---\n').data).toEqual({ name: 'function(){ return 1 }' });
  });
});

describe('simpleYaml (the fast path for the frontmatter engfolio writes)', () => {
  const same = [
    'name: A\nheadline: Backend engineer — search\ncount: 12\nratio: 73.2\nneg: -4\nexp: 1e3\nlead: 007\nplus: +1',
    'a: "x"\nb: \'y\'\nc: [a, 2, true]\nd: []\ne: ""',
    'a:\n- 1\n- 2\nb: c',
    'a: ~\nb:\nc: null\nd: True\ne: FALSE',
    'repositories:\n  - name: x/y\n    from: 2024-01\n    languages:\n      - Go\n    private: false\n  - name: z',
    'a: 2025-06\nb: 12:30\nc: http://x.y/z?q=1\nd: yes\ne: 1_000\nf: C#',
    'quality:\n  Review turnaround: 73.2\n\n# a comment line\nnetwork:\n  people: 3',
  ];
  it.each(same)('reads %j exactly as the yaml package does', (text) => {
    const fast = simpleYaml(text);
    expect(fast).toBeDefined();
    expect(fast).toStrictEqual(parse(text));
  });
  const fallback = [
    'a: x # comment',
    'a: |\n  x',
    'a: b\n  continued',
    'a: &x 1\nb: *x',
    'a: .inf',
    'a: 0x1F',
    '"q": 1',
    'a: [a: b]',
    'a: -x',
    'a: 1\na: 2',
    '- a',
    'x',
    'a: b: c',
    'a: "unterminated',
    'a: "esc\\"aped"',
    '__proto__: 1',
    'a: !!str 1',
    'a: {b: 1}',
  ];
  it.each(fallback)('leaves %j to the full parser', (text) => expect(simpleYaml(text)).toBeUndefined());
  it('keeps exact lines for problems on the fast path', () => {
    const r = ok('---\nname: A\nquality:\n  Review: 1\nrepositories:\n  - name: x\n    to: 2024-13\n---\nBody\n');
    expect(r.lineOf(['repositories', 0, 'to'])).toBe(7);
    expect(r.lineOf(['quality', 'Review'])).toBe(4);
    expect(r.lineOf(['missing'])).toBeUndefined();
  });
});
