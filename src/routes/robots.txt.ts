// robots.txt: everything may be crawled; the sitemap is named when the site URL is known.
import type { APIRoute } from 'astro';
import { urls } from '../data/site.ts';

export const GET: APIRoute = ({ site }) => {
  const lines = ['User-agent: *', 'Allow: /'];
  if (site) lines.push(`Sitemap: ${new URL(urls.href('sitemap-index.xml'), site).href}`);
  return new Response(`${lines.join('\n')}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
