import { expect, test } from '@playwright/test';
import { signedInUser, storageStateFor } from './support/auth';
import { createClient, createTask, createUser } from './support/factories';

const unique = (label: string) =>
  `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

test.use({ storageState: storageStateFor('coordinator') });

test('a coordinator marks two tasks done and hands a third to someone else', async ({ page }) => {
  const me = signedInUser('coordinator');
  const colleague = await createUser('executive', { name: unique('Task Colleague') });
  const client = await createClient(unique('Task Client'), { coordinatorId: me.id });
  const prefix = unique('Bulktask');
  const dueAt = new Date(Date.now() + 24 * 60 * 60 * 1000);
  for (const letter of ['A', 'B', 'C']) {
    await createTask(`${prefix} ${letter}`, { assigneeId: me.id, clientId: client.id, dueAt });
  }

  await page.goto(`/tasks?q=${encodeURIComponent(prefix)}`);
  const table = page.getByRole('table', { name: 'Tasks' });
  const rowOf = (letter: string) =>
    table.getByRole('row', { name: new RegExp(`${prefix} ${letter}`) });
  await expect(rowOf('C')).toBeVisible();

  await table.getByRole('checkbox', { name: `Select ${prefix} A` }).check();
  await table.getByRole('checkbox', { name: `Select ${prefix} B` }).check();
  const bar = page.getByRole('region', { name: 'Bulk actions' });
  await expect(bar.getByText('2 selected')).toBeVisible();
  await bar.getByRole('button', { name: 'Mark done' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'changed' })).toHaveText(
    '2 changed, 0 skipped.',
  );
  const statusOf = (letter: string, status: 'Open' | 'Done') =>
    rowOf(letter).getByRole('cell', { name: status, exact: true });
  await expect(statusOf('A', 'Done')).toBeVisible();
  await expect(statusOf('B', 'Done')).toBeVisible();
  await expect(statusOf('C', 'Open')).toBeVisible();

  await table.getByRole('checkbox', { name: `Select ${prefix} C` }).check();
  await expect(bar.getByText('1 selected')).toBeVisible();
  await bar.getByRole('button', { name: 'Reassign' }).click();
  await expect(bar.getByRole('alert')).toBeVisible();
  await expect(rowOf('C')).toContainText(me.name);

  await bar.getByLabel('New assignee').selectOption({ label: colleague.name });
  await bar.getByRole('button', { name: 'Reassign' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'changed' })).toHaveText(
    '1 changed, 0 skipped.',
  );
  await expect(rowOf('C')).toContainText(colleague.name);
  await expect(statusOf('C', 'Open')).toBeVisible();
  await expect(rowOf('A')).toContainText(me.name);
  await expect(rowOf('A')).not.toContainText(colleague.name);
});
