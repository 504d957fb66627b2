// `engfolio update` end to end, with real git: "remote" repositories made here and reached by file://
// URL (one by a local path), a site whose profiles list them as sources, and the command run as a user
// runs it. Asserted: the first update, an update after new commits, one with nothing new, a remote that
// is gone, a private source (nothing of it anywhere), a token (sent, never printed or stored), --dry-run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildRepo, git, lines, tempDir } from '../lib/git-fixture.ts';
import { makeTestSite, removeTestSite, runEngfolio, spawnedEnv } from '../support/test-site.ts';
import { spawn } from 'node:child_process';
import { askForCredentials, makeCertificate, testServer } from '../support/https-server.ts';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';

const temps: string[] = [];
const sites: string[] = [];
afterAll(() => {
  temps.forEach((d) => rmSync(d, { recursive: true, force: true }));
  sites.forEach(removeTestSite);
});
const temp = (): string => {
  const d = tempDir();
  temps.push(d);
  return d;
};

const ADA = 'Ada Lovelace <ada@work.example>';
const BOB = 'Bob Babbage <bob@work.example>';

/** A repository that serves partial clones (as GitHub does). */
function remote(commits: Parameters<typeof buildRepo>[0]): string {
  const dir = buildRepo(commits);
  git(dir, ['config', 'uploadpack.allowFilter', 'true']);
  git(dir, ['config', 'uploadpack.allowAnySHA1InWant', 'true']);
  return dir;
}

/** Adds a commit to a fixture repository (its work tree is checked out). */
function commit(dir: string, author: string, date: string, message: string, files: Record<string, string>): void {
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
    git(dir, ['add', p]);
  }
  const [, name, email] = /^(.*) <(.*)>$/.exec(author)!;
  git(dir, ['-c', `user.name=${name}`, '-c', `user.email=${email}`, 'commit', '-q', '-m', message, '--date', date], undefined);
}

/** Every file under `dir`: relative path → text and modification time. */
function snapshot(dir: string): Map<string, { text: string; mtime: number }> {
  const out = new Map<string, { text: string; mtime: number }>();
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const p = join(e.parentPath, e.name);
    out.set(relative(dir, p), { text: readFileSync(p, 'utf8'), mtime: statSync(p).mtimeMs });
  }
  return out;
}

function profile(name: string, sources: string): string {
  return `---\nname: ${name}\nsource: git\nsources:\n${sources}---\n`;
}

/** The private repository's address is not in the content: the profile names the variable that holds it. */
let privateEnv: NodeJS.ProcessEnv = {};

/** Runs `engfolio update` in the site; `out` is stdout, `err` stderr. */
const update = (site: string, args: string[] = [], env: NodeJS.ProcessEnv = {}) => runEngfolio(site, ['update', ...args], { ...privateEnv, ...env });

