// Deterministic synthetic content for the benchmark: a fixed-seed PRNG drives every choice, so a size
// and a seed always give byte-identical files (no clock, no locale, no TZ). Files are written with the
// project's own content-files helpers, so they follow src/lib/content-schema.ts exactly.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { activityFile, monthFile, profileFile } from '../../src/lib/content-files.ts';
import type { DayActivity, MonthInput, ProfileInput } from '../../src/lib/content-schema.ts';
import { slugFor } from '../../src/lib/slug.ts';

export interface BenchSize {
  name: string;
  profiles: number;
  months: number;
}

/** The benchmark sizes: S is the example's shape, L a large company, Y one thirty-year career. */
export const SIZES: Record<string, BenchSize> = {
  S: { name: 'S', profiles: 1, months: 13 },
  M: { name: 'M', profiles: 100, months: 24 },
  L: { name: 'L', profiles: 1000, months: 24 },
  Y: { name: 'Y', profiles: 1, months: 360 },
};

export const DEFAULT_SEED = 20240601;

/** The last month every generated profile covers; fixed so output never depends on today. */
export const LAST_MONTH = '2025-12';

/** Returns a mulberry32 PRNG: a function giving floats in [0, 1) from a 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
/** `n` distinct items of `xs` in a random order. */
function sample<T>(r: Rand, xs: readonly T[], n: number): T[] {
  const copy = [...xs];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, Math.min(n, copy.length));
}

const FIRST = [
  'Ada',
  'Bruno',
  'Chiara',
  'Dmitri',
  'Elif',
  'Farah',
  'Gustavo',
  'Hana',
  'Ivo',
  'Jonas',
  'Keiko',
  'Lars',
  'Maja',
  'Nikolai',
  'Olufemi',
  'Priya',
  'Quentin',
  'Rosa',
  'Sanjay',
  'Tereza',
  'Umar',
  'Vera',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zofia',
  'Amara',
  'Björn',
  'Célia',
  'Dario',
  'Émile',
  'Freya',
  'Goran',
  'Helga',
  'Ines',
  'Jakub',
  'Kemal',
  'Leilani',
  'Mateo',
  'Noor',
];
const LAST = [
  'Abe',
  'Bianchi',
  'Costa',
  'Dvořák',
  'Eriksen',
  'Fischer',
  'García',
  'Horvat',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quispe',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Urbański',
  'Varga',
  'Weber',
  'Xu',
  'Yilmaz',
  'Zimmermann',
  'Almeida',
  'Brennan',
  'Chowdhury',
  'Delacroix',
  'Esposito',
  'Fernández',
  'Gallagher',
  'Haddad',
  'Ishikawa',
  'Jovanović',
  'Kim',
  'Lefebvre',
  'Mbeki',
  'Novak',
];
const ORGS = ['Lindenfield Labs', 'Harbor Systems', 'Quartzline', 'Northwind Data', 'Bluefin Robotics', 'Copperleaf Health'];
const LANGUAGES = ['Go', 'Rust', 'TypeScript', 'Python', 'Java', 'Kotlin', 'C++', 'C', 'Ruby', 'Swift', 'Scala', 'Elixir', 'SQL', 'Starlark'];
const SKILLS = [
  'Build Systems',
  'Caching',
  'CI/CD',
  'Developer Tooling',
  'Distributed Systems',
  'Observability',
  'Databases',
  'Security',
  'Frontend',
  'Accessibility',
  'Performance',
  'Networking',
  'Machine Learning',
  'Data Pipelines',
  'API Design',
  'Testing',
];
const AREAS = ['backend', 'frontend', 'infra', 'docs', 'tests', 'release', 'tooling', 'data', 'security', 'mobile'];
const ROLES = ['Platform engineer', 'Backend engineer', 'Frontend engineer', 'Site reliability engineer', 'Data engineer', 'Staff engineer'];
const FOCUS = ['build systems and developer tooling', 'payments and ledgers', 'search and ranking', 'observability', 'mobile apps', 'data pipelines'];
const REPO_WORDS = ['forge', 'ledger', 'atlas', 'beacon', 'relay', 'harbor', 'prism', 'quarry', 'sentinel', 'tandem', 'vault', 'drift', 'ember', 'kite'];
const QUALITY = ['Correctness', 'Maintainability', 'Test coverage', 'Review turnaround'];

