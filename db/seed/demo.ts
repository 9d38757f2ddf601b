import 'server-only';
import { sql } from 'drizzle-orm';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { auditLog, settings, users } from '@/db/schema';
import type { Role } from '@/lib/roles';
import { hashPassword } from '@/server/auth/password';
import { seedDemoCampaigns } from './demo-campaigns';
import { seedDemoClients } from './demo-clients';
import { seedDemoMeetings } from './demo-meetings';
import { seedDemoFeedback } from './demo-feedback';
import { seedDemoContracts } from './demo-contracts';
import { seedDemoInvoices } from './demo-invoices';
import { seedDemoMaterials } from './demo-materials';
import { seedDemoHistory } from './demo-history';
import { seedDemoPipeline } from './demo-pipeline';
import { seedDemoTemplates } from './demo-templates';

export const demoPassword = 'accord-demo';

type TeamMember = { email: string; role: Role; name: string; active?: boolean };

export const demoSignIns: TeamMember[] = [
  { email: 'coordinator@accord.test', role: 'coordinator', name: 'Casey Coordinator' },
  { email: 'executive@accord.test', role: 'executive', name: 'Evan Executive' },
  { email: 'manager@accord.test', role: 'manager', name: 'Morgan Manager' },
];

// The rest of a small account team, so lists and counts have something to show.
const demoTeam: TeamMember[] = [
  { email: 'priya.shah@accord.test', role: 'coordinator', name: 'Priya Shah' },
  { email: 'tom.becker@accord.test', role: 'coordinator', name: 'Tom Becker' },
  { email: 'lena.okafor@accord.test', role: 'executive', name: 'Lena Okafor' },
  { email: 'marco.ruiz@accord.test', role: 'executive', name: 'Marco Ruiz' },
  { email: 'ines.laurent@accord.test', role: 'coordinator', name: 'Inès Laurent', active: false },
];

const defaultSettings = {
  'company.name': 'Northwind Agency',
  'company.defaultCurrency': 'USD',
  'records.visibility': 'open',
} as const;

/**
 * Demo users and settings. Runs only when the database has no users yet, so a second run (or a
 * database someone has been using) is left alone. Returns whether it seeded anything.
 */
export async function seedDemo(db: PostgresJsDatabase<Record<string, never>>): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${users} in exclusive mode`);
    const [existing] = await tx.select({ id: users.id }).from(users).limit(1);
    if (existing) return false;
    const passwordHash = await hashPassword(demoPassword);
    const created = await tx
      .insert(users)
      .values(
        [...demoSignIns, ...demoTeam].map((person) => ({
          name: person.name,
          email: person.email,
          role: person.role,
          active: person.active ?? true,
          passwordHash,
        })),
      )
      .returning({
        id: users.id,
        email: users.email,
        role: users.role,
        name: users.name,
        active: users.active,
      });
    await tx
      .insert(settings)
      .values(Object.entries(defaultSettings).map(([key, value]) => ({ key, value })))
      .onConflictDoNothing();
    const demoClients = await seedDemoClients(tx, {
      executives: created
        .filter((user) => user.role === 'executive' && user.active)
        .map((user) => user.id),
      coordinators: created
        .filter((user) => user.role === 'coordinator' && user.active)
        .map((user) => user.id),
    });
    await seedDemoTemplates(tx, {
      authorId: created.find((user) => user.role === 'coordinator')?.id ?? null,
      publisherId: created.find((user) => user.role === 'manager')?.id ?? null,
    });
    const team = {
      coordinatorId: created.find((user) => user.role === 'coordinator')?.id ?? null,
      executiveId: created.find((user) => user.role === 'executive')?.id ?? null,
    };
    await seedDemoPipeline(tx, demoClients, team);
    await seedDemoMeetings(tx, demoClients, created);
    await seedDemoFeedback(tx, demoClients, team);
    await seedDemoContracts(tx, demoClients, team);
    await seedDemoInvoices(tx, demoClients, team);
    await seedDemoCampaigns(tx, demoClients);
    await seedDemoMaterials(tx, demoClients, {
      ...team,
      managerId: created.find((user) => user.role === 'manager')?.id ?? null,
    });
    await seedDemoHistory(tx, demoClients, team);
    await tx.insert(auditLog).values(
      created.map((user) => ({
        actorId: null,
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        after: { name: user.name, email: user.email, role: user.role, source: 'demo seed' },
      })),
    );
    return true;
  });
}
