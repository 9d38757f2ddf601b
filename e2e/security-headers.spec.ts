import { randomBytes } from 'node:crypto';
import { expect, test, type APIResponse } from '@playwright/test';
import { signedInUser, storageStateFor } from './support/auth';
import { createClient } from './support/factories';
import { createProposalRow, createSharedProposalRow } from './support/proposal-records';

test.use({ storageState: storageStateFor('coordinator') });

function expectIsolationHeaders(response: APIResponse) {
  expect(response.headers()['cross-origin-opener-policy']).toBe('same-origin');
  expect(response.headers()['cross-origin-resource-policy']).toBe('same-origin');
}

test('pages, the share page and downloads carry the cross-origin headers; the share page is not indexed', async ({
  page,
}) => {
  const home = await page.request.get('/');
  expect(home.status()).toBe(200);
  expectIsolationHeaders(home);
  expect(home.headers()['x-robots-tag']).toBeUndefined();

  const me = signedInUser('coordinator');
  const client = await createClient(`Headers Client ${Date.now()}`, { coordinatorId: me.id });
  const proposal = await createProposalRow(client.id, {
    title: 'Header check',
    body: 'Body',
    amountCents: 1000,
    validUntil: '2099-12-31',
  });

  const pdf = await page.request.get(`/proposals/${proposal.id}/pdf`);
  expect(pdf.status()).toBe(200);
  expectIsolationHeaders(pdf);

  const csv = await page.request.get('/clients/export');
  expect(csv.status()).toBe(200);
  expectIsolationHeaders(csv);

  const { link } = await createSharedProposalRow(client.id, {
    title: 'Header check',
    body: 'Body',
    status: 'sent',
    authorId: me.id,
  });
  const shared = await page.request.get(link);
  expect(shared.status()).toBe(200);
  expect(await shared.text()).toContain('Header check');
  expectIsolationHeaders(shared);
  expect(shared.headers()['x-robots-tag']).toBe('noindex');

  const unknown = await page.request.get(`/p/${randomBytes(24).toString('base64url')}`);
  expect(unknown.status()).toBe(404);
  expect(unknown.headers()['x-robots-tag']).toBe('noindex');
});