const VERBS = ['Shipped', 'Rewrote', 'Profiled', 'Migrated', 'Simplified', 'Documented', 'Hardened', 'Untangled', 'Benchmarked', 'Split'];
const THINGS = [
  'the cache eviction path',
  'the release pipeline',
  'the schema migration tool',
  'the retry logic in the client',
  'the nightly data export',
  'the login flow',
  'the flaky integration suite',
  'the metrics exporter',
  'the config loader',
  'the queue consumer',
  'the search indexer',
  'the on-call runbook',
];
const OUTCOMES = [
  'p95 latency dropped by a third',
  'the build no longer needs a warm cache to finish in time',
  'the on-call rotation got two quiet weeks',
  'new engineers can set it up in an afternoon',
  'the error budget stopped burning',
  'reviews now take hours instead of days',
  'memory use halved on the busiest hosts',
];
const DETAILS = [
  'Most of the work was reading traces and deleting code that no longer earned its keep.',
  'The change landed behind a flag and was rolled out one region at a time.',
  'A property-based test found two edge cases the old suite had missed for a year.',
  'The design went through three rounds of review before anyone wrote code.',
  'Paired with the team that owns the consumer side, so the contract changed once, not twice.',
  'Wrote a short design note first; it turned out to be the most-linked page of the quarter.',
];

