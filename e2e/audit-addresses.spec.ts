import { expect, test } from '@playwright/test';
import { signedOut, signInAndWait, storageStateFor } from './support/auth';
import { createUser } from './support/factories';

test.use({ storageState: storageStateFor('manager') });

test('the audit log shows the address a sign-in came from, and a forged X-Forwarded-For only as a claim', async ({
  page,
  browser,
}) => {
  const user = await createUser('coordinator');
  const visitor = await browser.newContext({
    ...signedOut,
    extraHTTPHeaders: {
      'x-forwarded-for': '203.0.113.77',
      'x-accord-remote-address': '198.51.100.99',
    },
  });
  await signInAndWait(await visitor.newPage(), user);
  await visitor.close();

  await page.goto('/admin/audit-log?action=auth.sign_in');
  const table = page.getByRole('table', { name: 'Audit log' });
  await expect(table.getByRole('columnheader', { name: 'Forwarded for (claimed)' })).toBeVisible();
  const row = table.getByRole('row').filter({ hasText: user.name }).first();
  await expect(row).toContainText('127.0.0.1');
  await expect(row).toContainText('203.0.113.77');
  await expect(row).not.toContainText('198.51.100.99');
});
