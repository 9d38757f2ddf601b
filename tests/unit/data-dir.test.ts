import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertTrustedDir } from '../../scripts/lib/data-dir';

const root = mkdtempSync(path.join(os.tmpdir(), 'accord-data-dir-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('assertTrustedDir', () => {
  it('accepts a folder that is not there yet, to be created by this user', () => {
    const missing = path.join(root, 'missing');
    expect(assertTrustedDir(missing)).toBe(missing);
  });

  it('accepts a folder of this user that only they can write to', () => {
    const own = path.join(root, 'own');
    mkdirSync(own, { mode: 0o755 });
    chmodSync(own, 0o755);
    expect(assertTrustedDir(own)).toBe(own);
  });

  it('refuses a folder others can write to', () => {
    const open = path.join(root, 'open');
    mkdirSync(open);
    chmodSync(open, 0o777);
    expect(() => assertTrustedDir(open)).toThrow(/can be written by other users/);
    chmodSync(open, 0o775);
    expect(() => assertTrustedDir(open)).toThrow(/can be written by other users/);
  });

  it('refuses a symbolic link and a file in its place', () => {
    const target = path.join(root, 'target');
    mkdirSync(target, { mode: 0o755 });
    const link = path.join(root, 'link');
    symlinkSync(target, link);
    expect(() => assertTrustedDir(link)).toThrow(/symbolic link/);
    const file = path.join(root, 'file');
    writeFileSync(file, '');
    expect(() => assertTrustedDir(file)).toThrow(/is not a folder/);
  });
});
