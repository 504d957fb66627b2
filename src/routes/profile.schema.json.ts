// /profile.schema.json: the JSON Schema of every /<slug>/profile.json, shipped with the site.
import type { APIRoute } from 'astro';
import { urls } from '../data/site.ts';
import { profileJsonSchemaDocument } from '../lib/formats/profile-json.ts';

export const GET: APIRoute = ({ site }) => {
  const id = site ? new URL(urls.route('schema'), site).href : undefined;
  const body = JSON.stringify(profileJsonSchemaDocument(id), null, 2);
  return new Response(`${body}\n`, { headers: { 'content-type': 'application/schema+json; charset=utf-8' } });
};
