// `engfolio init <folder> [--title <title>] [--force]`: writes a new site from the starter (src/starter/):
// package.json, astro.config.mjs, src/content.config.ts, an example profile, public/, .gitignore, the
// GitHub Pages and weekly update workflows and a README. It asks for what is missing only on a terminal.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { slugFor } from '../lib/slug.ts';
import { CommandError, parseCommand, type Io } from './common.ts';
import { packageInfo } from './package-info.ts';

const USAGE = `usage: engfolio init <folder> [--title <title>] [--sharded] [--force]

Writes a new engfolio site into <folder> (created if needed): then
\`cd <folder> && npm install && npm run build\`.

  --title <title>  the site's title (default: "Engineering profiles"; asked on a terminal)
  --sharded        deploy with .github/workflows/deploy-sharded.yml, which builds the profiles
                   in shards on several machines and merges them (for very large sites)
  --force          write into a folder that is not empty (files of the starter replace
                   files of the same name; other files stay)`;

const DEFAULT_TITLE = 'Engineering profiles';

/** The starter's files: path in the starter → path in the site (`_x` names stand for `.x`, which npm would not ship). */
function starterFiles(dir: string, prefix = ''): [string, string][] {
  const out: [string, string][] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const from = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...starterFiles(dir, from));
    else
      out.push([
        from,
        from
          .split('/')
          .map((part) => part.replace(/^_/, '.'))
          .join('/'),
      ]);
  }
  return out.sort();
}

/** Asks one question on the terminal; the default when the answer is empty. */
async function ask(question: string, fallback: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(`${question} (${fallback}): `)).trim() || fallback;
  } finally {
    rl.close();
  }
}

/** The package.json of a new site. */
function sitePackage(name: string): string {
  const { version, astro } = packageInfo();
  const pkg = {
    name,
    private: true,
    type: 'module',
    engines: { node: '>=22.12.0' },
    scripts: {
      dev: 'astro dev',
      build: 'engfolio build',
      'build:offline': 'engfolio build --offline',
      check: 'engfolio check',
      update: 'engfolio update',
      preview: 'astro preview',
    },
    dependencies: { astro, engfolio: `^${version}` },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** Runs `engfolio init`; returns the exit code. */
export async function runInit(argv: string[], io: Io): Promise<number> {
  const parsed = parseCommand(
    argv,
    {
      title: { type: 'string' },
      sharded: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
    true,
  );
  if (parsed.values.help) {
    io.out(USAGE);
    return 0;
  }
  if (parsed.positionals.length > 1) throw new CommandError(`expected one folder, found ${parsed.positionals.length}\n${USAGE}`, 2);
  const interactive = process.stdin.isTTY && process.stderr.isTTY;
  let folder = parsed.positionals[0];
  if (folder === undefined) {
    if (!interactive) throw new CommandError(`expected the folder to write the site into\n${USAGE}`, 2);
    folder = await ask('Folder for the new site', 'my-site');
  }
  const title = parsed.values.title ?? (interactive ? await ask('Site title', DEFAULT_TITLE) : DEFAULT_TITLE);
  if (!title.trim()) throw new CommandError('--title: expected a title, found nothing', 2);
  const target = resolve(io.cwd, folder);
  if (existsSync(target)) {
    const present = readdirSync(target);
    if (present.length && !parsed.values.force) {
      throw new CommandError(`expected an empty folder, found ${present.length} file(s) in ${folder} — nothing was written (use --force to write into it)`);
    }
  }
  const starter = fileURLToPath(new URL('../starter/', import.meta.url));
  const name = slugFor(basename(target)) || 'engfolio-site';
  const values: Record<string, string> = { title };
  const written: string[] = [];
  const write = (rel: string, text: string): void => {
    const file = join(target, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    written.push(rel);
  };
  // One deploy workflow: the sharded one or the single job.
  const sharded = parsed.values.sharded === true;
  const skipped = `_github/workflows/${sharded ? 'deploy.yml' : 'deploy-sharded.yml'}`;
  for (const [from, to] of starterFiles(starter)) {
    if (from === skipped) continue;
    let text = readFileSync(join(starter, from), 'utf8');
    if (sharded && from === '_github/workflows/update.yml') text = text.replaceAll('deploy.yml', 'deploy-sharded.yml');
    // `'{{key}}'` is a JavaScript string (the template stays valid JavaScript), `{{key}}` text.
    text = text.replace(/'\{\{(\w+)\}\}'|\{\{(\w+)\}\}/g, (_, quoted?: string, bare?: string) =>
      quoted ? JSON.stringify(values[quoted] ?? '') : (values[bare!] ?? ''),
    );
    write(to, text);
  }
  write('package.json', sitePackage(name));
  const shown = relative(io.cwd, target) || '.';
  io.out(`engfolio: a new site in ${shown}/ (${written.length} files)\n`);
  io.out('Next:');
  io.out(`  cd ${shown}`);
  io.out('  npm install');
  io.out('  npx engfolio import-git ~/src/project --author you@example.org --name "Your Name"');
  io.out('  npm run build');
  return 0;
}
