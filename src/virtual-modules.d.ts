// The modules the integration serves (src/integration/virtual-modules.ts).
declare module 'virtual:engfolio/config' {
  export const config: import('./lib/options.ts').EngfolioConfig;
  /** The files the share images are drawn with (absolute paths) and a digest of their bytes. */
  export const shareImageAssets: { files: import('./lib/share-image/assets.ts').ShareImageAssets; digest: string };
}

declare module 'virtual:engfolio/components' {
  type Component = import('astro/runtime/server/index.js').AstroComponentFactory;
  /** The site header: the site's own when the options name one, else engfolio's. */
  export const Header: Component;
  /** The site footer: the same. */
  export const Footer: Component;
  /** The profile-page sections of the site's own, by id. */
  export const sections: Record<string, Component>;
}
