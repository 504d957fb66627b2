// The files the share images are drawn with, all from npm packages engfolio depends on: Inter (SIL Open
// Font License 1.1), regular and bold, from @expo-google-fonts/inter, so no font is fetched and none of
// the building machine's is used; and resvg's WebAssembly build. Resolved from here, so a site finds
// engfolio's own copies however its package manager lays out node_modules.
import { createRequire } from 'node:module';

/** The files' absolute paths. */
export interface ShareImageAssets {
  regular: string;
  bold: string;
  /** resvg compiled to WebAssembly. */
  wasm: string;
}

export function shareImageAssets(): ShareImageAssets {
  const require = createRequire(import.meta.url);
  return {
    regular: require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
    bold: require.resolve('@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf'),
    wasm: require.resolve('@resvg/resvg-wasm/index_bg.wasm'),
  };
}
