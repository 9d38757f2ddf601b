import { readFileSync } from 'node:fs';
import path from 'node:path';

type ManifestRoute = { page: string; regex: string };
type RoutesManifest = { staticRoutes?: ManifestRoute[]; dynamicRoutes?: ManifestRoute[] };

/**
 * Maps a request path to the route it is served by (`/clients/[id]`, not `/clients/42`), from the
 * build's routes manifest, so metrics have one series per route and no token or id in a label.
 * Without a build (the dev server) every page is `other`.
 */
export function routePatternMatcher(distDir = path.join(process.cwd(), '.next')) {
  let manifest: RoutesManifest = {};
  try {
    manifest = JSON.parse(readFileSync(path.join(distDir, 'routes-manifest.json'), 'utf8'));
  } catch {
    // No build yet: the dev server compiles routes as they are asked for.
  }
  const staticPages = new Set((manifest.staticRoutes ?? []).map((route) => route.page));
  const dynamicRoutes = (manifest.dynamicRoutes ?? []).map((route) => ({
    page: route.page,
    regex: new RegExp(route.regex),
  }));
  return (pathname: string) => {
    if (pathname.startsWith('/_next/')) return `/_next/${pathname.split('/')[2] ?? ''}`;
    const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
    if (staticPages.has(trimmed)) return trimmed;
    return dynamicRoutes.find((route) => route.regex.test(trimmed))?.page ?? 'other';
  };
}
