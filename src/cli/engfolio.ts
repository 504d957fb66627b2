// The `engfolio` command: `engfolio <command> [options]`, each command with its own --help (bin.ts runs it).
import { resolve } from 'node:path';
import { OptionsError } from '../lib/options.ts';
import { formatProblem } from '../lib/problems.ts';
import { CommandError, configFileOf, loadSiteOptions, type Io } from './common.ts';

const HELP = `usage: engfolio <command> [options]

  init <folder>        make a new engfolio site in <folder>
  build                check the content and build the site into dist/ (--offline: a copy for file://)
  merge <dir>...       put the folders of a sharded build (build --shard) together into one site
  check                check all content and list every problem
  import <export.txt>  import a profile export into the content folder
  import-git <repo>... build or update a profile from git history
  update               fetch each profile's sources and import them again

Run \`engfolio <command> --help\` for a command's options.`;

const COMMANDS: Record<string, (argv: string[], io: Io) => Promise<number>> = {
  init: async (argv, io) => (await import('./init.ts')).runInit(argv, io),
  build: async (argv, io) => (await import('./build.ts')).runBuild(argv, io),
  check: async (argv, io) => (await import('./check.ts')).runCheck(argv, io),
  merge: async (argv, io) => (await import('./merge.ts')).runMerge(argv, io),
  import: async (argv, io) => {
    const { runImport } = await import('./import.ts');
    // The site's content folder, when this folder is a site (else content/ here).
    const content = configFileOf(io.cwd) && !argv.includes('--content') ? (await loadSiteOptions(io.cwd)).content : undefined;
    const { writeFileAtomic } = await import('../lib/atomic-write.ts');
    return runImport(argv, { ...io, write: writeFileAtomic, ...(content ? { content } : {}) });
  },
  update: async (argv, io) => (await import('./update.ts')).runUpdate(argv, io),
  'import-git': async (argv, io) => {
    const { importGit } = await import('./import-git.ts');
    const content = configFileOf(io.cwd) && !argv.includes('--content') ? (await loadSiteOptions(io.cwd)).content : 'content';
    return importGit(argv, io.err, resolve(io.cwd, content));
  },
};

/** Runs the command line `argv` (without the program); returns the exit code. Nothing reaches the terminal as a stack trace. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    const { version } = (await import('./package-info.ts')).packageInfo();
    io.out(version);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`engfolio: unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof OptionsError || (e as Error)?.name === 'OptionsError') {
      for (const p of (e as OptionsError).problems) io.err(formatProblem(p));
      return 1;
    }
    if (e instanceof CommandError) {
      io.err(`engfolio ${name}: ${e.message}`);
      return e.code;
    }
    io.err(
      `engfolio ${name}: ${(e as Error)?.message?.split('\n')[0] ?? String(e)}${process.env.ENGFOLIO_DEBUG ? `\n${(e as Error)?.stack}` : ' (set ENGFOLIO_DEBUG=1 for details)'}`,
    );
    return 1;
  }
}
