// `engfolio merge <dir>... [--out <dir>]`: puts the folders of a sharded build (`engfolio build --shard`)
// together into one site, the same bytes an unsharded build makes. It first checks that the folders are
// every shard of one build, that no file is in two and none is missing, and writes nothing otherwise;
// the merged site replaces the output folder whole, as a build does.
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildAside, filesUnder, isInside, placeFilesInto, shownPath } from '../lib/build-swap.ts';
import { planMerge, SHARD_MANIFEST, type ShardFolder, type ShardManifest } from '../lib/shard.ts';
import { CommandError, parseCommand, type Io } from './common.ts';

const USAGE = `usage: engfolio merge <dir>... [--out <dir>]

Puts the folders of a sharded build together into one site: the site shard (engfolio build
--shard site) and every profile shard (--shard 1/n … n/n). Refuses folders that are not all
the shards of one build, a file found in two shards, or a file missing from all of them.

  --out <dir>  the merged site's folder (default dist/); replaced only when the merge succeeds`;

function readManifest(dir: string): ShardManifest | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, SHARD_MANIFEST), 'utf8')) as ShardManifest;
  } catch {
    return undefined;
  }
}

/** Runs `engfolio merge`; returns the exit code. */
export async function runMerge(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(argv, { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, USAGE, true);
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new CommandError(`expected the shards' folders, found none\n${USAGE}`, 2);
  const out = resolve(io.cwd, values.out ?? 'dist');
  const shownOut = shownPath(out, io.cwd);
  const folders: ShardFolder[] = [];
  for (const dir of positionals) {
    const path = resolve(io.cwd, dir);
    if (!existsSync(path) || !statSync(path).isDirectory())
      throw new CommandError(`${dir}: expected a shard's folder, found ${existsSync(path) ? 'a file' : 'nothing'}`, 2);
    // The merged site replaces --out whole: a shard inside it, or it inside a shard, would go with it.
    if (path === out || isInside(path, out) || isInside(out, path))
      throw new CommandError(`${dir}: expected a shard's folder apart from the output folder --out (neither inside the other)`, 2);
    folders.push({ dir, manifest: readManifest(path), present: new Set(filesUnder(path).filter((f) => f !== SHARD_MANIFEST)) });
  }
  const plan = planMerge(folders);
  if (plan.problems.length) {
    for (const p of plan.problems) io.err(`error ${p}`);
    io.err(`merge failed; ${shownOut}/ is unchanged`);
    return 1;
  }
  const byFolder = Map.groupBy(plan.copies, (c) => c.dir);
  await buildAside(out, async (staging) => {
    for (const [dir, copies] of byFolder)
      placeFilesInto(
        resolve(io.cwd, dir),
        staging,
        copies.map((c) => c.file),
        copyFileSync,
      );
  });
  io.err(`merge: ${plan.copies.length} file(s) from ${folders.length} shard(s) → ${shownOut}/`);
  return 0;
}
