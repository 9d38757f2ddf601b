import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { migrateDatabase } from '@/db/migrate';
import { acquireTestServer, createDatabase, dropDatabase } from './lib/test-database';

/**
 * `npm test`: type check, lint, Vitest (unit and integration), a production build and Playwright
 * against it. One PostgreSQL serves them all: TEST_DATABASE_URL, or an embedded server started
 * here. Ends with one line totalling every suite: `N passed, M failed`.
 */

type Tally = { suite: string; passed: number; failed: number };
// Starts two production servers, so it runs after the build (and skips itself without one).
const twoInstancesTest = 'tests/integration/two-instances.test.ts';
const tallies: Tally[] = [];
const resultsDir = path.join(process.cwd(), 'test-results');

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<boolean> {
  console.log(`\n▶ ${command} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    });
    child.on('exit', (code) => resolve(code === 0));
    child.on('error', () => resolve(false));
  });
}

const bin = (name: string) => path.join('node_modules', '.bin', name);

/** A step that is one check: it passes or fails as a whole. */
async function check(suite: string, command: string, args: string[], env?: Record<string, string>) {
  const ok = await run(command, args, env);
  tallies.push({ suite, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  return ok;
}

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

/** Vitest with a JSON report in test-results/`report`.json, tallied under `suite`. */
async function vitest(suite: string, report: string, args: string[], env: Record<string, string>) {
  const ok = await run(
    bin('vitest'),
    [
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${path.join(resultsDir, `${report}.json`)}`,
      ...args,
    ],
    env,
  );
  const result = readJson<{ numPassedTests: number; numFailedTests: number }>(
    path.join(resultsDir, `${report}.json`),
  );
  tallies.push({
    suite,
    passed: result?.numPassedTests ?? 0,
    failed: result ? result.numFailedTests + (ok || result.numFailedTests > 0 ? 0 : 1) : 1,
  });
}

async function main() {
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });

  await check('type check', bin('tsc'), ['--noEmit']);
  await check('lint', 'npm', ['run', '--silent', 'lint']);

  const server = await acquireTestServer();
  const e2eDatabase = `accord_e2e_${process.pid}`;
  try {
    await vitest('unit and integration', 'vitest', ['--exclude', twoInstancesTest], {
      TEST_DATABASE_URL: server.adminUrl,
    });

    if (await check('production build', bin('next'), ['build'])) {
      await vitest('two instances', 'two-instances', [twoInstancesTest], {
        TEST_DATABASE_URL: server.adminUrl,
      });
      const e2eUrl = await createDatabase(server.adminUrl, e2eDatabase);
      await migrateDatabase(e2eUrl);
      const e2eOk = await run(bin('playwright'), ['test'], {
        E2E_DATABASE_URL: e2eUrl,
        E2E_AUTH_SECRET: randomBytes(32).toString('base64url'),
      });
      const e2e = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(
        path.join(resultsDir, 'e2e.json'),
      );
      tallies.push({
        suite: 'end to end',
        passed: (e2e?.stats.expected ?? 0) + (e2e?.stats.flaky ?? 0),
        failed: e2e ? e2e.stats.unexpected + (e2eOk || e2e.stats.unexpected > 0 ? 0 : 1) : 1,
      });
    }
  } finally {
    await dropDatabase(server.adminUrl, e2eDatabase).catch(() => undefined);
    await server.stop();
  }

  console.log('\nSummary');
  for (const { suite, passed, failed } of tallies)
    console.log(`  ${suite.padEnd(22)} ${passed} passed, ${failed} failed`);
  const passed = tallies.reduce((sum, tally) => sum + tally.passed, 0);
  const failed = tallies.reduce((sum, tally) => sum + tally.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