describe('engfolio update', () => {
  let site: string;
  let content: string;
  let widgets: string;
  let tools: string;
  let secret: string;
  let local: string;
  /** The profiles as written before any update. */
  const written = new Map<string, string>();

  beforeAll(() => {
    widgets = remote([
      { author: ADA, date: '2024-01-10T10:00:00+01:00', message: 'api: add user endpoint\n', files: { 'src/api/users.ts': lines(10) } },
      { author: ADA, date: '2024-02-03T09:00:00-05:00', message: 'api: fix pagination\n', files: { 'src/api/users.ts': lines(12) } },
      { author: BOB, date: '2024-02-04T09:00:00+00:00', message: 'web: restyle\n', files: { 'web/app.css': lines(3) } },
    ]);
    tools = remote([{ author: BOB, date: '2024-03-01T12:00:00+00:00', message: 'Add the linter\n', files: { 'cmd/lint/main.go': lines(5) } }]);
    secret = remote([
      {
        author: ADA,
        date: '2024-02-20T08:00:00+00:00',
        message: 'Implement quokka ledger reconciliation\n',
        files: { 'quokka-ledger/reconcile.go': lines(6) },
      },
    ]);
    local = buildRepo([{ author: ADA, date: '2024-03-15T12:00:00+00:00', message: 'Notes from the offsite\n', files: { 'notes/offsite.md': lines(2) } }]);
    for (const d of [widgets, tools, secret, local]) temps.push(d);
    privateEnv = { ADA_PRIVATE_REPO: `file://${secret}` };
    // The content is the site's own content/ folder; a local source's path is relative to the site's root.
    site = makeTestSite({ content: 'content' });
    sites.push(site);
    content = join(site, 'content');
    mkdirSync(join(content, 'profiles'), { recursive: true });
    written.set(
      'ada.md',
      profile(
        'Ada Lovelace',
        `  - git: file://${widgets}\n    authors: [ada@work.example]\n    name: acme/widgets\n  - git: env:ADA_PRIVATE_REPO\n    authors: [ada@work.example]\n    private: true\n  - git: ${relative(site, local)}\n    authors: [ada@work.example]\n    name: ada/notes\n`,
      ),
    );
    written.set(
      'bob.md',
      profile(
        'Bob Babbage',
        `  - git: file://${widgets}\n    authors: [bob@work.example]\n    name: acme/widgets\n  - git: file://${tools}\n    authors: [bob@work.example]\n    name: acme/tools\n`,
      ),
    );
    for (const [name, text] of written) writeFileSync(join(content, 'profiles', name), text);
  });

  it('fetches every source once, and imports each profile as import-git does', () => {
    const r = update(site);
    expect(r.code, r.err).toBe(0);
    expect(r.err.split('\n').filter((l) => /^(ada|bob): /.test(l))).toEqual([
      'ada: acme/widgets: first read, 2 months changed',
      'ada: a private repository: first read, 1 month changed',
      'ada: ada/notes: first read, 1 month changed',
      'bob: acme/widgets: first read, 1 month changed',
      'bob: acme/tools: first read, 1 month changed',
    ]);
    expect(r.err).toContain('update: 2 profiles');
    const feb = readFileSync(join(content, 'months', 'ada', '2024-02.md'), 'utf8');
    expect(feb).toMatch(/^commits: 2$/m);
    expect(feb).toContain('repositories:\n  - a private repository\n  - acme/widgets\n');
    // One clone per remote repository, shared by the profiles that list it.
    expect(readdirSync(join(site, '.engfolio', 'repos')).filter((f) => f.endsWith('.git'))).toHaveLength(3);
  });

  it('changes nothing when nothing is new', () => {
    const before = snapshot(content);
    const r = update(site);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('ada: acme/widgets: no new commits');
    expect(r.err).toContain('profile "ada": up to date, no file changed');
    expect(r.err).toContain('profile "bob": up to date, no file changed');
    expect(snapshot(content)).toEqual(before);
  });

  it('after new commits in one remote, changes only the months and files they touch', () => {
    const before = snapshot(content);
    commit(tools, BOB, '2024-04-02T10:00:00+00:00', 'Lint YAML too', { 'cmd/lint/yaml.go': lines(4) });
    const r = update(site);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('bob: acme/tools: 1 new commit, 1 month changed');
    const after = snapshot(content);
    const changed = [...after.keys()].filter((k) => before.get(k)?.text !== after.get(k)!.text).sort();
    expect(changed).toEqual(['activity/bob.csv', 'git-import/bob.json', 'months/bob/2024-04.md', 'profiles/bob.md']);
    for (const k of before.keys()) if (k.startsWith('months/ada') || k.startsWith('profiles/ada')) expect(after.get(k)).toEqual(before.get(k));
  });

  it('with --dry-run says what would change and writes nothing', () => {
    commit(widgets, ADA, '2024-05-06T10:00:00+00:00', 'api: add search\n', { 'src/api/search.ts': lines(3) });
    const before = snapshot(content);
    const r = update(site, ['--dry-run']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`would write ${relative(site, join(content, 'months', 'ada', '2024-05.md'))}`);
    expect(r.err).toContain('(dry run: nothing written)');
    expect(snapshot(content)).toEqual(before);
  });

  it('names a remote that is gone in one line, still updates the others, keeps its months, and exits 1', () => {
    const gone = `${tools}.gone`;
    renameSync(tools, gone);
    try {
      const r = update(site);
      expect(r.code).toBe(1);
      const errors = r.err.split('\n').filter((l) => l.includes('error:'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^bob: error: acme\/tools: could not be fetched: /);
      // Ada's update went on: the commit of the dry run above is in.
      expect(readFileSync(join(content, 'months', 'ada', '2024-05.md'), 'utf8')).toMatch(/^commits: 1$/m);
      // Bob's months from acme/tools are still there.
      expect(readFileSync(join(content, 'months', 'bob', '2024-04.md'), 'utf8')).toMatch(/^commits: 1$/m);
      expect(readFileSync(join(content, 'months', 'bob', '2024-03.md'), 'utf8')).toMatch(/^commits: 1$/m);
    } finally {
      renameSync(gone, tools);
    }
  });

  it('lets nothing of a private source into the content, the site, the cache or the output', () => {
    const r = update(site);
    const built = runEngfolio(site, ['build'], privateEnv);
    expect(built.code, built.err).toBe(0);
    const needles = ['quokka', 'Quokka', 'reconcil', secret, relative(site, secret)];
    const haystacks: [string, string][] = [
      ['output', r.out + r.err + built.out + built.err],
      ...[...snapshot(content)].map(([k, v]): [string, string] => [`content/${k}`, v.text]),
      ...[...snapshot(join(site, 'dist'))].map(([k, v]): [string, string] => [`dist/${k}`, v.text]),
      ...readdirSync(join(site, '.engfolio', 'repos'))
        .filter((f) => f.endsWith('.git'))
        .map((f): [string, string] => [`cache ${f}/config`, readFileSync(join(site, '.engfolio', 'repos', f, 'config'), 'utf8')]),
    ];
    expect(haystacks.filter(([where]) => where.startsWith('cache '))).toHaveLength(3);
    for (const [where, text] of haystacks) for (const needle of needles) expect(text.includes(needle), `${needle} in ${where}`).toBe(false);
  });

  it('writes, run after run, what one first update writes, byte for byte, in any time zone', () => {
    // The same profiles in a new site with no cache, updated once in a time zone far from UTC.
    const fresh = makeTestSite({ content: 'content' });
    sites.push(fresh);
    mkdirSync(join(fresh, 'content'), { recursive: true });
    cpSync(join(content, 'profiles'), join(fresh, 'content', 'profiles'), { recursive: true });
    for (const [name, text] of written) {
      // A local source's path is relative to the site: point it at the same folder.
      writeFileSync(join(fresh, 'content', 'profiles', name), text.replace(`git: ${relative(site, local)}`, `git: ${relative(fresh, local)}`));
    }
    const r = update(fresh, [], { TZ: 'Pacific/Kiritimati' });
    expect(r.code, r.err).toBe(0);
    const mine = snapshot(content);
    const theirs = snapshot(join(fresh, 'content'));
    expect([...theirs.keys()].sort()).toEqual([...mine.keys()].sort());
    for (const [k, v] of theirs) if (!k.startsWith('profiles/')) expect(v.text, k).toBe(mine.get(k)!.text);
    const withoutSources = (text: string): string => text.replace(/^sources:\n(?: {2}.*\n)+/m, '');
    for (const k of ['profiles/ada.md', 'profiles/bob.md']) expect(withoutSources(theirs.get(k)!.text)).toBe(withoutSources(mine.get(k)!.text));
  });
});

describe('a token for private repositories', () => {
  const token = 'ghp_SECRETtoken1234567890';
  const basic = `Basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
  let tls: { cert: string; key: string };
  beforeAll(() => {
    tls = makeCertificate(temp());
  });

  /** Runs `engfolio update` as a process (the servers must answer while it runs) in a site whose one profile lists `git`. */
  async function updateWith(
    git: string,
    options: Record<string, unknown> = {},
    args: string[] = [],
  ): Promise<{ code: number | null; out: string; site: string }> {
    const content = join(temp(), 'content');
    mkdirSync(join(content, 'profiles'), { recursive: true });
    writeFileSync(join(content, 'profiles', 'ada.md'), profile('Ada Lovelace', `  - git: ${git}\n    authors: [ada@work.example]\n    name: acme/internal\n`));
    const site = makeTestSite({ content, options });
    sites.push(site);
    const r = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, [join(process.cwd(), 'src', 'cli', 'bin.ts'), 'update', ...args], {
        cwd: site,
        env: spawnedEnv({ ENGFOLIO_GIT_TOKEN: token, GIT_SSL_CAINFO: tls.cert }),
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      child.on('close', (code) => resolve({ code, out }));
    });
    return { ...r, site };
  }

  it('is sent over https to a host the site names for it, and never printed, logged or stored', async () => {
    const server = await testServer(askForCredentials, tls);
    const r = await updateWith(`https://127.0.0.1:${server.port}/acme/internal.git`, { update: { tokenHosts: [`127.0.0.1:${server.port}`] } });
    await server.close();
    expect(r.code).toBe(1);
    expect(r.out).toContain('ada: error: acme/internal: could not be fetched');
    expect(server.seen.some((s) => s.headers.authorization === basic)).toBe(true);
    const base64 = basic.slice('Basic '.length);
    expect(r.out).not.toContain(token);
    expect(r.out).not.toContain(base64);
    const repos = join(r.site, '.engfolio', 'repos');
    for (const e of readdirSync(repos, { withFileTypes: true, recursive: true })) {
      if (!e.isFile()) continue;
      const text = readFileSync(join(e.parentPath, e.name), 'latin1');
      expect(text.includes(token) || text.includes(base64), join(e.parentPath, e.name)).toBe(false);
    }
  });

  it('is not sent to a host the site does not name (by default, none but github.com), though the server asks', async () => {
    const server = await testServer(askForCredentials, tls);
    const r = await updateWith(`https://127.0.0.1:${server.port}/acme/internal.git`);
    await server.close();
    expect(r.code).toBe(1);
    expect(server.seen.length).toBeGreaterThan(0);
    expect(server.seen.filter((s) => s.headers.authorization !== undefined)).toEqual([]);
  });

  it('is never sent over plain http, even to a host named for it', async () => {
    const server = await testServer(askForCredentials);
    const r = await updateWith(`http://127.0.0.1:${server.port}/acme/internal.git`, { update: { tokenHosts: [`127.0.0.1:${server.port}`] } });
    await server.close();
    expect(r.code).toBe(1);
    expect(server.seen.length).toBeGreaterThan(0);
    expect(server.seen.filter((s) => s.headers.authorization !== undefined)).toEqual([]);
  });

  it('does not follow a redirect to another host, before or after the named host took it', async () => {
    const elsewhere = await testServer(askForCredentials, tls);
    // `localhost` is another host than `127.0.0.1` to git and curl, though the same machine.
    const redirectAtOnce = await testServer((req, res) => {
      res.statusCode = 302;
      res.setHeader('location', `https://localhost:${elsewhere.port}${req.url}`);
      res.end();
    }, tls);
    const redirectOnceAuthorized = await testServer((req, res) => {
      if (!req.headers.authorization) return askForCredentials(req, res);
      res.statusCode = 302;
      res.setHeader('location', `https://localhost:${elsewhere.port}${req.url}`);
      res.end();
    }, tls);
    for (const named of [redirectAtOnce, redirectOnceAuthorized]) {
      const r = await updateWith(`https://127.0.0.1:${named.port}/acme/internal.git`, { update: { tokenHosts: [`127.0.0.1:${named.port}`] } });
      expect(r.code).toBe(1);
    }
    await Promise.all([elsewhere.close(), redirectAtOnce.close(), redirectOnceAuthorized.close()]);
    expect(redirectOnceAuthorized.seen.some((s) => s.headers.authorization === basic)).toBe(true);
    expect(elsewhere.seen.length).toBeGreaterThan(0);
    expect(elsewhere.seen.filter((s) => s.headers.authorization !== undefined)).toEqual([]);
  });

  it('in a query string or before "@" of any address is refused, and the address is shown without it', async () => {
    const server = await testServer(askForCredentials, tls);
    // From the environment (check refuses it in the content): the one way such an address reaches update.
    const content = join(temp(), 'content');
    mkdirSync(join(content, 'profiles'), { recursive: true });
    writeFileSync(
      join(content, 'profiles', 'ada.md'),
      profile('Ada Lovelace', `  - git: env:ADA_REPO\n    authors: [ada@work.example]\n    name: acme/internal\n`),
    );
    const site = makeTestSite({ content });
    sites.push(site);
    for (const address of [
      `https://127.0.0.1:${server.port}/acme/internal.git?private_token=${token}`,
      `ftps://${token}@127.0.0.1:${server.port}/acme/internal.git`,
    ]) {
      const r = update(site, [], { ADA_REPO: address });
      expect(r.code).toBe(1);
      expect(r.err).toMatch(
        /^ada: error: acme\/internal: expected the environment variable ADA_REPO to hold a repository address without (a query string|a user name or token)/m,
      );
      expect(r.err + r.out).not.toContain(token);
    }
    await server.close();
    expect(server.seen).toEqual([]);
  });
});

