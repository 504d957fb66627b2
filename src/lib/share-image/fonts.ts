// The fonts of the share images: Inter (SIL Open Font License 1.1), regular and bold, from the npm
// package @expo-google-fonts/inter, a dependency of engfolio: no font is fetched, and none of the
// building machine's is used. Resolved from here, so a site finds engfolio's own copy however its
// package manager lays out node_modules.
import { createRequire } from 'node:module';

/** The font files' absolute paths. */
export interface ShareFontFiles {
  regular: string;
  bold: string;
}

export function shareFontFiles(): ShareFontFiles {
  const require = createRequire(import.meta.url);
  return {
    regular: require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
    bold: require.resolve('@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf'),
  };
}
