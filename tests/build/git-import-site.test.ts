// A profile imported with `npm run import:git` from the fixture repository, built for real: its page shows
// the day heatmap of the imported activity and the methodology note, its month pages exist, and no name,
// path or commit subject of a private repository reaches any file of the built site.
import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { parse } from 'parse5';
import { buildRepo, lines, tempDir, widgetCommits } from '../lib/git-fixture.ts';
import { builtSite } from '../support/fixtures.ts';
import { importGit } from '../../src/cli/import-git.ts';

const ADA = 'Ada Lovelace <ada@work.example>';
const SLUG = 'ada-lovelace';

const widgets = buildRepo(widgetCommits(), { origin: 'https://github.com/acme/widgets.git' });
// Private: shown as "a private repository". One commit shares February 1st with the fixture's +09:00 commit.
const secret = buildRepo(
  [
    { author: ADA, date: '2024-02-01T10:00:00+09:00', message: 'Add zebrafish tracking to Project Okapi\n', files: { 'okapi-core/zebrafish.py': lines(9) } },
    {
      author: ADA,
      date: '2024-05-02T10:00:00+00:00',
      message: 'fix: okapi zebrafish crash\n\nFixes: 0123abcd ("okapi")\n',
      files: { 'okapi-core/zebrafish.py': lines(10) },
    },
  ],
  { dir: join(tempDir(), 'okapi-secret'), origin: 'git@github.com:zebracorp/okapi-secret.git' },
);
// Private under a chosen label.
const aliased = buildRepo(
  [{ author: ADA, date: '2024-06-03T09:00:00+02:00', message: 'Implement quokka ledger reconciliation\n', files: { 'quokka-ledger/reconcile.go': lines(6) } }],
  { dir: join(tempDir(), 'quokka-ledger'), origin: 'https://github.com/wallabyco/quokka-ledger.git' },
);
const content = tempDir('engfolio-git-site-');
const said: string[] = [];
const status = await importGit(
  [widgets, secret, aliased, '--author', 'ada@work.example', '--private', secret, '--alias', `${aliased}=Client work`, '--content', content],
  (l) => said.push(l),
);
if (status !== 0) throw new Error(`import:git failed:\n${said.join('\n')}`);
const site = await builtSite({ content });

afterAll(() => {
  for (const dir of [widgets, join(secret, '..'), join(aliased, '..'), content]) rmSync(dir, { recursive: true, force: true });
});

type Node = { nodeName: string; value?: string; childNodes?: Node[]; attrs?: { name: string; value: string }[] };

/** The element with `id` in a parsed document, or undefined. */
function byId(root: Node, id: string): Node | undefined {
  if (root.attrs?.some((a) => a.name === 'id' && a.value === id)) return root;
  for (const c of root.childNodes ?? []) {
    const found = byId(c, id);
    if (found) return found;
  }
  return undefined;
}

/** Every element named `name` below `root`. */
function all(root: Node, name: string, out: Node[] = []): Node[] {
  if (root.nodeName === name) out.push(root);
  for (const c of root.childNodes ?? []) all(c, name, out);
  return out;
}

function text(n: Node): string {
  return n.nodeName === '#text' ? (n.value ?? '') : (n.childNodes ?? []).map(text).join('');
}

function attr(n: Node, name: string): string | undefined {
  return n.attrs?.find((a) => a.name === name)?.value;
}

/** Every file under `dir`, relative path → absolute path. */
function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), p);
    }
  };
  walk(dir);
  return out;
}

