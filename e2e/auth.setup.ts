import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test as setup } from '@playwright/test';
import { roles, signInAndWait, storageStateFor, userFileFor } from './support/auth';
import { createUser } from './support/factories';

for (const role of roles) {
  setup(`sign in as ${role}`, async ({ page }) => {
    const user = await createUser(role);
    await signInAndWait(page, user);
    mkdirSync(path.dirname(storageStateFor(role)), { recursive: true });
    await page.context().storageState({ path: storageStateFor(role) });
    writeFileSync(userFileFor(role), JSON.stringify(user));
  });
}
