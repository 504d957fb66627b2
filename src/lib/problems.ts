// Problems found in content or input: one shape for errors and warnings, one formatter, so every
// command reports `file:line — field: expected …, found …` the same way.

type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** Path relative to the project (or the input file as given). */
  file: string;
  line?: number;
  /** Dotted field path, e.g. `repositories.0.to`; empty for whole-file problems. */
  field?: string;
  message: string;
}

/** Formats one problem as `file:line — field: message`. */
export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  const field = p.field ? `${p.field}: ` : '';
  return `${p.severity === 'error' ? 'error' : 'warning'} ${where} — ${field}${p.message}`;
}

/** Thrown by engfolio code for input it cannot accept; the CLI prints the problems, never a stack. */
export class ContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** Returns the problems that are errors, with `strict` turning warnings into errors. */
export function errorsOf(problems: Problem[], strict = false): Problem[] {
  return problems.filter((p) => p.severity === 'error' || strict);
}

/** Orders problems by file, then line, so a report reads top to bottom through each file. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}

/** Returns the closing line of a report: `N errors, M warnings in K files` (warnings count as errors when strict). */
export function summarizeProblems(problems: readonly Problem[], strict = false): string {
  const errors = errorsOf([...problems], strict).length;
  const warnings = problems.length - errors;
  const files = new Set(problems.map((p) => p.file)).size;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'file')}${strict && errors ? ' (--strict: warnings count as errors)' : ''}`;
}

/** The one line said of a content folder (`dir`, as the user names it) that has no profile yet: not a problem, a first step. */
export function noProfilesYet(dir: string): string {
  return `no profiles yet: add ${dir}/profiles/<slug>.md, or import one with \`npx engfolio import-git <repo> --author <email>\`; until then the site is its index page`;
}