describe('a profile imported from git, built for real', () => {
  const html = readFileSync(join(site, SLUG, 'index.html'), 'utf8');
  const doc = parse(html) as unknown as Node;

  it('shows the day heatmap of the imported activity, with titled cells and the right counts', () => {
    const activity = byId(doc, 'activity');
    expect(activity).toBeDefined();
    const charts = all(activity!, 'div').filter((d) => attr(d, 'class')?.split(' ').includes('day-chart'));
    // Both metrics in one drawing (the switch picks the colours).
    expect(charts.map((d) => attr(d, 'aria-label'))).toEqual(['Commits per day in 2024 · Features per day in 2024 (scrolls sideways)']);
    const calendars = charts.flatMap((d) => all(d, 'svg'));
    expect(calendars.length).toBe(1);
    const titles = calendars.flatMap((svg) => all(svg, 'title').map(text));
    // 23:30 −08:00 on January 31st and 16:30 +09:00 on February 1st: the same UTC instant, two days.
    // February 1st also has the private repository's commit: 2 commits, both features.
    expect(titles).toContain('Wed, Jan 31: 1 commit, 0 features');
    expect(titles).toContain('Thu, Feb 1: 2 commits, 2 features');
    expect(titles).toContain('Wed, Jan 10: 1 commit, 1 feature');
    expect(titles).toContain('Mon, Jun 3: 1 commit, 1 feature');
    // Every imported day has exactly its cell.
    const csv = readFileSync(join(content, 'activity', `${SLUG}.csv`), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    expect(csv.length).toBe(11);
    const counted = titles.filter((t) => /: \d+ commits?/.test(t));
    expect([counted.length, new Set(counted).size]).toEqual([csv.length, csv.length]);
  });

  it("draws a month's days on its month page, and only there where the profile records days of it", () => {
    const january = readFileSync(join(site, SLUG, '2024-01', 'index.html'), 'utf8');
    expect(january).toContain('class="month-grid"');
    expect(january).toContain('Commits per day in January 2024');
    expect(january).toContain('<title>Wed, Jan 10: 1 commit, 1 feature</title>');
    expect(january).toContain('<title>Wed, Jan 31: 1 commit, 0 features</title>');
    const months = readdirSync(join(site, SLUG)).filter((f) => /^\d{4}-\d{2}$/.test(f));
    const csv = readFileSync(join(content, 'activity', `${SLUG}.csv`), 'utf8');
    for (const m of months) {
      const html = readFileSync(join(site, SLUG, m, 'index.html'), 'utf8');
      expect(html.includes('class="month-grid"'), m).toBe(csv.includes(`\n${m}-`));
    }
  });

  it('carries the methodology note', () => {
    const method = byId(doc, 'methodology');
    expect(method).toBeDefined();
    const t = text(method!).replace(/\s+/g, ' ');
    expect(t).toContain("in the author's own recorded UTC offset");
    expect(t).toContain('Conventional Commit');
    expect(t).toContain('counted on the day they record');
  });

  it('has a page for every imported month, with its figures', () => {
    const months = readdirSync(join(content, 'months', SLUG))
      .map((f) => f.slice(0, 7))
      .sort();
    expect(months).toEqual(['2024-01', '2024-02', '2024-03', '2024-05', '2024-06']);
    for (const m of months) expect(statSync(join(site, SLUG, m, 'index.html')).isFile()).toBe(true);
    const feb = parse(readFileSync(join(site, SLUG, '2024-02', 'index.html'), 'utf8')) as unknown as Node;
    const febText = text(feb).replace(/\s+/g, ' ');
    expect(febText).toContain('acme/widgets');
    expect(febText).toContain('a private repository');
  });

  it('has a year in review with the languages and the hours of every repository, private ones too, in the author’s own time', () => {
    const year = readFileSync(join(site, SLUG, '2024', 'index.html'), 'utf8');
    // widgets: TypeScript 4, TSX 2; the private repository: Python 2; the aliased one: Go 1.
    expect(year).toContain('aria-label="Languages in 2024: TypeScript 44.4%, Python 22.2%, TSX 22.2%, Go 11.1%."');
    // Monday 12:00 three times (two February commits, one in March); Thursday 10:00 in +09:00 and +00:00.
    expect(year).toContain('aria-label="Commits by weekday and hour in 2024, in the author\'s own time: 12 commits; busiest Mon 12:00 (3)."');
    expect(year).toContain('<title>Thu 10:00–10:59: 2 commits</title>');
    expect(year).toContain('<title>Wed 23:00–23:59: 1 commit</title>');
  });

  it('shows a private repository as "a private repository" and an aliased one by its label', () => {
    const page = text(doc).replace(/\s+/g, ' ');
    expect(page).toContain('a private repository');
    expect(page).toContain('Client work');
    expect(page).toContain('acme/widgets');
  });

  it('lets no name, path or commit subject of a private repository into any file of the built site', () => {
    const secrets = [secret, aliased, 'okapi', 'zebra', 'quokka', 'wallaby', 'ledger', 'reconcil', 'Project Okapi', 'zebrafish tracking'].map((s) =>
      s.toLowerCase(),
    );
    const built = files(site);
    const kinds = new Set([...built.keys()].map((f) => extname(f)));
    for (const ext of ['.html', '.json', '.xml', '.svg']) expect(kinds).toContain(ext);
    const leaks: string[] = [];
    for (const [file, path] of built) {
      const body = readFileSync(path, 'latin1').toLowerCase();
      for (const s of secrets) if (body.includes(s)) leaks.push(`${file}: ${s}`);
    }
    expect(leaks).toEqual([]);
    // The same scan does find what is public: the public repository's name and subjects, in every format.
    const found = new Set<string>();
    for (const [file, path] of built) {
      const body = readFileSync(path, 'latin1');
      if (body.includes('acme/widgets')) found.add(extname(file));
      if (body.includes('add user endpoint')) found.add(`subject${extname(file)}`);
    }
    for (const kind of ['.html', '.json', '.xml', 'subject.html']) expect(found).toContain(kind);
    // The content the site was built from, too (people commit it to public repositories).
    for (const [file, path] of files(content)) {
      const body = readFileSync(path, 'utf8').toLowerCase();
      for (const s of secrets) if (body.includes(s)) leaks.push(`content ${file}: ${s}`);
    }
    expect(leaks).toEqual([]);
  });
});
