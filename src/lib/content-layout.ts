// Where each content file lives inside a content folder: the one place that spells the layout, for the
// reader, both importers and the commands.
import { join } from 'node:path';

/** The folders of a content folder, relative to it. */
const CONTENT_FOLDERS = {
  profiles: 'profiles',
  months: 'months',
  activity: 'activity',
  gitImport: 'git-import',
} as const;

/** A profile's files, relative to the content folder (`profiles/<slug>.md`, `months/<slug>/<YYYY-MM>.md`, …). */
export function profileFiles(slug: string) {
  return {
    profile: join(CONTENT_FOLDERS.profiles, `${slug}.md`),
    monthsDir: join(CONTENT_FOLDERS.months, slug),
    month: (month: string) => join(CONTENT_FOLDERS.months, slug, `${month}.md`),
    activity: join(CONTENT_FOLDERS.activity, `${slug}.csv`),
    gitImportState: join(CONTENT_FOLDERS.gitImport, `${slug}.json`),
  };
}

/** A profile's files as paths inside `contentDir`. */
export function profilePaths(contentDir: string, slug: string) {
  const files = profileFiles(slug);
  return {
    profile: join(contentDir, files.profile),
    monthsDir: join(contentDir, files.monthsDir),
    month: (month: string) => join(contentDir, files.month(month)),
    activity: join(contentDir, files.activity),
    gitImportState: join(contentDir, files.gitImportState),
  };
}

/** The folders of `contentDir` as paths. */
export function contentFolders(contentDir: string) {
  return {
    profiles: join(contentDir, CONTENT_FOLDERS.profiles),
    months: join(contentDir, CONTENT_FOLDERS.months),
    activity: join(contentDir, CONTENT_FOLDERS.activity),
  };
}
