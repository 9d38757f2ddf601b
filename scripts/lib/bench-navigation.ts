import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import type { BenchRequest } from './bench-measure';

/**
 * The RSC requests a browser really sends on a click in a list: captured from Chromium once per
 * server, headers and all (the router state tree differs per page and per layout), so the load
 * replays exactly what in-app navigation costs rather than a first document load.
 */

const systemChromium = '/usr/bin/chromium';

/** Clicks something on `page` and returns the navigation's RSC request (not a prefetch). */
export async function captureNavigation(page: Page, click: () => Promise<unknown>) {
  const request = page.waitForRequest(
    (candidate) =>
      candidate.headers()['rsc'] === '1' && !candidate.headers()['next-router-prefetch'],
  );
  await click();
  const captured = await request;
  const url = new URL(captured.url());
  const headers = Object.fromEntries(
    Object.entries(await captured.allHeaders()).filter(
      ([name]) => name === 'rsc' || name === 'accept' || name.startsWith('next-'),
    ),
  );
  await page.waitForLoadState('networkidle');
  return { path: `${url.pathname}${url.search}`, headers } satisfies BenchRequest;
}

/** Opens Chromium with `cookie` (name=value) set for `base`, runs `steps`, closes it. */
export async function withBrowser<T>(
  base: string,
  cookie: string,
  steps: (page: Page) => Promise<T>,
): Promise<T> {
  const browser = await chromium.launch({
    executablePath: existsSync(systemChromium) ? systemChromium : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext();
    if (cookie) {
      const [name = '', value = ''] = cookie.split(/=(.*)/s);
      await context.addCookies([{ name, value, url: base }]);
    }
    return await steps(await context.newPage());
  } finally {
    await browser.close();
  }
}
