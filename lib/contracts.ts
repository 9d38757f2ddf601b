export const contractStatuses = [
  'draft',
  'sent',
  'signed',
  'active',
  'expired',
  'terminated',
] as const;
export type ContractStatus = (typeof contractStatuses)[number];

export const contractStatusLabels: Record<ContractStatus, string> = {
  draft: 'Draft',
  sent: 'Sent',
  signed: 'Signed',
  active: 'Active',
  expired: 'Expired',
  terminated: 'Terminated',
};

/** What a reminder counts down to: the last day to give notice, or the end of the term. */
export const contractReminderKinds = ['notice', 'end'] as const;
export type ContractReminderKind = (typeof contractReminderKinds)[number];

/** A contract is invoiced once it is signed, and while it runs. */
export function isContractInvoiceable(status: ContractStatus) {
  return status === 'signed' || status === 'active';
}

export type ContractTransition = 'send' | 'sign' | 'activate' | 'expire' | 'terminate' | 'renew';

/** DESIGN.md's contract life cycle: transition → the statuses it may start from → where it ends. */
export const contractTransitions = {
  send: { from: ['draft'], to: 'sent' },
  sign: { from: ['sent'], to: 'signed' },
  activate: { from: ['signed'], to: 'active' },
  expire: { from: ['active'], to: 'expired' },
  terminate: { from: ['sent', 'signed', 'active'], to: 'terminated' },
  // Renewal extends the term in place; an expired contract can still be brought back.
  renew: { from: ['active', 'expired'], to: 'active' },
} as const satisfies Record<
  ContractTransition,
  { from: readonly ContractStatus[]; to: ContractStatus }
>;

/** The status `transition` leads to from `status`, or null when the life cycle forbids it. */
export function nextContractStatus(
  status: ContractStatus,
  transition: ContractTransition,
): ContractStatus | null {
  const { from, to } = contractTransitions[transition];
  return (from as readonly ContractStatus[]).includes(status) ? to : null;
}

/** Only drafts are edited; what was sent is what gets signed. */
export function isContractEditable(status: ContractStatus) {
  return status === 'draft';
}

/** `date` (YYYY-MM-DD) plus `days`, in calendar days. */
export function addDays(date: string, days: number) {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

/** `date` plus `months`, on the same day of the month or the month's last day when it is shorter. */
export function addMonths(date: string, months: number) {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The last day to give notice: the end date minus the notice period; null without an end date. */
export function noticeDeadline(endDate: string | null, noticePeriodDays: number) {
  return endDate ? addDays(endDate, -noticePeriodDays) : null;
}

/** The "notice due within" filter of the contracts list, in days. */
export const noticeWindows = [30, 60, 90] as const;
export type NoticeWindow = (typeof noticeWindows)[number];

/** Days before the notice deadline and the end date when Admin → Settings names none. */
export const defaultReminderDays = [30, 14, 7] as const;
