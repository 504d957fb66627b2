// favicon.svg: engfolio's icon, for sites that name no icon of their own (the `favicon` option).
import type { APIRoute } from 'astro';
import { DEFAULT_FAVICON } from '../lib/favicon.ts';

export const GET: APIRoute = () => new Response(DEFAULT_FAVICON, { headers: { 'content-type': 'image/svg+xml' } });
