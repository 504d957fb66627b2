// An entry of engfolio's own in Astro's prerender build (see bundle-plugin.ts): the built site as Astro's
// public App, which adapters' prerenderers load in other runtimes; engfolio's threads load it to render
// profile pages (render-queue.ts).
export { createApp } from 'astro/app/entrypoint';
