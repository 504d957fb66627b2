// `engfolio merge <dir>... [--out <dir>]`: puts the folders of a sharded build (`engfolio build --shard`)
// together into one site, the same bytes an unsharded build makes. It first checks that the folders are
// every shard of one build, holding only regular files, that no file is in two and none is missing, and
// that every file has the bytes its build wrote; it writes nothing otherwise. The merged site replaces the
// output folder whole, as a build does.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildAside, isInside, placeFilesInto, shownPath } from '../lib/build-swap.ts';
import { changedProblems, entryKind, fileDigest, planMerge, SHARD_MANIFEST, shardEntries, type MergeCopy, type ShardFolder } from '../lib/shard.ts';
import { CommandError, parseCommand, type Io } from './common.ts';

const USAGE = `usage: engfolio merge <dir>... [--out <dir>]

Puts the folders of a sharded build together into one site: the site shard (engfolio build
--shard site) and every profile shard (--shard 1/n … n/n). Refuses folders that are not all
the shards of one build, a file found in two shards, or a file missing from all of them.

  --out <dir>  the merged site's folder (default dist/); replaced only when the merge succeeds`;

/** A shard's folder as the merge reads it: its manifest is read only when it is a regular file. */
function readShardFolder(dir: string, path: string): ShardFolder {
  const entries = shardEntries(path);
  const manifest = entries.get(SHARD_MANIFEST) === 'file' ? readFileSync(join(path, SHARD_MANIFEST), 'utf8') : undefined;
  return { dir, manifest, entries };
}

/** Thrown out of the merge's staging when a file is not as its build wrote it: the staging is then discarded. */
class ChangedFiles extends Error {}

/** Copies the plan's files into `staging`, each hashed as it is copied; returns those whose digest is not their manifest's. */
function copyChecked(cwd: string, staging: string, copies: readonly MergeCopy[]): MergeCopy[] {
  const changed: MergeCopy[] = [];
  for (const [dir, ofDir] of Map.groupBy(copies, (c) => c.dir)) {
    const from = resolve(cwd, dir);
    const bySource = new Map(ofDir.map((c) => [join(from, c.file), c]));
    placeFilesInto(
      from,
      staging,
      ofDir.map((c) => c.file),
      (source, target) => {
        const copy = bySource.get(source)!;
        if (fileDigest(source, target) !== copy.digest) changed.push(copy);
      },
    );
  }
  return changed;
}

/** Runs `engfolio merge`; returns the exit code. */
export async function runMerge(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(argv, { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, USAGE, true);
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new CommandError(`expected the shards' folders, found none\n${USAGE}`, 2);
  const outArg = values.out ?? 'dist';
  const out = resolve(io.cwd, outArg);
  const shownOut = shownPath(out, io.cwd);
  // The merged site replaces --out whole: what is there must be a site's folder, never a file.
  const outStats = existsSync(out) ? statSync(out) : undefined;
  if (outStats && !outStats.isDirectory()) throw new CommandError(`--out ${outArg}: expected a folder (or nothing), found a ${entryKind(outStats)}`, 2);
  const folders: ShardFolder[] = [];
  for (const dir of positionals) {
    const path = resolve(io.cwd, dir);
    if (!existsSync(path) || !statSync(path).isDirectory())
      throw new CommandError(`${dir}: expected a shard's folder, found ${existsSync(path) ? 'a file' : 'nothing'}`, 2);
    // The merged site replaces --out whole: a shard inside it, or it inside a shard, would go with it.
    if (path === out || isInside(path, out) || isInside(out, path))
      throw new CommandError(`${dir}: expected a shard's folder apart from the output folder --out (neither inside the other)`, 2);
    folders.push(readShardFolder(dir, path));
  }
  const refuse = (problems: string[]): number => {
    for (const p of problems) io.err(`error ${p}`);
    io.err(`merge failed; ${shownOut}/ is unchanged`);
    return 1;
  };
  const plan = planMerge(folders);
  if (plan.problems.length) return refuse(plan.problems);
  let changed: MergeCopy[] = [];
  try {
    await buildAside(out, async (staging) => {
      changed = copyChecked(io.cwd, staging, plan.copies);
      if (changed.length) throw new ChangedFiles();
    });
  } catch (e) {
    if (!(e instanceof ChangedFiles)) throw e;
    return refuse(changedProblems(changed));
  }
  io.err(`merge: ${plan.copies.length} file(s) from ${folders.length} shard(s) → ${shownOut}/`);
  return 0;
}
