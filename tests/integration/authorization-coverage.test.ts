import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { permissionMatrix } from '@/server/auth/permissions';
import { actionRegistry, serverActionsWithoutDefinition } from '../authorization/registry';
import { handlerOf, routeRegistry } from '../authorization/routes';

// The matrix test only proves what its lists name: these fail when an action definition or a
// route handler exists that the lists leave out, or the lists name one that is gone.

const root = path.resolve(import.meta.dirname, '../..');

function filesUnder(folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
    .map((file) => path.join(folder, file).split(path.sep).join('/'))
    .sort();
}

const isActionDefinition = (value: unknown): value is { permission: string } =>
  typeof value === 'object' &&
  value !== null &&
  'schema' in value &&
  'permission' in value &&
  'run' in value &&
  typeof value.run === 'function';

/** Every module in server/ that calls defineAction, with how many times its source does. */
const actionModules = filesUnder('server')
  .filter((file) => file.endsWith('.ts') && file !== 'server/action.ts')
  .map((file) => ({
    file,
    calls: readFileSync(path.join(root, file), 'utf8').split('defineAction(').length - 1,
  }))
  .filter(({ calls }) => calls > 0);

async function discoverActions() {
  const found = new Map<string, { file: string; definition: { permission: string } }>();
  for (const { file, calls } of actionModules) {
    const exported = Object.entries(
      (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>,
    ).filter(([, value]) => isActionDefinition(value));
    // A definition the module keeps to itself would escape the list: each call is exported.
    expect(
      exported.map(([name]) => name),
      file,
    ).toHaveLength(calls);
    for (const [name, definition] of exported) {
      expect(found.has(name), `${name} is exported twice`).toBe(false);
      found.set(name, { file, definition: definition as { permission: string } });
    }
  }
  return found;
}

describe('the list of server actions', () => {
  it('names every action definition in server/, and only those', async () => {
    const found = await discoverActions();
    expect(Object.keys(actionRegistry).sort()).toEqual([...found.keys()].sort());
    for (const [name, { file, definition }] of found) {
      expect(actionRegistry[name]?.definition, `${name} in ${file}`).toBe(definition);
    }
  });

  it('gives each action the permission its definition declares', async () => {
    for (const [name, { definition }] of await discoverActions()) {
      expect(actionRegistry[name]?.permission, name).toBe(definition.permission);
    }
  });

  it('names a record condition for every action whose permission has one', () => {
    for (const [name, entry] of Object.entries(actionRegistry)) {
      const conditional = Object.values(permissionMatrix[entry.permission]).some(Array.isArray);
      if (conditional) expect(entry.condition, name).toBeDefined();
      else if (!entry.condition) expect(Object.keys(entry.fixtures), name).toEqual(['any record']);
    }
  });
});

/** Each export of a 'use server' module, with the definitions it hands to performAction or toFormAction. */
function serverActionExports() {
  return filesUnder('server')
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) => {
      const source = readFileSync(path.join(root, file), 'utf8');
      if (!source.startsWith("'use server'")) return [];
      const starts = [...source.matchAll(/^export (?:async function|const) (\w+)/gm)];
      return starts.map((start, index) => {
        const body = source.slice(start.index, starts[index + 1]?.index);
        const runs = [...body.matchAll(/(?:performAction|toFormAction)\(\s*(\w+)/g)];
        return { name: `${file}#${start[1]}`, runs: runs.map((run) => run[1] ?? '') };
      });
    });
}

describe('the server actions', () => {
  it('run only listed definitions, or are named as running none', () => {
    const exports = serverActionExports();
    for (const { name, runs } of exports) {
      for (const definition of runs) expect(actionRegistry, name).toHaveProperty([definition]);
    }
    expect(Object.keys(serverActionsWithoutDefinition).sort()).toEqual(
      exports
        .filter(({ runs }) => runs.length === 0)
        .map(({ name }) => name)
        .sort(),
    );
  });
});

describe('the list of route handlers', () => {
  it('names every app/**/route.ts, and only those', () => {
    const routes = filesUnder('app').filter((file) => file.endsWith('/route.ts'));
    expect(Object.keys(routeRegistry).sort()).toEqual(routes);
  });

  it("names a method each route's module exports", async () => {
    for (const [file, route] of Object.entries(routeRegistry)) {
      expect(typeof (await handlerOf(route)), file).toBe('function');
    }
  });
});