describe('engfolio update after a repository moved upstream', () => {
  it('counts it once under its new name and address (a rename or transfer upstream is the same history)', () => {
    const origin = remote([
      { author: ADA, date: '2025-01-06T10:00:00+00:00', message: 'engine: start\n', files: { 'src/a.c': 'int a;\n' } },
      { author: ADA, date: '2025-02-03T10:00:00+00:00', message: 'engine: grow\n', files: { 'src/b.c': 'int b;\n' } },
      { author: ADA, date: '2025-02-04T10:00:00+00:00', message: 'engine: fix\n', files: { 'src/c.c': 'int c;\n' } },
    ]);
    const site = makeTestSite({ content: 'content' });
    sites.push(site);
    const file = join(site, 'content', 'profiles', 'ada.md');
    mkdirSync(join(site, 'content', 'profiles'), { recursive: true });
    writeFileSync(file, profile('Ada Lovelace', `  - git: file://${origin}\n    authors: [ada@work.example]\n    name: acme/engine\n`));
    expect(update(site).code).toBe(0);
    // Moved: another address (a copy of the same history) and another owner.
    const moved = join(temp(), 'engine-moved.git');
    git(origin, ['clone', '-q', '--bare', origin, moved]);
    writeFileSync(file, profile('Ada Lovelace', `  - git: file://${moved}\n    authors: [ada@work.example]\n    name: newco/engine\n`));
    const r = update(site);
    expect(r.code, r.err).toBe(0);
    const months = readdirSync(join(site, 'content', 'months', 'ada')).map((f) => {
      const fm = parseFrontmatter(readFileSync(join(site, 'content', 'months', 'ada', f), 'utf8'));
      if (!('data' in fm)) throw new Error(fm.message);
      return [fm.data.commits, fm.data.repositories];
    });
    expect(months).toEqual([
      [1, ['newco/engine']],
      [2, ['newco/engine']],
    ]);
    expect(readFileSync(file, 'utf8').match(/^ {2}- name: .*$/gm)).toEqual(['  - name: newco/engine']);
  });
});

