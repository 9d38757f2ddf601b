import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedDocumentResponse } from '@/server/documents/download';
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

  it('reads one range of an object, as a video player seeks, and answers it 206', async () => {
    const bytes = randomBytes(200_000);
    const key = newStorageKey();
    await storage.put(key, Readable.from([bytes]), bytes.length);
    const part = await buffer(await storage.read(key, { start: 65_530, end: 131_080 }));
    expect(part.equals(bytes.subarray(65_530, 131_081))).toBe(true);
    const file = {
      name: 'clip.mp4',
      mediaType: 'video/mp4',
      sizeBytes: bytes.length,
      storageKey: key,
    };
    const response = await storedDocumentResponse(file, true, 'bytes=199990-', storage);
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 199990-199999/200000');
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes.subarray(199_990))).toBe(true);
    const past = await storedDocumentResponse(file, true, 'bytes=200000-', storage);
    expect(past.status).toBe(416);
    const whole = await storedDocumentResponse(file, true, null, storage);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('removes an object, and a second removal is no error', async () => {
    const key = newStorageKey();
    await storage.put(key, Readable.from([Buffer.from('gone')]), 4);
    await storage.remove(key);
    await storage.remove(key);
    await expect(storage.read(key)).rejects.toThrow();
  });
});
