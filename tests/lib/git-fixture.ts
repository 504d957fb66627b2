// Builds git repositories for the git importer's tests from a list of commits with fixed authors, dates
// and offsets, through one `git fast-import` run (deterministic, fast, no dependence on the clock).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FixtureCommit {
  /** Mark name so later commits can merge it or a revert can name it. */
  id?: string;
  author: string;
  /** `YYYY-MM-DDTHH:MM:SS±HH:MM`: the author's local time and offset. */
  date: string;
  message: string;
  /** Path → content (string, or Buffer for binary); null deletes. */
  files?: Record<string, string | Buffer | null>;
  renames?: [string, string][];
  /** Branch to commit on (default main). */
  branch?: string;
  /** Ids of commits to merge into this one. */
  merge?: string[];
}

const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C' };

/** Runs git in `cwd` and returns stdout. */
export function git(cwd: string, args: string[], input?: string | Buffer): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

function epochAndOffset(date: string): [number, string] {
  const m = /^(\d{4,5})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)([+-])(\d\d):(\d\d)$/.exec(date);
  if (!m) throw new Error(`bad fixture date ${date}`);
  const [, y, mo, d, h, mi, s, sign, oh, om] = m;
  const local = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!) / 1000;
  const offset = (sign === '-' ? -1 : 1) * (+oh! * 3600 + +om! * 60);
  return [local - offset, `${sign}${oh}${om}`];
}

/** Returns a new temp folder. */
export function tempDir(prefix = 'engfolio-git-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Creates a repository at `dir` (a fresh temp dir by default) with the commits, HEAD on main, worktree checked out. */
export function buildRepo(commits: FixtureCommit[], opts: { dir?: string; origin?: string } = {}): string {
  const dir = opts.dir ?? tempDir();
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q', '-b', 'main']);
  const chunks: Buffer[] = [];
  const w = (s: string) => chunks.push(Buffer.from(s));
  const marks = new Map<string, number>();
  const tips = new Map<string, number>();
  let mark = 0;
  for (const c of commits) {
    const branch = c.branch ?? 'main';
    const [epoch, offset] = epochAndOffset(c.date);
    mark++;
    if (c.id) marks.set(c.id, mark);
    w(`commit refs/heads/${branch}\nmark :${mark}\n`);
    w(`author ${c.author} ${epoch} ${offset}\ncommitter ${c.author} ${epoch} ${offset}\n`);
    const msg = Buffer.from(c.message);
    w(`data ${msg.length}\n`);
    chunks.push(msg);
    w('\n');
    const tip = tips.get(branch);
    if (tip !== undefined) w(`from :${tip}\n`);
    else if (branch !== 'main' && tips.has('main')) w(`from :${tips.get('main')}\n`);
    for (const id of c.merge ?? []) w(`merge :${marks.get(id)}\n`);
    for (const [from, to] of c.renames ?? []) w(`R "${from}" "${to}"\n`);
    for (const [path, content] of Object.entries(c.files ?? {})) {
      if (content === null) {
        w(`D "${path}"\n`);
        continue;
      }
      const buf = Buffer.isBuffer(content) ? content : Buffer.from(content);
      w(`M 100644 inline "${path}"\ndata ${buf.length}\n`);
      chunks.push(buf);
      w('\n');
    }
    w('\n');
    tips.set(branch, mark);
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, env: GIT_ENV, input: Buffer.concat(chunks), stdio: ['pipe', 'pipe', 'pipe'] });
  git(dir, ['reset', '-q', '--hard', 'main']);
  if (opts.origin) git(dir, ['remote', 'add', 'origin', opts.origin]);
  return dir;
}

/** `n` numbered lines of text. */
export function lines(n: number, prefix = 'line'): string {
  return Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}\n`).join('');
}

const ADA_WORK = 'Ada Lovelace <ada@work.example>';
const ADA_HOME = 'A. Lovelace <ada@home.example>';
const BOB = 'Bob Babbage <bob@example.com>';

/** The main fixture's commits: see tests/cli/import-git.test.ts for the figures they must give. */
export function widgetCommits(): FixtureCommit[] {
  const users = lines(10, 'user');
  return [
    {
      author: BOB,
      date: '2024-01-09T12:00:00+00:00',
      message: 'Initial docs\n',
      files: {
        '.mailmap': 'Ada Lovelace <ada@work.example> A. Lovelace <ada@home.example>\n',
        'docs/intro.md': lines(4),
        'package.json': '{"version":"1.1.0"}\n',
      },
    },
    {
      author: ADA_WORK,
      date: '2024-01-10T10:00:00+01:00',
      message: 'feat(api): add user endpoint\n',
      files: { 'src/api/users.ts': users, 'README.md': lines(3, 'readme') },
    },
    {
      author: ADA_HOME,
      // 23:30 −08:00 on the last day of January: 07:30 UTC on February 1st.
      date: '2024-01-31T23:30:00-08:00',
      message: 'fix: handle empty user list\n',
      files: { 'src/api/users.ts': users.replace('user 3\n', 'user three\n') + 'user 11\n' },
    },
    {
      id: 'search',
      author: ADA_WORK,
      // 16:30 +09:00 on February 1st: the same UTC instant as the commit before, another day and month.
      date: '2024-02-01T16:30:00+09:00',
      message: 'Add search page\n',
      files: { 'web/search.tsx': lines(5, 'search') },
    },
    {
      author: ADA_WORK,
      date: '2024-02-05T12:00:00+00:00',
      message: 'vendor: update lodash\n',
      files: { 'vendor/lodash.js': lines(50, 'lodash'), 'package-lock.json': lines(20, 'lock') },
    },
    {
      author: ADA_WORK,
      date: '2024-02-10T12:00:00+00:00',
      message: 'Rename users module\n',
      renames: [['src/api/users.ts', 'src/api/people.ts']],
      files: { 'src/api/people.ts': users.replace('user 3\n', 'user three\n').replace('user 5\n', 'user five\n') + 'user 11\n' },
    },
    {
      author: ADA_WORK,
      date: '2024-02-12T12:00:00+00:00',
      message: 'Revert "Add search page"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.\n',
      files: { 'web/search.tsx': null },
    },
    {
      id: 'topic',
      branch: 'topic',
      author: ADA_WORK,
      date: '2024-02-20T12:00:00+00:00',
      message: 'Parser: crash on empty input (fixes #12)\n',
      files: { 'src/parser/parse.ts': lines(4, 'parse') },
    },
    {
      author: BOB,
      date: '2024-02-21T09:00:00+00:00',
      message: 'Update intro\n',
      files: { 'docs/intro.md': lines(5) },
    },
    {
      author: ADA_WORK,
      date: '2024-02-21T12:00:00+00:00',
      message: "Merge branch 'topic'\n",
      merge: ['topic'],
      files: { 'src/parser/parse.ts': lines(4, 'parse') },
    },
    {
      author: ADA_WORK,
      date: '2024-03-03T12:00:00+00:00',
      message: 'Bump version to 1.2.0\n',
      files: { 'package.json': '{"version":"1.2.0"}\n' },
    },
    {
      author: ADA_WORK,
      date: '2024-03-04T12:00:00+00:00',
      message: 'Add logo\n',
      files: { 'assets/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0, 0, 255, 254]) },
    },
  ];
}
