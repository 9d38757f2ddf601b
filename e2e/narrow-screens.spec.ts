import { expect, test } from '@playwright/test';
import { signedInUser, storageStateFor } from './support/auth';

const listPages = [
  '/clients',
  '/prospects',
  '/pipeline',
  '/pipeline/board',
  '/competitors',
  '/proposals',
  '/proposals/review',
  '/templates',
  '/notifications',
  '/admin/users',
  '/admin/audit-log',
];

for (const width of [360, 390]) {
  test.describe(`on a ${width} px phone`, () => {
    // Not emulating a phone's zoom here: it would widen the window to fit an overflowing page.
    test.use({ storageState: storageStateFor('manager'), viewport: { width, height: 800 } });

    test('no list page scrolls sideways, only a table inside its own frame', async ({ page }) => {
      test.slow();
      for (const path of listPages) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        const widths = await page.evaluate(() => ({
          scroll: document.scrollingElement?.scrollWidth ?? 0,
          inner: window.innerWidth,
        }));
        expect(widths.scroll, `${path} is ${widths.scroll} px wide`).toBeLessThanOrEqual(
          widths.inner,
        );
      }
    });

    test('the header shows initials and a search icon, and the filters fold away', async ({
      browser,
    }) => {
      const context = await browser.newContext({
        storageState: storageStateFor('manager'),
        viewport: { width, height: 800 },
        isMobile: true,
        hasTouch: true,
      });
      const page = await context.newPage();
      const user = signedInUser('manager');
      await page.goto('/clients?q=harbor');
      const header = page.getByRole('banner');
      const initials = user.name
        .split(' ')
        .filter((word, index, words) => index === 0 || index === words.length - 1)
        .map((word) => word[0]?.toUpperCase())
        .join('');
      await expect(
        header.getByRole('button', { name: `Account menu for ${user.name}` }),
      ).toHaveText(initials, { useInnerText: true });
      await expect(header.getByRole('button', { name: 'Search', exact: true })).toBeVisible();
      // A touch screen has no keyboard shortcut to hint at.
      await expect(header.locator('kbd')).toHaveCount(0);

      const filters = page.getByRole('button', { name: 'Filters, 1 set' });
      await expect(page.getByLabel('Search', { exact: true })).toBeHidden();
      await filters.click();
      await expect(filters).toHaveAttribute('aria-expanded', 'true');
      await expect(page.getByLabel('Search', { exact: true })).toHaveValue('harbor');

      // The board's filters fold the same way, outside a table.
      await page.goto('/pipeline/board');
      await expect(page.getByLabel('Search', { exact: true })).toBeHidden();
      await page.getByRole('button', { name: 'Filters', exact: true }).click();
      await expect(page.getByLabel('Search', { exact: true })).toBeVisible();
      await context.close();
    });
  });
}

test.describe('on a wide screen', () => {
  test.use({ storageState: storageStateFor('coordinator') });

  test('the filters are shown without a Filters button, and search hints its shortcut', async ({
    page,
  }) => {
    await page.goto('/clients');
    await expect(page.getByLabel('Search', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Filters/ })).toBeHidden();
    await expect(page.getByRole('banner').getByText('Ctrl K')).toBeVisible();
  });
});
