import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { installPostgresBinaries, type PostgresRelease } from '@/scripts/lib/postgres-binaries';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A folder of mode 700, like a `mktemp -d` or root's home. */
function privateFolder() {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'accord-binaries-'));
  folders.push(folder);
  return folder;
}

/** A tiny stand-in for a PostgreSQL build, made with a private umask's modes. */
function fakeRelease(name: string): PostgresRelease {
  const nativeDir = path.join(privateFolder(), 'native');
  mkdirSync(path.join(nativeDir, 'bin'), { recursive: true, mode: 0o700 });
  mkdirSync(path.join(nativeDir, 'lib'), { mode: 0o700 });
  writeFileSync(path.join(nativeDir, 'bin', 'postgres'), '#!/bin/sh\necho "runs as $(id -un)"\n', {
    mode: 0o700,
  });
  writeFileSync(path.join(nativeDir, 'bin', 'initdb'), '#!/bin/sh\n', { mode: 0o700 });
  writeFileSync(path.join(nativeDir, 'lib', 'libpq.so.5.18'), 'library', { mode: 0o600 });
  writeFileSync(
    path.join(nativeDir, 'pg-symlinks.json'),
    JSON.stringify([{ source: 'native/lib/libpq.so.5.18', target: 'native/lib/libpq.so.5' }]),
  );
  chmodSync(nativeDir, 0o700);
  return { name, nativeDir };
}

function reachableRoot() {
  const root = path.join(privateFolder(), 'shared');
  mkdirSync(root);
  chmodSync(path.dirname(root), 0o755);
  return root;
}

describe('installPostgresBinaries', () => {
  it('copies a build out of a private folder, readable and runnable by everyone', () => {
    const root = reachableRoot();
    const binaries = installPostgresBinaries(fakeRelease('18.4-test'), root);

    expect(binaries.dir).toBe(path.join(root, 'postgres-18.4-test'));
    expect(statSync(binaries.dir).mode & 0o777).toBe(0o755);
    expect(statSync(path.join(binaries.dir, 'lib')).mode & 0o777).toBe(0o755);
    expect(statSync(binaries.postgres).mode & 0o777).toBe(0o755);
    expect(statSync(path.join(binaries.dir, 'lib', 'libpq.so.5.18')).mode & 0o777).toBe(0o644);
    // The library version link the package's postinstall would have made.
    const link = path.join(binaries.dir, 'lib', 'libpq.so.5');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('libpq.so.5.18');

    if (os.userInfo().uid === 0) {
      const run = spawnSync(binaries.postgres, {
        uid: Number(spawnSync('id', ['-u', 'postgres']).stdout),
        gid: Number(spawnSync('id', ['-g', 'postgres']).stdout),
        encoding: 'utf8',
      });
      expect(run.stdout.trim()).toBe('runs as postgres');
    }
  });

  it('copies once per build and leaves no half-made copy behind', () => {
    const root = reachableRoot();
    const release = fakeRelease('18.4-test');
    const first = installPostgresBinaries(release, root);
    const marker = path.join(first.dir, 'marker');
    writeFileSync(marker, 'kept');

    expect(installPostgresBinaries(release, root)).toEqual(first);
    expect(existsSync(marker)).toBe(true);

    const next = installPostgresBinaries(fakeRelease('18.5-test'), root);
    expect(next.dir).toBe(path.join(root, 'postgres-18.5-test'));
    expect(readdirSync(root).sort()).toEqual(['postgres-18.4-test', 'postgres-18.5-test']);
  });

  it('leaves nothing behind when the copy fails', () => {
    const root = reachableRoot();
    const missing = { name: 'missing', nativeDir: path.join(privateFolder(), 'nothing') };

    expect(() => installPostgresBinaries(missing, root)).toThrow();
    expect(readdirSync(root)).toEqual([]);
  });
});
