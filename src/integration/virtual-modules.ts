// The integration's options as modules pages can import (Starlight's way): `virtual:engfolio/config` is
// the parsed options, `virtual:engfolio/components` the header, footer and profile-page sections, the
// site's own where the options name them and engfolio's otherwise, and `virtual:engfolio/theme.css` the
// theme's stylesheet (its id ends in .css, so Vite's CSS pipeline bundles it like any stylesheet: the
// pages' CSP admits no inline style).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { digestOf } from '../lib/digest.ts';
import type { EngfolioConfig } from '../lib/options.ts';
import type { Problem } from '../lib/problems.ts';
import type { ShareImageAssets } from '../lib/share-image/assets.ts';
import { themeCss } from '../lib/theme/css.ts';

const CONFIG_ID = 'virtual:engfolio/config';
const COMPONENTS_ID = 'virtual:engfolio/components';
const THEME_ID = 'virtual:engfolio/theme.css';

/**
 * The site's own components named by the options, as absolute paths, or the problems of paths that
 * lead nowhere (the files of public/, `publicDir`, the options name are checked here too).
 */
export function siteComponents(
  config: EngfolioConfig,
  root: string,
  file: string,
  publicDir = resolve(root, 'public'),
): { header?: string; footer?: string; sections: Map<string, string>; problems: Problem[] } {
  const problems: Problem[] = [];
  const found = (path: string, field: string): string | undefined => {
    const absolute = resolve(root, path);
    if (existsSync(absolute)) return absolute;
    problems.push({ severity: 'error', file, field: `engfolio.${field}`, message: `expected an .astro file, found nothing at ${path}` });
    return undefined;
  };
  const sections = new Map<string, string>();
  for (const [i, section] of config.sections.entries()) {
    if (typeof section === 'string') continue;
    const path = found(section.component, `sections.${i}.component`);
    if (path) sections.set(section.id, path);
  }
  // Files of public/ the pages name: a missing one would be a broken image or icon on every page.
  const publicFiles: [string | undefined, string, string][] = [
    [config.theme.font?.src, 'theme.font.src', 'a font file'],
    [config.logo?.src, 'logo.src', 'an image'],
    [config.favicon, 'favicon', 'an icon'],
  ];
  for (const [path, field, what] of publicFiles)
    if (path && !existsSync(resolve(publicDir, decodeURIComponent(path.slice(1)))))
      problems.push({ severity: 'error', file, field: `engfolio.${field}`, message: `expected ${what} of public/, found nothing at public${path}` });
  return {
    ...(config.components.Header ? { header: found(config.components.Header, 'components.Header') } : {}),
    ...(config.components.Footer ? { footer: found(config.components.Footer, 'components.Footer') } : {}),
    sections,
    problems,
  };
}

/**
 * The Vite plugin serving both modules. `defaults` are engfolio's own header and footer; `assets` the
 * files the share images are drawn with. The config module carries a digest of their bytes, so that
 * new fonts or a new renderer change the code hash of the routes that draw with them and their images
 * are drawn again; it is read when a build first loads the module, not by every command that reads
 * the options.
 */
export function virtualModules(
  config: EngfolioConfig,
  components: ReturnType<typeof siteComponents>,
  defaults: { header: string; footer: string },
  assets: ShareImageAssets,
): Plugin {
  const configModule = (): string => {
    const digest = digestOf(
      Object.values(assets)
        .map((f) => digestOf(readFileSync(f)))
        .join('|'),
    );
    return `export const config = ${JSON.stringify(config)};\nexport const shareImageAssets = ${JSON.stringify({ files: assets, digest })};\n`;
  };
  let configText: string | undefined;
  const modules: Record<string, string> = {
    [COMPONENTS_ID]: [
      `export { default as Header } from ${JSON.stringify(components.header ?? defaults.header)};`,
      `export { default as Footer } from ${JSON.stringify(components.footer ?? defaults.footer)};`,
      ...[...components.sections.values()].map((path, i) => `import Section${i} from ${JSON.stringify(path)};`),
      `export const sections = { ${[...components.sections.keys()].map((id, i) => `${JSON.stringify(id)}: Section${i}`).join(', ')} };`,
      '',
    ].join('\n'),
    [THEME_ID]: themeCss(config.theme),
  };
  return {
    name: 'engfolio:virtual-modules',
    resolveId: (id) => (id === CONFIG_ID || id in modules ? `\0${id}` : undefined),
    load: (id) => {
      if (id === `\0${CONFIG_ID}`) return (configText ??= configModule());
      return id.startsWith('\0') ? modules[id.slice(1)] : undefined;
    },
  };
}
