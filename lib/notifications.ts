/** What a notification is about (the `notification_kind` enum is built from this). */
export const notificationKinds = [
  'review_requested',
  'proposal_approved',
  'changes_requested',
  'proposal_rejected',
  'review_escalated',
  'proposal_viewed',
  'proposal_accepted',
  'proposal_declined',
  'review_reassigned',
  'meeting_invited',
  'meeting_updated',
  'meeting_cancelled',
  'feedback_routed',
  'feedback_escalated',
  'task_assigned',
  'contract_reminder',
  'invoice_overdue',
  'campaign_budget',
  'material_assigned',
  'material_review_requested',
  'material_sent_back',
  'material_approved',
  'report_filed',
] as const;

/**
 * Where a notification's e-mail is: `pending` until the dispatcher gives it a delivery job,
 * `queued` while that job runs and retries, then `sent`, `skipped` (the recipient is deactivated or
 * no longer sees the account) or `failed` (retries used up; a manager can queue it again).
 */
export const notificationEmailStatuses = [
  'pending',
  'queued',
  'sent',
  'skipped',
  'failed',
] as const;
