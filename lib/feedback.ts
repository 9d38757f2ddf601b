export const feedbackChannels = ['call', 'email', 'meeting', 'survey', 'other'] as const;
export type FeedbackChannel = (typeof feedbackChannels)[number];

export const feedbackChannelLabels: Record<FeedbackChannel, string> = {
  call: 'Call',
  email: 'E-mail',
  meeting: 'Meeting',
  survey: 'Survey',
  other: 'Other',
};

export const feedbackSentiments = ['positive', 'neutral', 'negative'] as const;
export type FeedbackSentiment = (typeof feedbackSentiments)[number];

export const feedbackSentimentLabels: Record<FeedbackSentiment, string> = {
  positive: 'Positive',
  neutral: 'Neutral',
  negative: 'Negative',
};

export const feedbackStatuses = ['new', 'routed', 'acknowledged', 'resolved'] as const;
export type FeedbackStatus = (typeof feedbackStatuses)[number];

export const feedbackStatusLabels: Record<FeedbackStatus, string> = {
  new: 'New',
  routed: 'Routed',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
};

export type FeedbackTransition = 'route' | 'acknowledge' | 'resolve';

/** DESIGN.md's feedback life cycle: transition → the statuses it may start from → where it ends. */
export const feedbackTransitions: Record<
  FeedbackTransition,
  { from: readonly FeedbackStatus[]; to: FeedbackStatus }
> = {
  // Routing again (to someone else) restarts the clock; acknowledged work is not taken back.
  route: { from: ['new', 'routed'], to: 'routed' },
  acknowledge: { from: ['routed'], to: 'acknowledged' },
  resolve: { from: ['routed', 'acknowledged'], to: 'resolved' },
};

export function canTransitionFeedback(status: FeedbackStatus, transition: FeedbackTransition) {
  return feedbackTransitions[transition].from.includes(status);
}

/**
 * The SLA of one sentiment, in the routed user's business time: hours to acknowledge, business
 * days to resolve (a business day is the length of that user's working day).
 */
export type SentimentSla = { acknowledgeHours: number; resolveDays: number };
export type FeedbackSla = Record<FeedbackSentiment, SentimentSla>;

export const defaultFeedbackSla: FeedbackSla = {
  negative: { acknowledgeHours: 4, resolveDays: 3 },
  neutral: { acknowledgeHours: 8, resolveDays: 5 },
  positive: { acknowledgeHours: 16, resolveDays: 10 },
};
