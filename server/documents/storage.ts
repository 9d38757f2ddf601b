import 'server-only';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { accordDataDir } from '@/scripts/lib/data-dir';

/** Positions of a file's first and last byte wanted, as an HTTP Range names them (inclusive). */
export type ByteRange = { start: number; end: number };

/** Where file bytes live; local disk and S3 answer the same calls. */
export type FileStorage = {
  /** Stores `body` (exactly `size` bytes) under `key`. */
  put(key: string, body: Readable, size: number): Promise<void>;
  /** The stored bytes of `key` as a stream: all of them, or those from `range.start` to `range.end` (inclusive). */
  read(key: string, range?: ByteRange): Promise<Readable>;
  /** Removes `key`; a key already gone is not an error. */
  remove(key: string): Promise<void>;
};

/** A fresh random storage key: nothing about the file or its record can be read from it. */
export function newStorageKey() {
  const id = randomBytes(16).toString('hex');
  return `${id.slice(0, 2)}/${id}`;
}

/** Local disk, in a folder outside the checkout (and so outside `public/`). */
export function localStorage(root: string): FileStorage {
  const fileAt = (key: string) => {
    const file = path.resolve(root, key);
    if (!file.startsWith(path.resolve(root) + path.sep)) throw new Error('Bad storage key.');
    return file;
  };
  return {
    async put(key, body) {
      const file = fileAt(key);
      await mkdir(path.dirname(file), { recursive: true });
      // `wx`: a key is written once, never over another file.
      await pipeline(body, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    },
    async read(key, range) {
      const file = fileAt(key);
      await stat(file);
      return createReadStream(file, range);
    },
    async remove(key) {
      await rm(fileAt(key), { force: true });
    },
  };
}

export type S3Settings = {
  bucket: string;
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
};

/** S3-compatible storage, path-style so local and self-hosted servers work too. */
export function s3Storage(settings: S3Settings): FileStorage {
  const client = new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    forcePathStyle: true,
    // The default checksums send a streamed body in chunked framing, which some S3-compatible
    // servers store as part of the object.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return {
    async put(key, body, size) {
      await client.send(
        new PutObjectCommand({
          Bucket: settings.bucket,
          Key: key,
          Body: body,
          ContentLength: size,
          ContentType: 'application/octet-stream',
        }),
      );
    },
    async read(key, range) {
      const object = await client.send(
        new GetObjectCommand({
          Bucket: settings.bucket,
          Key: key,
          Range: range ? `bytes=${range.start}-${range.end}` : undefined,
        }),
      );
      if (!(object.Body instanceof Readable)) throw new Error('S3 returned no body stream.');
      return object.Body;
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket: settings.bucket, Key: key }));
    },
  };
}

/** Where file bytes live: S3 when all five S3_* variables are set, otherwise local disk. */
export type StorageLocation = { kind: 's3'; settings: S3Settings } | { kind: 'local'; dir: string };

/** The storage the environment names: S3 when all five S3_* variables are set, else ACCORD_FILES_DIR. */
export function storageLocation(
  env: Record<string, string | undefined> = process.env,
): StorageLocation {
  const { S3_BUCKET, S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY } = env;
  if (S3_BUCKET && S3_ENDPOINT && S3_REGION && S3_ACCESS_KEY_ID && S3_SECRET_ACCESS_KEY) {
    return {
      kind: 's3',
      settings: {
        bucket: S3_BUCKET,
        endpoint: S3_ENDPOINT,
        region: S3_REGION,
        accessKeyId: S3_ACCESS_KEY_ID,
        secretAccessKey: S3_SECRET_ACCESS_KEY,
      },
    };
  }
  return {
    kind: 'local',
    dir: env.ACCORD_FILES_DIR
      ? path.resolve(env.ACCORD_FILES_DIR)
      : path.join(accordDataDir(), 'files'),
  };
}

/** The file storage that `env` names (see storageLocation). */
export function storageFromEnvironment(
  env: Record<string, string | undefined> = process.env,
): FileStorage {
  const location = storageLocation(env);
  return location.kind === 's3' ? s3Storage(location.settings) : localStorage(location.dir);
}

const globalForStorage = globalThis as unknown as { accordFileStorage?: FileStorage };

/** The file storage of this process, chosen from the environment on first use. */
export function fileStorage() {
  globalForStorage.accordFileStorage ??= storageFromEnvironment();
  return globalForStorage.accordFileStorage;
}
