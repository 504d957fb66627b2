// The `theme` option: the site's accent colour, heatmap scheme, appearance and font. The accent is
// checked here, when the options are parsed, so a colour that cannot be read is an options problem
// naming the colour and the background it fails on, before anything is built.
import { z } from 'zod';
import { HEATMAP_SCHEMES } from '../heatmap/settings.ts';
import { accentProblem } from './palette.ts';

/** How pages pick light or dark: the reader's system setting, or always one of them. */
const APPEARANCES = ['auto', 'light', 'dark'] as const;
export type Appearance = (typeof APPEARANCES)[number];

/** The font files a browser loads with `@font-face`, by extension, and their `format()` names. */
export const FONT_FORMATS = { woff2: 'woff2', woff: 'woff', ttf: 'truetype', otf: 'opentype' } as const;

const text = z.string().trim().min(1);

export const themeSchema = z
  .strictObject({
    /** The accent colour (links, highlights): one CSS colour for the light appearance (the dark one is derived), or one per appearance. */
    accent: z
      .union([text, z.strictObject({ light: text, dark: text })], { message: 'a CSS colour, or one per appearance as { light: …, dark: … }' })
      .optional(),
    /** The heatmaps' colour scheme. */
    heatmap: z.enum(HEATMAP_SCHEMES).default('greens'),
    appearance: z.enum(APPEARANCES).default('auto'),
    /** A self-hosted font of the site's public/ folder (never a font service: the pages' CSP and the offline copy admit only the site's own files). */
    font: z
      .strictObject({
        // Letters, digits, spaces and hyphens: written into the stylesheet as a CSS string.
        family: z
          .string()
          .trim()
          .regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u, 'a font family name of letters, digits, spaces and hyphens, like "Atkinson Hyperlegible"'),
        src: z
          .string()
          .regex(
            /^(?!.*\/\.\.?(\/|$))\/[\w.~%-][\w.~%/-]*\.(woff2|woff|ttf|otf)$/i,
            'a font file of public/ (.woff2, .woff, .ttf or .otf), as a path starting with "/", like "/fonts/inter.woff2"',
          ),
      })
      .optional(),
  })
  .superRefine((theme, ctx) => {
    if (theme.accent === undefined) return;
    const given = typeof theme.accent === 'string' ? { light: theme.accent } : theme.accent;
    for (const [scheme, css] of Object.entries(given) as ['light' | 'dark', string][]) {
      const problem = accentProblem(css, scheme);
      if (problem) ctx.addIssue({ code: 'custom', path: typeof theme.accent === 'string' ? ['accent'] : ['accent', scheme], message: problem });
    }
  })
  .default({ heatmap: 'greens', appearance: 'auto' });

export type ThemeOptions = z.output<typeof themeSchema>;
