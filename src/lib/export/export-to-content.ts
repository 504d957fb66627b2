// Maps a parsed profile export onto engfolio content files (one profile, one file per month), and
// validates them against the content schema before anything is written.
import { profileFiles } from '../content-layout.ts';
import { monthFile, plainTextToMarkdown, profileFile } from '../content-files.ts';
import { monthSchema, profileSchema, type MonthInput, type ProfileInput } from '../content-schema.ts';
import type { Problem } from '../problems.ts';
import { slugFor } from '../slug.ts';
import type { ExportProfile } from './parse-export.ts';

/** One file to write: its path relative to the content folder, and its full text. */
interface ContentFileText {
  path: string;
  text: string;
}

export interface ExportContent {
  slug: string;
  profile: ProfileInput;
  months: { month: string; data: MonthInput }[];
  files: ContentFileText[];
  /** Schema violations of the generated data (errors: nothing may be written). */
  problems: Problem[];
}

/** Returns the profile frontmatter for an export (display labels for quality, declared totals only). */
function exportToProfileData(exp: ExportProfile, qualityLabels: Record<string, string>): ProfileInput {
  const s = exp.stats ?? {};
  const quality: Record<string, number> = {};
  for (const [key, value] of Object.entries(exp.quality ?? {})) quality[qualityLabels[key] ?? key] = value;
  const net = exp.network;
  return {
    name: exp.name,
    // The export has no headline; its only organization is the network's "Same Organization".
    ...(net?.organization ? { organization: net.organization } : {}),
    // Commits and features are derived from the months; declaring them lets the loader cross-check.
    totals: {
      ...(s.commits !== undefined ? { commits: s.commits } : {}),
      ...(s.features !== undefined ? { features: s.features } : {}),
      ...(s.bugs !== undefined ? { bugs: s.bugs } : {}),
      ...(s.linesOfCode !== undefined ? { linesOfCode: s.linesOfCode } : {}),
    },
    quality,
    skills: { languages: exp.skills?.languages ?? [], technical: exp.skills?.technical ?? [] },
    repositories: (exp.repositories ?? []).map((r) => ({
      name: r.name,
      from: r.from,
      to: r.to,
      ...(r.monthsActive !== undefined ? { monthsActive: r.monthsActive } : {}),
      languages: r.languages,
      skills: r.skills,
    })),
    ...(net
      ? {
          network: {
            ...(net.people !== undefined ? { people: net.people } : {}),
            ...(net.organization !== undefined ? { organization: net.organization } : {}),
            ...(net.organizationMembers !== undefined ? { organizationMembers: net.organizationMembers } : {}),
            members: net.members.map((m) => ({ name: m.name, role: m.role })),
          },
        }
      : {}),
    source: 'export',
  };
}

/** Returns the content files for an export (profile first, then months oldest first) and any schema problems. */
export function exportToContent(exp: ExportProfile, qualityLabels: Record<string, string>, inputFile: string): ExportContent {
  const slug = slugFor(exp.name);
  const profile = exportToProfileData(exp, qualityLabels);
  const problems: Problem[] = [];
  const check = (schema: typeof profileSchema | typeof monthSchema, data: unknown, what: string): void => {
    const r = schema.safeParse(data);
    if (r.success) return;
    for (const issue of r.error.issues) {
      problems.push({
        severity: 'error',
        file: inputFile,
        field: `${what}${issue.path.length ? '.' + issue.path.join('.') : ''}`,
        message: `expected ${issue.message}`,
      });
    }
  };
  check(profileSchema, profile, 'profile');
  const layout = profileFiles(slug);
  const profilePath = layout.profile;
  const files: ContentFileText[] = [{ path: profilePath, text: profileFile(profile, plainTextToMarkdown(exp.summary ?? '')) }];
  const months = [...(exp.months ?? [])]
    .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0))
    .map((m) => ({ month: m.month, data: { commits: m.commits, features: m.features } satisfies MonthInput, summary: m.summary }));
  for (const m of months) {
    check(monthSchema, m.data, `months.${m.month}`);
    files.push({ path: layout.month(m.month), text: monthFile(m.data, plainTextToMarkdown(m.summary)) });
  }
  return { slug, profile, months: months.map(({ month, data }) => ({ month, data })), files, problems };
}
