import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { storageStateFor } from './support/auth';

const unique = (label: string) =>
  `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

test.describe('proposal templates', () => {
  test.use({ storageState: storageStateFor('coordinator') });

  test('a coordinator writes one with the field picker; a manager publishes it', async ({
    page,
    browser,
  }) => {
    // Two browsers and a dozen round trips: more than the default budget on a busy machine.
    test.slow();
    const name = unique('Retainer proposal');
    await page.goto('/templates');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('link', { name: 'New template' }).click();
    await page.getByLabel('Template name').fill(name);
    await page.getByLabel('Category').fill('Retainer');

    const body = page.getByLabel('Body (Markdown)');
    await body.fill('# Proposal for \n\nDear {{client.nmae}},\n\n- **Monthly** report');
    await body.press('Control+Home');
    await body.press('End');
    await page.getByRole('button', { name: /^Client name/ }).click();
    await expect(body).toHaveValue(
      '# Proposal for {{client.name}}\n\nDear {{client.nmae}},\n\n- **Monthly** report',
    );
    await expect(body).toBeFocused();

    const preview = page.getByRole('region', { name: 'Preview' });
    await expect(
      preview.getByRole('heading', { level: 1, name: 'Proposal for {{client.name}}' }),
    ).toBeVisible();
    await expect(preview.getByRole('listitem')).toHaveText('Monthly report');
    await expect(preview.getByText('Monthly', { exact: true })).toHaveCSS('font-weight', '700');

    await page.getByRole('button', { name: 'Create template' }).click();
    await expect(
      page.getByText('Unknown merge field {{client.nmae}}. Pick fields from the list.'),
    ).toBeVisible();
    await expect(body).toHaveAttribute('aria-invalid', 'true');
    await expect(body).toHaveValue(/Dear \{\{client\.nmae\}\}/);

    await body.fill('# Proposal for {{client.name}}\n\nDear ');
    await page.getByRole('button', { name: /^Primary contact name/ }).click();
    await expect(body).toHaveValue('# Proposal for {{client.name}}\n\nDear {{contact.name}}');
    await page.getByRole('button', { name: 'Create template' }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByText('Not published yet')).toBeVisible();
    await expect(page.getByText('A manager publishes templates for the team.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0);
    const templateUrl = page.url();

    const managerContext = await browser.newContext({ storageState: storageStateFor('manager') });
    const manager = await managerContext.newPage();
    await manager.goto(templateUrl);
    await manager.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(manager.getByText('Version 1 published.')).toBeVisible();
    await expect(manager.getByText('Version 1 is offered for new proposals.')).toBeVisible();
    await expect(
      manager.getByRole('list', { name: 'Published versions' }).getByText('Version 1'),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(manager);
    await managerContext.close();

    await page.goto('/templates?status=published');
    await page.getByLabel('Search', { exact: true }).fill(name);
    await expect(page).toHaveURL(/q=/);
    const row = page.getByRole('table', { name: 'Proposal templates' }).getByRole('row', { name });
    await expect(row).toContainText('Published');
    await expect(row).toContainText('Version 1');
  });
});
