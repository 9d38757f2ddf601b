import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

/** Where every checkout's folder and the shared PostgreSQL binaries live. */
function accordBaseDir() {
  return os.userInfo().uid === 0
    ? path.join('/var/tmp', 'accord')
    : path.join(os.homedir(), '.local', 'share', 'accord');
}

/**
 * Where the embedded PostgreSQL and the dev session secret live: outside the project, because
 * Next's dev server watches the project tree and would rebuild on every database write. One
 * folder per checkout. As root, PostgreSQL runs as the `postgres` user, who can enter /var/tmp
 * but not root's home. ACCORD_DATA_DIR overrides it.
 */
export function accordDataDir() {
  if (process.env.ACCORD_DATA_DIR) return path.resolve(process.env.ACCORD_DATA_DIR);
  const checkout = process.cwd();
  const id = createHash('sha256').update(checkout).digest('hex').slice(0, 10);
  return path.join(accordBaseDir(), `${path.basename(checkout)}-${id}`);
}

/**
 * Where the embedded PostgreSQL's binaries are copied to, beside the data: shared by every
 * checkout of this user, or inside ACCORD_DATA_DIR when it is set.
 */
export function postgresBinariesRoot() {
  if (process.env.ACCORD_DATA_DIR) return path.resolve(process.env.ACCORD_DATA_DIR);
  return accordBaseDir();
}
