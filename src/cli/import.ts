// `engfolio import <export.txt> [--force] [--content <dir>]`: imports a plain-text profile export
// into content files. Validates everything before writing; writes atomically; never overwrites a
// hand-edited file without --force; on a failed write, puts back every file it had already written.
import { parseArgs } from 'node:util';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { readIfExists } from '../lib/atomic-write.ts';
import { profileFiles, profilePaths } from '../lib/content-layout.ts';
import { parseExport } from '../lib/export/parse-export.ts';
import { exportToContent } from '../lib/export/export-to-content.ts';
import { formatProblem, type Problem } from '../lib/problems.ts';
import { deriveStats, totalsMismatches } from '../lib/profile-stats.ts';

const HELP = `usage: engfolio import <export.txt> [--force] [--content <dir>]

Imports a plain-text profile export into <content>/profiles/<slug>.md and
<content>/months/<slug>/<YYYY-MM>.md.

  --force          overwrite files whose text differs from what the import writes
                   (hand edits are lost); without it such files are skipped
  --content <dir>  content folder to write into (default: the site's content folder)
  -h, --help       show this help
`;

export interface ImportIO {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Writes one file atomically (injectable so tests can fail a write part-way). */
  write: (path: string, text: string) => void;
  cwd: string;
  /** The site's content folder, where --content does not say (default: content/ in cwd). */
  content?: string;
}

