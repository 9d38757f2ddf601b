import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import postgres from 'postgres';

type Role = 'coordinator' | 'executive' | 'manager';

export type TestUser = { id: string; name: string; email: string; role: Role; password: string };

let sql: postgres.Sql | undefined;
function database() {
  sql ??= postgres(process.env.E2E_DATABASE_URL ?? '', { max: 2, onnotice: () => {} });
  return sql;
}

/** A user of its own for one test, inserted straight into the test database (or `into`). */
export async function createUser(
  role: Role,
  overrides: { name?: string; mustChangePassword?: boolean } = {},
  into: postgres.Sql = database(),
): Promise<TestUser> {
  const unique = randomUUID().slice(0, 8);
  const password = `pw-${randomUUID()}`;
  const user = {
    name: overrides.name ?? `E2E ${role[0]?.toUpperCase()}${role.slice(1)} ${unique}`,
    email: `e2e-${role}-${unique}@example.test`,
    role,
    password,
  };
  const [row] = await into`
    insert into users (name, email, role, password_hash, must_change_password)
    values (${user.name}, ${user.email}, ${role}, ${await hash(password)},
            ${overrides.mustChangePassword ?? false})
    returning id`;
  return { ...user, id: String(row?.id) };
}

export async function findUserByEmail(email: string) {
  const [row] =
    await database()`select id, role, active from users where lower(email) = lower(${email})`;
  return row as { id: string; role: Role; active: boolean } | undefined;
}

type ClientOptions = {
  status?: string;
  ownerId?: string;
  coordinatorId?: string;
  website?: string;
  /** When it was last changed, e.g. '2026-03-08T10:30:00Z'; now by default. */
  updatedAt?: string;
};

/** A client inserted straight into the test database; assign it to whoever must see it under "assigned". */
export async function createClient(name: string, options: ClientOptions = {}) {
  const [row] = await database()`
    insert into clients (name, status, owner_id, coordinator_id, website, updated_at)
    values (${name}, ${options.status ?? 'active'}, ${options.ownerId ?? null}, ${options.coordinatorId ?? null}, ${options.website ?? null},
            coalesce(${options.updatedAt ?? null}::timestamptz, now()))
    returning id, version`;
  return { id: String(row?.id), name, version: Number(row?.version) };
}

export async function createContact(clientId: string, name: string, email: string) {
  await database()`insert into contacts (client_id, name, email) values (${clientId}, ${name}, ${email})`;
}

export async function setRecordVisibility(visibility: 'open' | 'assigned') {
  await database()`
    insert into settings (key, value) values ('records.visibility', ${database().json(visibility)})
    on conflict (key) do update set value = excluded.value`;
}

/** A deal of a client, inserted straight into the test database. */
export async function createDeal(
  clientId: string,
  name: string,
  options: { stage?: string; amountCents?: number; ownerId?: string } = {},
) {
  const [row] = await database()`
    insert into deals (client_id, name, stage, probability, amount_cents, owner_id)
    values (${clientId}, ${name}, ${options.stage ?? 'negotiation'}, 75, ${options.amountCents ?? 4_200_000}, ${options.ownerId ?? null})
    returning id`;
  return { id: String(row?.id), name };
}

/** A published proposal template with one version carrying `body`. */
export async function createPublishedTemplate(name: string, body: string) {
  const [row] = await database()`
    insert into proposal_templates (name, body, status, published_version)
    values (${name}, ${body}, 'published', 1)
    returning id`;
  await database()`
    insert into proposal_template_versions (template_id, number, name, body)
    values (${row?.id}, 1, ${name}, ${body})`;
  return { id: String(row?.id), name };
}

/**
 * A notification for `userId`, inserted straight into the test database; unread unless `read`,
 * about the account `clientId` when given. Its e-mail counts as sent (the server's job would
 * otherwise mail it), or failed with `emailFailedWith`.
 */
export async function createNotification(
  userId: string,
  notification: {
    title: string;
    body?: string;
    href: string;
    read?: boolean;
    clientId?: string;
    /** The mail server's answer to an e-mail that used up its retries. */
    emailFailedWith?: string;
  },
) {
  const failed = notification.emailFailedWith;
  const [row] = await database()`
    insert into notifications (user_id, kind, title, body, href, client_id, read_at,
                               email_status, email_error, email_attempts, emailed_at)
    values (${userId}, 'review_requested', ${notification.title}, ${notification.body ?? null},
            ${notification.href}, ${notification.clientId ?? null}, ${notification.read ? new Date() : null},
            ${failed ? 'failed' : 'sent'}, ${failed ?? null}, ${failed ? 6 : 1}, ${new Date()})
    returning id`;
  return { id: Number(row?.id) };
}

/** Back to the default review settings, so one spec's choice does not reach another's proposals. */
export async function resetReviewSettings() {
  await database()`delete from settings where key = 'proposals.review'`;
}

/** A scheduled meeting of `userId` at a client, inserted straight into the test database. */
export async function createBusyMeeting(
  clientId: string,
  userId: string,
  title: string,
  startsAt: Date,
  endsAt: Date,
) {
  await database()`
    with meeting as (
      insert into meetings (title, kind, client_id, organizer_id, time_zone, starts_at, ends_at, video_url)
      values (${title}, 'meeting', ${clientId}, ${userId}, 'UTC', ${startsAt}, ${endsAt}, 'meet.example.com/busy')
      returning id)
    insert into meeting_attendees (meeting_id, user_id, starts_at, ends_at)
    select id, ${userId}, ${startsAt}, ${endsAt} from meeting`;
}

/** An open task of `assigneeId`, created by them, inserted straight into the test database. */
export async function createTask(
  title: string,
  options: { assigneeId: string; clientId?: string; dueAt?: Date },
) {
  const [row] = await database()`
    insert into tasks (title, due_at, assignee_id, created_by_id, client_id, link_kind, link_id)
    values (${title}, ${options.dueAt ?? null}, ${options.assigneeId}, ${options.assigneeId},
            ${options.clientId ?? null}, ${options.clientId ? 'client' : null}, ${options.clientId ?? null})
    returning id`;
  return { id: String(row?.id), title };
}
