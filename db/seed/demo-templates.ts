import 'server-only';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { proposalTemplates, proposalTemplateVersions } from '@/db/schema';

type Transaction = Parameters<
  Parameters<PostgresJsDatabase<Record<string, never>>['transaction']>[0]
>[0];

const demoTemplates = [
  {
    name: 'Monthly retainer',
    category: 'Retainer',
    body: `# Monthly retainer for {{client.name}}

Prepared for {{contact.name}}, {{contact.title}}, on {{today}}.

## What we heard

{{client.name}} wants a steady partner in **{{client.industry}}** who can plan, produce and report
every month without a new contract for each piece of work.

## What we will do each month

- A planning session with your team in the first week
- Campaign production and channel management
- A written performance report with next month's recommendations

## Investment

**{{deal.amount}}** a month, billed monthly, with a three-month minimum term.

Your account owner is {{owner.name}} ({{owner.email}}).
`,
  },
  {
    name: 'Website redesign project',
    category: 'Project',
    body: `# {{deal.name}}

A proposal for {{client.name}} ({{client.website}}), prepared by {{author.name}}.

## Scope

1. **Discovery**: stakeholder interviews, analytics review and a content audit
2. **Design**: wireframes, a visual design system and two rounds of revisions
3. **Build**: responsive templates, CMS set-up and launch support

## Timeline

We aim to launch by **{{deal.expected_close}}**, with a review at the end of each phase.

## Investment

A fixed fee of **{{deal.amount}}**, invoiced 40% at kick-off, 40% at design sign-off and 20% at
launch.

Questions? Write to {{owner.name}} at {{owner.email}}.
`,
  },
  {
    name: 'Campaign launch',
    category: 'Campaign',
    body: `# Launch campaign for {{client.name}}

Dear {{contact.name}},

Thank you for the conversation about **{{deal.name}}**. Here is how we would take it to market.

## Approach

- Positioning workshop and message testing
- Paid social and search for the first eight weeks
- Weekly results in a shared dashboard

## Budget

Agency fee of **{{deal.amount}}**, excluding media spend.

Kind regards,
{{author.name}} — on behalf of {{owner.name}}
`,
  },
];

/** Published proposal templates (version 1 of each), written and published by the given people. */
export async function seedDemoTemplates(
  tx: Transaction,
  people: { authorId: string | null; publisherId: string | null },
) {
  for (const template of demoTemplates) {
    const [created] = await tx
      .insert(proposalTemplates)
      .values({
        ...template,
        status: 'published',
        publishedVersion: 1,
        authorId: people.authorId,
      })
      .returning({ id: proposalTemplates.id });
    if (!created) throw new Error('demo template not created');
    await tx.insert(proposalTemplateVersions).values({
      templateId: created.id,
      number: 1,
      name: template.name,
      body: template.body,
      publishedById: people.publisherId,
    });
  }
}