describe('engfolio update on what real sites hold', () => {
  /** A site whose one profile, ada, is `profileText`; returns the site. */
  function siteWith(profileText: string): string {
    const site = makeTestSite({ content: 'content' });
    sites.push(site);
    mkdirSync(join(site, 'content', 'profiles'), { recursive: true });
    writeFileSync(join(site, 'content', 'profiles', 'ada.md'), profileText);
    return site;
  }
  const commitsOf = (site: string, month: string): number =>
    Number(/^commits: (\d+)$/m.exec(readFileSync(join(site, 'content', 'months', 'ada', `${month}.md`), 'utf8'))![1]);

  it('joins two entries for one repository (one per email): every commit of both counts', () => {
    const repo = remote([
      ...Array.from({ length: 5 }, (_, i) => ({
        author: ADA,
        date: `2024-01-1${i}T10:00:00+00:00`,
        message: `Work ${i}\n`,
        files: { [`a${i}.txt`]: lines(1) },
      })),
      ...Array.from({ length: 3 }, (_, i) => ({
        author: 'Ada Lovelace <ada@home.example>',
        date: `2024-01-2${i}T10:00:00+00:00`,
        message: `Evening ${i}\n`,
        files: { [`b${i}.txt`]: lines(1) },
      })),
    ]);
    temps.push(repo);
    const address = `file://${repo}`;
    const site = siteWith(
      profile(
        'Ada Lovelace',
        `  - git: ${address}\n    authors: [ada@work.example]\n    name: ada/work\n  - git: ${address}\n    authors: [ada@home.example]\n    name: ada/work\n`,
      ),
    );
    const r = update(site);
    expect(r.code, r.err).toBe(0);
    expect(commitsOf(site, '2024-01')).toBe(8);
    // The same history under two addresses is one repository: the second is named, not counted again.
    const clone = temp();
    git(clone, ['clone', '-q', '--bare', repo, join(clone, 'copy.git')]);
    const twice = siteWith(
      profile(
        'Ada Lovelace',
        `  - git: ${address}\n    authors: [ada@work.example]\n    name: ada/work\n  - git: file://${join(clone, 'copy.git')}\n    authors: [ada@home.example]\n    name: ada/copy\n`,
      ),
    );
    const r2 = update(twice);
    expect(r2.code).toBe(1);
    expect(r2.err).toContain(
      'ada: error: ada/copy: the same repository (history) as ada/work: expected one entry for a repository, with all its authors in `authors`',
    );
    expect(commitsOf(twice, '2024-01')).toBe(5);
  });

  it('keeps every comment of the hand-written profile, and changes only what the import owns', () => {
    const repo = remote([{ author: ADA, date: '2024-03-01T10:00:00+00:00', message: 'api: add search\n', files: { 'src/search.ts': lines(3) } }]);
    temps.push(repo);
    const before = `---\n# Ada's profile (the README's example)\nname: Ada Lovelace # as on her papers\nheadline: Engineer\nsource: git\nsources:\n  # her work, read every week\n  - git: file://${repo}\n    authors: [ada@work.example] # and no other\n    name: acme/search\n---\n\nMy own words.\n`;
    const site = siteWith(before);
    expect(update(site).code).toBe(0);
    const after = readFileSync(join(site, 'content', 'profiles', 'ada.md'), 'utf8');
    expect(after.startsWith(before.slice(0, before.indexOf('---\n\nMy own words.')))).toBe(true);
    expect(after).toMatch(/^skills:\n {2}languages:\n {4}- TypeScript\n/m);
    expect(after.endsWith('---\n\nMy own words.\n')).toBe(true);
  });

  it('writes nothing when a first run reads nothing', () => {
    const site = siteWith(profile('Ada Lovelace', `  - git: ./no-such-repository\n    authors: [ada@work.example]\n    name: ada/gone\n`));
    const before = snapshot(join(site, 'content'));
    const r = update(site);
    expect(r.code).toBe(1);
    expect(r.err).toContain('profile "ada": nothing read, no file written');
    expect(snapshot(join(site, 'content'))).toEqual(before);
  });

  it('removes what a killed run left half-written', () => {
    const repo = remote([{ author: ADA, date: '2024-03-01T10:00:00+00:00', message: 'Start\n', files: { 'a.txt': lines(1) } }]);
    temps.push(repo);
    const site = siteWith(profile('Ada Lovelace', `  - git: file://${repo}\n    authors: [ada@work.example]\n    name: ada/a\n`));
    mkdirSync(join(site, 'content', 'months', 'ada'), { recursive: true });
    // Named as writeFileAtomic names them, by a process that is gone (pids stop below 2^22 on Linux).
    const stale = [
      join(site, 'content', 'months', 'ada', '.2024-03.md.4999999.1733000000000.tmp'),
      join(site, 'content', 'profiles', '.ada.md.4999998.1733000000000.tmp'),
    ];
    for (const f of stale) writeFileSync(f, '');
    expect(update(site).code).toBe(0);
    expect(readdirSync(join(site, 'content'), { recursive: true }).filter((f) => String(f).endsWith('.tmp'))).toEqual([]);
  });

  it('shows a local path by its folder, with no owner unless `name` gives one', () => {
    const dir = join(temp(), 'git', 'pub');
    temps.push(buildRepo([{ author: ADA, date: '2024-03-01T10:00:00+00:00', message: 'Start\n', files: { 'a.txt': lines(1) } }], { dir }));
    const site = siteWith(profile('Ada Lovelace', `  - git: ${dir}\n    authors: [ada@work.example]\n`));
    const r = update(site);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('ada: pub: first read, 1 month changed');
    expect(readFileSync(join(site, 'content', 'profiles', 'ada.md'), 'utf8')).toMatch(/^repositories:\n {2}- name: pub\n/m);
  });

  it('gives up on a server that accepts and never answers, naming the source', async () => {
    const sockets: import('node:net').Socket[] = [];
    const { createServer } = await import('node:net');
    const server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as import('node:net').AddressInfo).port;
    const site = siteWith(profile('Ada Lovelace', `  - git: http://127.0.0.1:${port}/acme/slow.git\n    authors: [ada@work.example]\n    name: acme/slow\n`));
    const r = await new Promise<{ code: number | null; err: string }>((resolve) => {
      const child = spawn(process.execPath, [join(process.cwd(), 'src', 'cli', 'bin.ts'), 'update', '--idle-timeout', '2'], { cwd: site, env: spawnedEnv() });
      let err = '';
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      child.on('close', (code) => resolve({ code, err }));
    });
    sockets.forEach((s) => s.destroy());
    server.close();
    expect(r.code).toBe(1);
    expect(r.err).toContain('ada: error: acme/slow: could not be fetched: the server sent nothing for 2 s (update --idle-timeout)');
  });
});
