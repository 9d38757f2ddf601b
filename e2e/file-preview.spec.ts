import { expect, test } from '@playwright/test';
import { signedInUser, storageStateFor } from './support/auth';
import { createClient } from './support/factories';

test.use({ storageState: storageStateFor('coordinator') });

const brief = {
  name: 'Creative brief.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n'),
};

test('a file’s preview may be framed by Accord’s own page, while pages and downloads still refuse any frame', async ({
  page,
}) => {
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (/Refused to (frame|display)/.test(message.text())) refusals.push(message.text());
  });
  const me = signedInUser('coordinator');
  const client = await createClient(`Preview Client ${Date.now()}`, { coordinatorId: me.id });
  await page.goto(`/clients/${client.id}`);
  await page.getByLabel('choose files').setInputFiles(brief);
  const link = page.getByRole('link', { name: brief.name });
  await expect(link).toBeVisible();

  const previewResponse = page.waitForResponse((response) => response.url().includes('inline=1'));
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = await previewResponse;
  expect(preview.status()).toBe(200);
  const headers = await preview.allHeaders();
  expect(headers['x-frame-options']).toBe('SAMEORIGIN');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'self'");
  expect(headers['content-security-policy']).not.toContain("frame-ancestors 'none'");
  // The preview's own policy, not the pages' one: nothing in the file may load or run.
  expect(headers['content-security-policy']).toContain("default-src 'none'");

  await expect(page.locator(`iframe[title="Preview of ${brief.name}"]`)).toBeVisible();
  // The preview's frame loads the file (Chromium's PDF viewer adds frames of its own inside it).
  await expect
    .poll(() => page.frames().some((frame) => frame.url().includes('inline=1')))
    .toBe(true);
  // The browser names any frame it refuses for its framing headers in the console.
  expect(refusals).toEqual([]);

  // Everything else keeps refusing any frame: a page, and the same file as a download.
  const download = await page.request.get((await link.getAttribute('href')) ?? '');
  const home = await page.request.get('/');
  for (const response of [download, home]) {
    expect(response.status()).toBe(200);
    expect(response.headers()['x-frame-options']).toBe('DENY');
    expect(response.headers()['content-security-policy']).not.toContain("frame-ancestors 'self'");
  }
  expect(home.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
});