/** Month keys `count` months back from LAST_MONTH, oldest first. */
export function monthRange(count: number, last = LAST_MONTH): string[] {
  const [y, m] = last.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const total = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

function daysIn(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function narrative(r: Rand, repos: string[], slug: string, month: string): string {
  const parts: string[] = [];
  const repo = repos.length ? pick(r, repos) : 'the monorepo';
  parts.push(
    `${pick(r, VERBS)} ${pick(r, THINGS)} in **${repo}**, and ${pick(r, THINGS)} along the way. ${pick(r, DETAILS)} ` +
      `By the end of the month ${pick(r, OUTCOMES)}.`,
  );
  parts.push(
    `${pick(r, DETAILS)} ${pick(r, VERBS)} ${pick(r, THINGS)} with *${pick(r, SKILLS).toLowerCase()}* in mind; ` +
      `see the [notes for ${month}](https://notes.example.org/${slug}/${month}) and the \`${pick(r, REPO_WORDS)}\` changelog.`,
  );
  if (r() < 0.7) {
    const items = Array.from({ length: int(r, 2, 4) }, () => `- ${pick(r, VERBS)} ${pick(r, THINGS)}: ${pick(r, OUTCOMES)}.`);
    parts.push(`Highlights:\n\n${items.join('\n')}`);
  }
  if (r() < 0.6) parts.push(`${pick(r, DETAILS)} ${pick(r, DETAILS)} Next month: ${pick(r, THINGS)}.`);
  return parts.join('\n\n');
}

/** What generate() wrote, for the runner and tests. */
export interface GeneratedContent {
  dir: string;
  slugs: string[];
  months: string[];
  files: number;
  bytes: number;
}

/** Writes `size` worth of synthetic content under `dir` (profiles/, months/, activity/); returns what it wrote. */
export function generate(dir: string, size: BenchSize, seed = DEFAULT_SEED): GeneratedContent {
  const r = mulberry32(seed ^ (size.profiles * 7919 + size.months));
  const months = monthRange(size.months);
  const names = sample(
    r,
    FIRST.flatMap((f) => LAST.map((l) => `${f} ${l}`)),
    size.profiles,
  );
  if (names.length < size.profiles) throw new Error(`at most ${FIRST.length * LAST.length} profiles, asked for ${size.profiles}`);
  let files = 0;
  let bytes = 0;
  const write = (path: string, text: string): void => {
    writeFileSync(path, text);
    files++;
    bytes += Buffer.byteLength(text);
  };
  for (const sub of ['profiles', 'months', 'activity']) mkdirSync(join(dir, sub), { recursive: true });
  const slugs: string[] = [];
  names.forEach((name, index) => {
    const slug = slugFor(name);
    slugs.push(slug);
    const org = pick(r, ORGS);
    const langs = sample(r, LANGUAGES, int(r, 2, 5)).sort();
    const skills = sample(r, SKILLS, int(r, 3, 6)).sort();
    const repos = Array.from({ length: int(r, 2, 5) }, (_, i) => {
      const from = int(r, 0, months.length - 1);
      const to = int(r, from, months.length - 1);
      return {
        name: `${org.split(' ')[0]!.toLowerCase()}/${pick(r, REPO_WORDS)}-${i + 1}`,
        from: months[from]!,
        to: months[to]!,
        monthsActive: to - from + 1,
        languages: sample(r, langs, int(r, 1, Math.min(3, langs.length))),
        skills: sample(r, skills, int(r, 1, 2)),
        private: r() < 0.15,
      };
    });
    mkdirSync(join(dir, 'months', slug), { recursive: true });
    let bugs = 0;
    let linesOfCode = 0;
    for (const month of months) {
      const active = repos.filter((rep) => rep.from <= month && month <= rep.to).map((rep) => rep.name);
      const commits = int(r, 3, 60);
      const data: MonthInput = {
        commits,
        features: int(r, 0, Math.min(commits, 12)),
        bugs: int(r, 0, 6),
        repositories: active,
        areas: sample(r, AREAS, int(r, 1, 3)).sort(),
        linesAdded: int(r, 100, 9000),
        linesRemoved: int(r, 20, 4000),
      };
      bugs += data.bugs!;
      linesOfCode += data.linesAdded! - Math.min(data.linesRemoved!, data.linesAdded!);
      write(join(dir, 'months', slug, `${month}.md`), monthFile(data, narrative(r, active, slug, month)));
    }
    const members = sample(r, names.filter((n) => n !== name).slice(0, 60), int(r, 1, 5)).map((n) => ({ name: n, role: 'Member' }));
    const profile: ProfileInput = {
      name,
      headline: `${pick(r, ROLES)} — ${pick(r, FOCUS)}`,
      organization: org,
      links: [{ label: 'Personal site', url: `https://${slug}.example.org` }],
      totals: { bugs, linesOfCode },
      quality: Object.fromEntries(sample(r, QUALITY, int(r, 2, 4)).map((q) => [q, Math.round(r() * 400 + 600) / 10])),
      skills: { languages: langs, technical: skills },
      repositories: repos,
      network: { people: int(r, 5, 120), organization: org, organizationMembers: int(r, 5, 400), members },
      source: 'manual',
    };
    const summary =
      `${profile.headline} at ${org}. Works mostly in ${langs.slice(0, 2).join(' and ')}; ` +
      `${pick(r, VERBS).toLowerCase()} ${pick(r, THINGS)} and ${pick(r, THINGS)} over the last ${months.length} months.\n\n` +
      `${pick(r, DETAILS)} More on [the personal site](https://${slug}.example.org).`;
    write(join(dir, 'profiles', `${slug}.md`), profileFile(profile, summary));
    // Daily activity for a tenth of the profiles (and always for the first, so S has one).
    if (index % 10 === 0) {
      const days: DayActivity[] = [];
      for (const month of months) {
        for (let d = 1; d <= daysIn(month); d++) {
          if (r() < 0.45) continue;
          const count = int(r, 1, 9);
          days.push({ date: `${month}-${String(d).padStart(2, '0')}`, count, features: int(r, 0, Math.min(2, count)) });
        }
      }
      write(join(dir, 'activity', `${slug}.csv`), activityFile(days));
    }
  });
  return { dir, slugs, months, files, bytes };
}
