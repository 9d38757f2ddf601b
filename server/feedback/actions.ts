'use server';

import { toFormAction } from '@/server/action';
import {
  acknowledgeFeedbackCommand,
  logFeedbackCommand,
  resolveFeedbackCommand,
  routeFeedbackCommand,
  setFeedbackSlaCommand,
} from './commands';

const feedbackPages = ['/', '/feedback', '/feedback/[id]', '/clients/[id]'];

export const logFeedback = toFormAction(logFeedbackCommand, feedbackPages);
export const routeFeedback = toFormAction(routeFeedbackCommand, feedbackPages);
export const acknowledgeFeedback = toFormAction(acknowledgeFeedbackCommand, feedbackPages);
export const resolveFeedback = toFormAction(resolveFeedbackCommand, feedbackPages);
export const setFeedbackSla = toFormAction(setFeedbackSlaCommand, ['/admin/settings']);
