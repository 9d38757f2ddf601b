import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export type RunningServer = { name: string; base: string; pid: number; stop: () => Promise<void> };

/** Waits until `url` answers below 500, or fails when the server exits or never answers. */
export async function waitFor(url: string, server: ChildProcess) {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    if (server.exitCode !== null) throw new Error(`The server exited (${server.exitCode}).`);
    const ok = await fetch(url, { redirect: 'manual' }).then(
      (response) => response.status < 500,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer.`);
}

export function started(name: string, server: ChildProcess, base: string): RunningServer {
  return {
    name,
    base,
    pid: server.pid ?? 0,
    stop: () =>
      new Promise<void>((resolve) => {
        if (server.exitCode !== null) return resolve();
        server.once('exit', () => resolve());
        server.kill('SIGTERM');
      }),
  };
}

/**
 * Accord's production build served as `npm start` serves it, on 127.0.0.1:`port`, with the
 * environment `env` on top of this process's; resolves once /api/health answers.
 */
export async function startAccordServer(port: number, env: Record<string, string>) {
  const server = spawn(
    path.resolve('node_modules', '.bin', 'tsx'),
    ['scripts/start.ts', '--port', String(port), '--hostname', '127.0.0.1'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', AUTH_TRUST_HOST: 'true', ...env },
    },
  );
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/api/health`, server);
  } catch (error) {
    server.kill('SIGTERM');
    throw error;
  }
  return started('Accord', server, base);
}

/** `npm run db:migrate` against `databaseUrl` in a process of its own; resolves with its exit code. */
export function migrateInProcess(databaseUrl: string) {
  return new Promise<number | null>((resolve) =>
    spawn(
      path.resolve('node_modules', '.bin', 'tsx'),
      ['--conditions=react-server', 'scripts/migrate.ts'],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, DATABASE_URL: databaseUrl },
      },
    ).on('exit', resolve),
  );
}
