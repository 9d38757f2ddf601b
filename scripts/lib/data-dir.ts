import { createHash } from 'node:crypto';
import { lstatSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where every checkout's folder and the shared PostgreSQL binaries live. */
function accordBaseDir() {
  return assertTrustedDir(
    os.userInfo().uid === 0
      ? path.join('/var/tmp', 'accord')
      : path.join(os.homedir(), '.local', 'share', 'accord'),
  );
}

/**
 * Refuses a shared folder another local user could have planted or could write into: the
 * binaries run from there, as root's `postgres` user, and /var/tmp is open to everyone. A folder
 * not there yet is fine: it is created owned by this user.
 */
export function assertTrustedDir(dir: string) {
  let stats;
  try {
    stats = lstatSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return dir;
    throw error;
  }
  const problem = stats.isSymbolicLink()
    ? 'is a symbolic link'
    : !stats.isDirectory()
      ? 'is not a folder'
      : stats.uid !== os.userInfo().uid
        ? `belongs to another user (uid ${stats.uid})`
        : (stats.mode & 0o022) !== 0
          ? 'can be written by other users'
          : null;
  if (problem) {
    throw new Error(
      `${dir} ${problem}, so Accord will not keep its database or run PostgreSQL from there. ` +
        `Remove it, or set ACCORD_DATA_DIR to a folder of your own.`,
    );
  }
  return dir;
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
