export const clientStatuses = ['prospect', 'active', 'paused', 'churned'] as const;
export type ClientStatus = (typeof clientStatuses)[number];
export const clientStatusLabels: Record<ClientStatus, string> = {
  prospect: 'Prospect',
  active: 'Active',
  paused: 'Paused',
  churned: 'Churned',
};

export const clientTiers = ['strategic', 'key', 'standard'] as const;
export type ClientTier = (typeof clientTiers)[number];
export const clientTierLabels: Record<ClientTier, string> = {
  strategic: 'Strategic',
  key: 'Key',
  standard: 'Standard',
};

export const researchTopics = ['company', 'market', 'competitor', 'industry_news'] as const;
export type ResearchTopic = (typeof researchTopics)[number];
export const researchTopicLabels: Record<ResearchTopic, string> = {
  company: 'Company',
  market: 'Market',
  competitor: 'Competitor',
  industry_news: 'Industry news',
};

/** What people log on a timeline by hand; the other kinds are written by Accord itself. */
export const loggedActivityKinds = ['note', 'call', 'email', 'meeting'] as const;
/** Every kind of timeline entry (the `activity_kind` enum is built from this). */
export const activityKinds = [
  ...loggedActivityKinds,
  'change',
  'deal',
  'proposal',
  'feedback',
  'contract',
  'invoice',
  'campaign',
  'material',
] as const;
export const activityKindLabels: Record<(typeof activityKinds)[number], string> = {
  note: 'Note',
  call: 'Call',
  email: 'E-mail',
  meeting: 'Meeting',
  change: 'Change',
  deal: 'Deal',
  proposal: 'Proposal',
  feedback: 'Feedback',
  contract: 'Contract',
  invoice: 'Invoice',
  campaign: 'Campaign',
  material: 'Material',
};

// A fixed pick-list keeps filters and reports consistent (free text would split "SaaS" and "saas").
export const industries = [
  'Automotive',
  'Consumer goods',
  'Education',
  'Energy',
  'Financial services',
  'Food and beverage',
  'Healthcare',
  'Hospitality',
  'Manufacturing',
  'Media and entertainment',
  'Non-profit',
  'Professional services',
  'Real estate',
  'Retail',
  'Software',
  'Telecommunications',
  'Transportation',
] as const;

export const currencies = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'CHF', 'JPY'] as const;

/** How a changed field is named on the timeline. */
export const clientFieldLabels: Record<string, string> = {
  name: 'name',
  status: 'status',
  industry: 'industry',
  tier: 'tier',
  website: 'website',
  phone: 'phone',
  currency: 'currency',
  annualValueCents: 'annual value',
  billingEmail: 'billing e-mail',
  billingAddress: 'billing address',
  notes: 'notes',
  fitScore: 'fit score',
  source: 'source',
  nextStep: 'next step',
  nextStepDate: 'next-step date',
  tags: 'tags',
  ownerId: 'owner',
  coordinatorId: 'coordinator',
};
