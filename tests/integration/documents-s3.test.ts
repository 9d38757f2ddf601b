import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  storageFromEnvironment,
  newStorageKey,
  type FileStorage,
} from '@/server/documents/storage';

const bucket = 'accord-test';
let server: S3rver;
let storage: FileStorage;

beforeAll(async () => {
  server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: await mkdtemp(path.join(os.tmpdir(), 'accord-s3-')),
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  storage = storageFromEnvironment({
    S3_BUCKET: bucket,
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
  });
});

afterAll(async () => {
  await server.close();
});

describe('S3-compatible storage', () => {
  it('reads a streamed upload back byte for byte', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const chunks = Array.from({ length: 50 }, (_, index) =>
      bytes.subarray(index * 65_536, (index + 1) * 65_536),
    ).filter((chunk) => chunk.length > 0);
    const key = newStorageKey();
    await storage.put(key, Readable.from(chunks), bytes.length);
    expect((await buffer(await storage.read(key))).equals(bytes)).toBe(true);
  });

  it('removes an object, and a second removal is no error', async () => {
    const key = newStorageKey();
    await storage.put(key, Readable.from([Buffer.from('gone')]), 4);
    await storage.remove(key);
    await storage.remove(key);
    await expect(storage.read(key)).rejects.toThrow();
  });
});
