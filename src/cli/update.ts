// `engfolio update [--profile <slug>] [--dry-run] [--content <dir>]`: brings every profile that lists its
// `sources` up to date. Each remote repository is cloned once into `.engfolio/repos/` (a bare blobless
// clone) and fetched on later runs, a local path is read where it is, and the profile is imported again
// exactly as `engfolio import-git` imports it. A source that cannot be fetched is named in one line; the
// others are still updated, its months stay as they were, and the command exits with 1.
import { rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { removeStaleTempFiles, writeFileAtomic } from '../lib/atomic-write.ts';
import { readContent, type ProfileEntry } from '../lib/content-read.ts';
import { digestOf } from '../lib/digest.ts';
import type { RepoContribution } from '../lib/git/aggregate.ts';
import { GitInputError, inspectRepo } from '../lib/git/git-log.ts';
import { planImport, readImportState } from '../lib/git/merge.ts';
import { readRepository } from '../lib/git/read-repository.ts';
import {
  commitsBetween,
  fetchRemote,
  headOf,
  openSourceCache,
  joinSources,
  PRIVATE_LABEL,
  redact,
  sourceId,
  sourceLabel,
  sourceLocation,
  type SourceCache,
  type TokenGrant,
} from '../lib/git/source-cache.ts';
import { shownAddress, withAddressesShown } from '../lib/git/remote-url.ts';
import { errorsOf, formatProblem } from '../lib/problems.ts';
import { parseOptions } from '../lib/options.ts';
import { CommandError, configFileOf, loadSiteOptions, parseCommand, type Io } from './common.ts';

const USAGE = `usage: engfolio update [--profile <slug>] [--dry-run] [--content <dir>] [--idle-timeout <s>]

Fetches the repositories each profile lists as its \`sources\` and imports them again, as
\`engfolio import-git\` does. Remote repositories are cloned once into .engfolio/repos/.
A token for private repositories comes from $ENGFOLIO_GIT_TOKEN (or git's credential helpers):
it is given over https only, to the hosts of the option update.tokenHosts (default github.com).

  --profile <slug>      update this profile only
  --dry-run             say what would change, and write no content file
  --content <dir>       content folder (default: the integration's \`content\` option)
  --idle-timeout <s>    give up on a server that sends nothing for this long (default 60)`;

/** How one source went. */
interface SourceOutcome {
  line: string;
  failed: boolean;
}

/** The months in which a repository's figures differ between two of its contributions. */
function monthsChanged(before: RepoContribution | undefined, after: RepoContribution): number {
  const months = new Set([...Object.keys(before?.months ?? {}), ...Object.keys(after.months)]);
  let n = 0;
  for (const m of months) if (JSON.stringify(before?.months[m]) !== JSON.stringify(after.months[m])) n++;
  return n;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

type Fetches = Map<string, string>;

/** How this run updates: the settings every profile's update shares. */
interface UpdateRun {
  contentDir: string;
  root: string;
  cache: SourceCache;
  /** The clones fetched in this run, by source id: a repository several profiles list is fetched once. */
  fetched: Fetches;
  grant: TokenGrant | undefined;
  idleSeconds: number;
  dryRun: boolean;
}

/** Updates one profile; says a line per source and a summary; returns whether every source could be read. */
async function updateProfile(profile: ProfileEntry, run: UpdateRun, io: Io): Promise<boolean> {
  const { contentDir, root, cache, fetched, grant, dryRun } = run;
  const state = readImportState(contentDir, profile.slug);
  const token = grant?.token;
  const contributions: RepoContribution[] = [];
  const formerKeys = new Map<string, (storedName: string) => string[]>();
  const sources: Record<string, string> = {};
  const remembered: [string, { head: string; settings: string }][] = [];
  const joined = joinSources(profile.data.sources);
  const outcomes: SourceOutcome[] = joined.problems.map((p) => ({ line: `error: ${p}`, failed: true }));
  /** The source each repository read in this run came from: two entries naming one history count it once. */
  const readFrom = new Map<string, string>();
  for (const source of joined.sources) {
    const id = sourceId(source);
    let label = source.alias ?? (source.private ? PRIVATE_LABEL : (source.name ?? shownAddress(source.git)));
    try {
      const location = sourceLocation(source, root);
      const shown = sourceLabel(source, location);
      label = shown.label;
      const secrets = [...(token ? [token] : []), ...(shown.isPrivate ? [location.kind === 'remote' ? location.url : location.path, source.git] : [])];
      let path: string;
      if (location.kind === 'local') path = location.path;
      else {
        path = fetched.get(id) ?? fetchRemote(cache.dir, id, location.url, { grant, isPrivate: shown.isPrivate, label, idleSeconds: run.idleSeconds }).path;
        fetched.set(id, path);
      }
      let info;
      try {
        info = inspectRepo(path);
      } catch (e) {
        throw new GitInputError(shown.isPrivate ? `${label}: not a git repository with commits` : withAddressesShown(redact((e as Error).message, secrets)));
      }
      const head = headOf(path);
      const settings = digestOf(JSON.stringify({ ...source, git: undefined }));
      const known = state?.sources?.[id];
      // What this profile's last import of the source read (each profile has its own authors).
      const recordId = `${profile.slug}-${id}`;
      const record = cache.record(recordId);
      const fresh = record === undefined ? undefined : commitsBetween(path, record.head, head);
      const news = fresh === undefined ? 'first read' : plural(fresh, 'new commit');
      // Nothing new since the last import, read with the same settings: its share is what it was.
      if (known && state?.repos[known] && record?.head === head && record.settings === settings) {
        sources[id] = known;
        outcomes.push({ line: `${label}: no new commits`, failed: false });
        continue;
      }
      const read = await readRepository(
        { info, display: shown.display, isPrivate: shown.isPrivate, label, where: shown.isPrivate ? label : shownAddress(source.git) },
        { authors: source.authors, since: source.since, until: source.until, lines: true, partialIsExpected: location.kind === 'remote' },
        (m) => io.err(`warning: ${withAddressesShown(redact(m, secrets))}`),
      );
      const other = readFrom.get(read.contribution.key);
      if (other !== undefined)
        throw new GitInputError(
          `${label}: the same repository (history) as ${other}: expected one entry for a repository, with all its authors in \`authors\``,
        );
      readFrom.set(read.contribution.key, label);
      contributions.push(read.contribution);
      formerKeys.set(read.contribution.key, read.formerKeys);
      sources[id] = read.contribution.key;
      remembered.push([recordId, { head, settings }]);
      outcomes.push({
        line: `${label}: ${news}, ${plural(monthsChanged(state?.repos[read.contribution.key], read.contribution), 'month')} changed`,
        failed: false,
      });
    } catch (e) {
      // Its share stays as the last import left it.
      const known = state?.sources?.[id];
      if (known) sources[id] = known;
      const message = e instanceof GitInputError ? e.message : `${label}: ${(e as Error)?.message?.split('\n')[0] ?? String(e)}`;
      // The errors of where a source is (an unset variable, an address with a token) name it by its label.
      const named = message.startsWith(`${label}: `) ? message : `${label}: ${message}`;
      outcomes.push({ line: `error: ${withAddressesShown(redact(named, token ? [token] : []))}`, failed: true });
    }
  }
  for (const o of outcomes) io.err(`${profile.slug}: ${o.line}`);
  // A first run that read nothing has nothing to write: no empty activity file, state or skills.
  if (!state && contributions.length === 0) {
    io.err(`profile "${profile.slug}": nothing read, no file written`);
    return outcomes.every((o) => !o.failed);
  }
  const plan = planImport({ contentDir, slug: profile.slug, force: false, contributions, sources, formerKeys });
  for (const w of plan.warnings) io.err(`warning: ${w}`);
  const changed = plan.writes.length + plan.deletes.length;
  const shown = (p: string): string => relative(root, p) || p;
  if (dryRun) {
    for (const w of plan.writes) io.out(`would write ${shown(w.path)}`);
    for (const d of plan.deletes) io.out(`would remove ${shown(d)}`);
    io.err(
      `profile "${profile.slug}": ${changed ? `${plural(plan.writes.length, 'file')} would be written, ${plan.deletes.length} removed (dry run: nothing written)` : 'up to date, nothing would change'}`,
    );
  } else {
    for (const { path, text } of plan.writes) writeFileAtomic(path, text);
    for (const path of plan.deletes) rmSync(path, { force: true });
    for (const [id, record] of remembered) cache.remember(id, record);
    io.err(
      `profile "${profile.slug}": ${changed ? `${plural(plan.writes.length, 'file')} written, ${plan.deletes.length} removed` : 'up to date, no file changed'}`,
    );
  }
  return outcomes.every((o) => !o.failed);
}

/** Runs `engfolio update`; returns the exit code. */
export async function runUpdate(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommand(
    argv,
    {
      profile: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      content: { type: 'string' },
      'idle-timeout': { type: 'string', default: '60' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const idleSeconds = Number(values['idle-timeout']);
  if (!Number.isInteger(idleSeconds) || idleSeconds < 1 || idleSeconds > 86_400)
    throw new CommandError(`--idle-timeout: expected whole seconds from 1 to 86400, found "${values['idle-timeout']}"\n${USAGE}`, 2);
  const root = io.cwd;
  // The options name where the content is and the hosts a token is for (a site without a config: the defaults).
  const options = values.content && !configFileOf(root) ? parseOptions({}) : await loadSiteOptions(root);
  const contentDir = resolve(root, values.content ?? options.content);
  const dryRun = values['dry-run'] ?? false;
  // What a killed run left half-written (the next writes replace what it was writing).
  if (!dryRun) removeStaleTempFiles(contentDir);
  const model = readContent(contentDir, root);
  const errors = errorsOf(model.problems);
  if (errors.length) {
    for (const p of errors) io.err(formatProblem(p));
    throw new CommandError('the content has errors (above): fix them first; nothing was fetched or written');
  }
  const withSources = model.profiles.filter((p) => p.data.sources.length > 0);
  const chosen = values.profile === undefined ? withSources : withSources.filter((p) => p.slug === values.profile);
  if (values.profile !== undefined && chosen.length === 0) {
    const exists = model.profiles.some((p) => p.slug === values.profile);
    throw new CommandError(`--profile ${values.profile}: ${exists ? 'this profile lists no sources' : 'no such profile'}`, 2);
  }
  if (chosen.length === 0) {
    io.err('update: no profile lists its sources (add `sources:` to a profile, see `engfolio update --help`)');
    return 0;
  }
  const token = process.env.ENGFOLIO_GIT_TOKEN || undefined;
  const run: UpdateRun = {
    contentDir,
    root,
    cache: openSourceCache(join(root, '.engfolio', 'repos')),
    fetched: new Map(),
    grant: token ? { token, hosts: options.update.tokenHosts } : undefined,
    idleSeconds,
    dryRun,
  };
  let ok = true;
  for (const profile of chosen) ok = (await updateProfile(profile, run, io)) && ok;
  io.err(`update: ${plural(chosen.length, 'profile')}${ok ? '' : ' — some sources could not be read (above): their months were left as they were'}`);
  return ok ? 0 : 1;
}