/** Runs the importer with command-line arguments; returns the exit code (0 ok, 1 bad input or failed write). */
export function runImport(argv: readonly string[], io: ImportIO): number {
  try {
    return importCommand(argv, io);
  } catch (error) {
    // Last line of defence: a message, never a stack trace.
    io.err(`error — import failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

function importCommand(argv: readonly string[], io: ImportIO): number {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { force: { type: 'boolean', default: false }, content: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    io.err(`error — ${(error as Error).message}\n\n${HELP}`);
    return 1;
  }
  if (args.values.help) {
    io.out(HELP);
    return 0;
  }
  if (args.positionals.length !== 1) {
    io.err(`error — expected exactly one export file, found ${args.positionals.length}\n\n${HELP}`);
    return 1;
  }
  const input = args.positionals[0]!;
  const contentDir = args.values.content ? resolve(io.cwd, args.values.content) : resolve(io.cwd, io.content ?? 'content');
  let source: string;
  try {
    source = readFileSync(resolve(io.cwd, input), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(
      formatProblem({
        severity: 'error',
        file: input,
        message: code === 'ENOENT' ? 'expected an export file, found no such file' : `could not read the file (${code ?? (error as Error).message})`,
      }),
    );
    return 1;
  }

  const parsed = parseExport(source, input);
  if (!parsed.ok) {
    for (const p of parsed.problems) io.err(formatProblem(p));
    io.err(`Nothing was written: ${input} is not a complete profile export.`);
    return 1;
  }
  const content = exportToContent(parsed.profile, parsed.qualityLabels, input);
  if (content.problems.length) {
    for (const p of [...content.problems, ...parsed.warnings]) io.err(formatProblem(p));
    io.err('Nothing was written.');
    return 1;
  }

  // Plan every file before touching any.
  type Plan = { rel: string; abs: string; text: string; before: string | undefined; action: 'write' | 'unchanged' | 'skip' | 'overwrite' };
  const plan: Plan[] = content.files.map((f) => {
    const abs = join(contentDir, f.path);
    const before = readIfExists(abs);
    const action = before === undefined ? 'write' : before === f.text ? 'unchanged' : args.values.force ? 'overwrite' : 'skip';
    return { rel: f.path, abs, text: f.text, before, action };
  });

  const done: Plan[] = [];
  for (const p of plan) {
    if (p.action !== 'write' && p.action !== 'overwrite') continue;
    try {
      io.write(p.abs, p.text);
      done.push(p);
    } catch (error) {
      io.err(`error ${p.rel} — could not write: ${(error as Error).message}`);
      const failedRestores = rollBack(done, io);
      io.err(
        failedRestores.length
          ? `Import interrupted; could not restore: ${failedRestores.join(', ')}.`
          : `Import interrupted; the ${done.length} file(s) already written were put back as they were. Nothing changed.`,
      );
      return 1;
    }
  }

  const shownContent = args.values.content ?? (relative(io.cwd, contentDir) || '.');
  const rel = (p: Plan): string => join(shownContent, p.rel);
  const written = plan.filter((p) => p.action === 'write' || p.action === 'overwrite');
  const unchanged = plan.filter((p) => p.action === 'unchanged');
  const skipped = plan.filter((p) => p.action === 'skip');
  io.out(`Imported ${parsed.profile.name} (${content.slug}) from ${input}`);
  io.out(
    `  written:   ${written.length}${written.length ? '\n' + written.map((p) => `    ${rel(p)}${p.action === 'overwrite' ? ' (overwritten, --force)' : ''}`).join('\n') : ''}`,
  );
  io.out(`  unchanged: ${unchanged.length}`);
  io.out(
    `  skipped:   ${skipped.length}${skipped.length ? '\n' + skipped.map((p) => `    ${rel(p)} (differs from the export: hand-edited?)`).join('\n') : ''}`,
  );
  if (skipped.length) io.out(`  To overwrite the skipped files with the export's version, run again with --force (their edits will be lost).`);

  const warnings: Problem[] = [...parsed.warnings];
  const monthsDir = profilePaths(contentDir, content.slug).monthsDir;
  const expected = new Set(content.months.map((m) => `${m.month}.md`));
  let existing: string[];
  try {
    existing = readdirSync(monthsDir);
  } catch {
    existing = [];
  }
  for (const name of existing.sort()) {
    if (name.endsWith('.md') && !expected.has(name)) {
      warnings.push({
        severity: 'warning',
        file: join(shownContent, profileFiles(content.slug).monthsDir, name),
        message: 'not in this export; left as it is',
      });
    }
  }
  if (warnings.length) {
    io.out(`Warnings (${warnings.length}):`);
    for (const w of warnings) io.out('  ' + formatProblem(w));
  }

  io.out(consistencyReport(parsed.profile.stats ?? {}, content));
  return 0;
}

/** Restores files written before a failure; returns the paths it could not restore. */
function rollBack(done: readonly { abs: string; rel: string; before: string | undefined }[], io: ImportIO): string[] {
  const failed: string[] = [];
  for (const p of [...done].reverse()) {
    try {
      if (p.before === undefined) rmSync(p.abs, { force: true });
      else io.write(p.abs, p.before);
    } catch {
      failed.push(p.rel);
    }
  }
  return failed;
}

/** Returns the declared-vs-derived check, one line per figure with ✓ or ✗. */
function consistencyReport(
  stats: NonNullable<import('../lib/export/parse-export.ts').ExportProfile['stats']>,
  content: ReturnType<typeof exportToContent>,
): string {
  const months = content.months.map((m) => ({ month: m.month, commits: m.data.commits, features: m.data.features }));
  const totals = content.profile.totals ?? {};
  const derived = deriveStats({ totals }, months);
  const mismatches = totalsMismatches({ totals }, months);
  const rows: [string, number | undefined, number | undefined, string?][] = [
    ['commits', stats.commits, derived.commits],
    ['features', stats.features, derived.features],
    ['activity months', stats.activityMonths, derived.activityMonths],
    ['features vs bugs', stats.featuresVsBugsPercent, derived.featuresVsBugsPercent, '%'],
    ['total contributions', stats.totalContributions, derived.commits],
  ];
  const lines = ['Declared totals vs. sums over months:'];
  for (const [label, declared, sum, unit = ''] of rows) {
    if (declared === undefined) lines.push(`  ${label}: not declared; derived ${sum ?? '—'}${unit}`);
    else lines.push(`  ${label}: declared ${declared}${unit}, derived ${sum ?? '—'}${unit} ${declared === sum ? '✓' : '✗ differs'}`);
  }
  if (mismatches.length)
    lines.push(`  The build will warn about: ${mismatches.map((m) => `${m.field} (declared ${m.declared}, sum ${m.derived})`).join(', ')}.`);
  return lines.join('\n');
}
