import 'server-only';
import { and, asc, desc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import { forbidden, notFound } from 'next/navigation';
import { db } from '@/db/client';
import { proposalTemplates, proposalTemplateVersions, users } from '@/db/schema';
import type { TemplateListParams, TemplateSort } from '@/lib/validation/templates';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { cappedCount, escapeLike } from '@/server/sql';

const authors = alias(users, 'authors');
const publishers = alias(users, 'publishers');

const sortColumns: Record<TemplateSort, PgColumn> = {
  name: proposalTemplates.name,
  category: proposalTemplates.category,
  status: proposalTemplates.status,
  updatedAt: proposalTemplates.updatedAt,
};

function assertCanRead(viewer: CurrentUser) {
  if (!can(viewer, 'templates.write')) forbidden();
}

/** A page of the templates list with a capped total. */
export async function listTemplates(viewer: CurrentUser, params: TemplateListParams) {
  assertCanRead(viewer);
  const where = and(
    params.status ? eq(proposalTemplates.status, params.status) : undefined,
    params.q ? ilike(proposalTemplates.name, `%${escapeLike(params.q)}%`) : undefined,
  );
  const column = sortColumns[params.sort];
  const order: SQL =
    params.dir === 'desc'
      ? sql`${column} desc nulls last, ${proposalTemplates.id} desc`
      : sql`${column} asc nulls last, ${proposalTemplates.id} asc`;
  const [rows, counted] = await Promise.all([
    db
      .select({
        id: proposalTemplates.id,
        name: proposalTemplates.name,
        category: proposalTemplates.category,
        status: proposalTemplates.status,
        publishedVersion: proposalTemplates.publishedVersion,
        authorName: authors.name,
        updatedAt: proposalTemplates.updatedAt,
      })
      .from(proposalTemplates)
      .leftJoin(authors, eq(authors.id, proposalTemplates.authorId))
      .where(where)
      .orderBy(order)
      .limit(params.size)
      .offset((params.page - 1) * params.size),
    cappedCount(proposalTemplates, where),
  ]);
  return { rows, ...counted };
}

/** One template with its author and every published version, newest first. */
export async function getTemplate(viewer: CurrentUser, templateId: string) {
  assertCanRead(viewer);
  const [template] = await db
    .select({
      id: proposalTemplates.id,
      name: proposalTemplates.name,
      category: proposalTemplates.category,
      body: proposalTemplates.body,
      status: proposalTemplates.status,
      publishedVersion: proposalTemplates.publishedVersion,
      version: proposalTemplates.version,
      authorName: authors.name,
      updatedAt: proposalTemplates.updatedAt,
    })
    .from(proposalTemplates)
    .leftJoin(authors, eq(authors.id, proposalTemplates.authorId))
    .where(eq(proposalTemplates.id, templateId));
  if (!template) notFound();
  const versions = await db
    .select({
      number: proposalTemplateVersions.number,
      name: proposalTemplateVersions.name,
      body: proposalTemplateVersions.body,
      publishedAt: proposalTemplateVersions.publishedAt,
      publishedByName: publishers.name,
    })
    .from(proposalTemplateVersions)
    .leftJoin(publishers, eq(publishers.id, proposalTemplateVersions.publishedById))
    .where(eq(proposalTemplateVersions.templateId, templateId))
    .orderBy(desc(proposalTemplateVersions.number));
  const latest = versions[0];
  const hasUnpublishedChanges =
    !latest || latest.body !== template.body || latest.name !== template.name;
  return { ...template, versions, hasUnpublishedChanges };
}

/**
 * The templates offered for a new proposal: only published ones, each with the name and body of
 * its published version (not the working copy someone may be editing).
 */
export async function listPublishedTemplates(user: CurrentUser) {
  if (!can(user, 'proposals.write')) forbidden();
  return db
    .select({
      id: proposalTemplates.id,
      name: proposalTemplateVersions.name,
      category: proposalTemplates.category,
      body: proposalTemplateVersions.body,
      publishedVersion: proposalTemplateVersions.number,
    })
    .from(proposalTemplates)
    .innerJoin(
      proposalTemplateVersions,
      and(
        eq(proposalTemplateVersions.templateId, proposalTemplates.id),
        eq(proposalTemplateVersions.number, proposalTemplates.publishedVersion),
      ),
    )
    .where(eq(proposalTemplates.status, 'published'))
    .orderBy(asc(proposalTemplateVersions.name));
}
