// `engfolio import-git <repo>[=<owner/name>]... --author <email or name>... [options]`: builds or extends a
// profile from local git history (the methodology note in src/lib/i18n/messages/en.ts says what is counted and how).
import { parseArgs } from 'node:util';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeFileAtomic } from '../lib/atomic-write.ts';
import { slugFor } from '../lib/slug.ts';
import { MONTH_KEY } from '../lib/content-schema.ts';
import { topKeys, type RepoContribution } from '../lib/git/aggregate.ts';
import { GitInputError, inspectRepo, type RepoInfo } from '../lib/git/git-log.ts';
import { planImport } from '../lib/git/merge.ts';
import { readRepository, type RepositoryRead } from '../lib/git/read-repository.ts';
import { PRIVATE_LABEL } from '../lib/git/source-cache.ts';

const USAGE =
  'usage: engfolio import-git <repo>[=<owner/name>]... --author <email or name>... [--profile <slug>] [--name "<display name>"] [--since YYYY-MM] [--until YYYY-MM] [--force] [--no-lines] [--private <repo>] [--alias <repo>="<label>"] [--content <dir>]';

interface RepoArg {
  path: string;
  override?: string;
}

function fail(message: string): never {
  throw new GitInputError(message);
}

function parse(argv: string[], defaultContent: string) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        author: { type: 'string', multiple: true },
        profile: { type: 'string' },
        name: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        force: { type: 'boolean' },
        'no-lines': { type: 'boolean' },
        private: { type: 'string', multiple: true },
        alias: { type: 'string', multiple: true },
        content: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message.split('\n')[0]}\n${USAGE}`);
  }
  const v = parsed.values;
  if (v.help) return undefined;
  if (!parsed.positionals.length) fail(`give at least one repository\n${USAGE}`);
  const authors = (v.author ?? []).map((a) => a.trim()).filter(Boolean);
  if (!authors.length) fail(`give at least one --author <email or name>\n${USAGE}`);
  for (const [flag, value] of [
    ['--since', v.since],
    ['--until', v.until],
  ] as const) {
    if (value !== undefined && !MONTH_KEY.test(value)) fail(`${flag}: expected a month as YYYY-MM, found "${value}"`);
  }
  if (v.since && v.until && v.since > v.until) fail(`--since ${v.since} is after --until ${v.until}`);
  const repos: RepoArg[] = parsed.positionals.map((p) => {
    const eq = p.indexOf('=');
    if (eq > 0) {
      const override = p.slice(eq + 1).trim();
      if (!/^[^/\s]+\/[^/\s]+$/.test(override)) fail(`${p}: expected <path>=<owner/name>, found "${override}" after "="`);
      return { path: p.slice(0, eq), override };
    }
    return { path: p };
  });
  const aliases = new Map<string, string>();
  for (const a of v.alias ?? []) {
    const eq = a.indexOf('=');
    const label =
      eq > 0
        ? a
            .slice(eq + 1)
            .trim()
            .replace(/^"(.*)"$/, '$1')
        : '';
    if (eq <= 0 || !label) fail(`--alias ${a}: expected <repo>="<label>"`);
    aliases.set(a.slice(0, eq), label);
  }
  const slug = v.profile ?? (v.name ? slugFor(v.name) : undefined);
  if (v.profile !== undefined && slugFor(v.profile) !== v.profile)
    fail(`--profile: expected a slug (lowercase letters, digits, hyphens), found "${v.profile}" — try "${slugFor(v.profile)}"`);
  return {
    repos,
    authors,
    slug,
    name: v.name?.trim() || undefined,
    since: v.since,
    until: v.until,
    force: v.force ?? false,
    lines: !v['no-lines'],
    privates: v.private ?? [],
    aliases,
    content: v.content ? resolve(v.content) : defaultContent,
  };
}

/** True when a --private/--alias argument names this repository (by path as given, resolved path, or display name). */
function names(arg: string, repo: RepoArg, info: RepoInfo, display: string): boolean {
  return arg === repo.path || resolve(arg) === info.path || arg === display;
}

type Options = NonNullable<ReturnType<typeof parse>>;

/** Fails when a --private or --alias argument names none of the repositories: a typo there would publish a private name. */
function checkPrivacyArgs(opts: Options, inspected: { repo: RepoArg; info: RepoInfo }[]): void {
  const matches = (arg: string) => inspected.some(({ repo, info }) => names(arg, repo, info, repo.override ?? info.displayName));
  for (const p of opts.privates)
    if (!matches(p)) fail(`--private ${p}: names none of the repositories given — use its path as given or its owner/name (nothing was written)`);
  for (const k of opts.aliases.keys())
    if (!matches(k)) fail(`--alias ${k}=…: names none of the repositories given — use its path as given or its owner/name (nothing was written)`);
}

/** Reads one repository of the command line: its display name, and whether it is private, from the --private and --alias arguments. */
function readRepo(repo: RepoArg, info: RepoInfo, opts: Options, warn: (m: string) => void): Promise<RepositoryRead> {
  const display = repo.override ?? info.displayName;
  let alias: string | undefined;
  for (const [k, label] of opts.aliases) if (names(k, repo, info, display)) alias = label;
  const isPrivate = alias !== undefined || opts.privates.some((p) => names(p, repo, info, display));
  return readRepository(
    { info, display, isPrivate, label: isPrivate ? (alias ?? PRIVATE_LABEL) : display, where: isPrivate ? (alias ?? PRIVATE_LABEL) : repo.path },
    { authors: opts.authors, since: opts.since, until: opts.until, lines: opts.lines },
    warn,
  );
}

/**
 * Runs the import with command-line arguments, reporting on `say` (one line per call); returns the exit
 * status. `defaultContent` is the content folder where --content does not say (the site's).
 */
export async function importGit(argv: string[], say: (line: string) => void, defaultContent = resolve('content')): Promise<number> {
  try {
    await main(argv, say, defaultContent);
    return 0;
  } catch (error) {
    // Expected failures are GitInputErrors; anything else is still reported as one line, never a stack.
    say(`error: ${error instanceof GitInputError ? error.message : ((error as Error)?.message?.split('\n')[0] ?? String(error))}`);
    return 1;
  }
}

async function main(argv: string[], say: (line: string) => void, defaultContent: string): Promise<void> {
  const opts = parse(argv, defaultContent);
  if (!opts) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const warn = (m: string) => say(`warning: ${m}`);
  const contributions: RepoContribution[] = [];
  const authorNames = new Map<string, number>();
  // Every repository is checked before any history is read, so a bad one fails fast.
  const inspected = opts.repos.map((repo) => ({ repo, info: inspectRepo(repo.path) }));
  checkPrivacyArgs(opts, inspected);
  const formerKeys = new Map<string, (storedName: string) => string[]>();
  for (const { repo, info } of inspected) {
    const { contribution, agg, label, formerKeys: former } = await readRepo(repo, info, opts, warn);
    contributions.push(contribution);
    formerKeys.set(contribution.key, former);
    for (const [n, k] of agg.matchedNames) authorNames.set(n, (authorNames.get(n) ?? 0) + k);
    say(`${label}: ${agg.matched} of ${agg.total} commits counted`);
  }
  const fallbackName = topKeys(authorNames, 1)[0];
  const slug = opts.slug ?? slugFor(opts.name ?? fallbackName ?? '');
  const plan = planImport({ contentDir: opts.content, slug, name: opts.name, fallbackName, force: opts.force, contributions, formerKeys });
  for (const w of plan.warnings) warn(w);
  for (const { path, text } of plan.writes) writeFileAtomic(path, text);
  for (const path of plan.deletes) rmSync(path, { force: true });
  const changed = plan.writes.length + plan.deletes.length;
  say(changed ? `profile "${slug}": ${plan.writes.length} file(s) written, ${plan.deletes.length} removed` : `profile "${slug}": up to date, no file changed`);
}
