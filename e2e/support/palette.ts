import { expect, type Page } from '@playwright/test';

/** Opens the Ctrl+K search palette and returns its search box. */
export async function openSearchPalette(page: Page) {
  const box = page.getByRole('combobox', { name: 'Search clients and contacts' });
  // The shortcut works once the page is interactive; keep pressing until it has hydrated.
  await expect(async () => {
    await page.keyboard.press('Control+k');
    await expect(box).toBeVisible({ timeout: 1000 });
  }).toPass();
  return box;
}
