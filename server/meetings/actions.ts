'use server';

import { findTimeSchema } from '@/lib/validation/meetings';
import { performAction, toFormAction } from '@/server/action';
import { getUserForRoute } from '@/server/auth/session';
import {
  cancelMeetingCommand,
  completeMeetingCommand,
  createMeetingCommand,
  moveMeetingCommand,
  updateMeetingCommand,
} from './commands';
import { createCalendarFeedCommand, revokeCalendarFeedCommand } from './feed';
import { findMeetingTimes, listClientMeetingOptions } from './queries';
import { setTravelBuffersCommand } from './travel-buffers';

const meetingPages = ['/calendar', '/meetings/[id]', '/clients/[id]', '/'];

/** The meeting form sends JSON: attendees and contacts are lists. */
export async function createMeeting(input: unknown) {
  return performAction(createMeetingCommand, input, meetingPages);
}

export async function updateMeeting(input: unknown) {
  return performAction(updateMeetingCommand, input, meetingPages);
}

/** The week view's drag and resize, and the move form. */
export async function moveMeeting(input: unknown) {
  return performAction(moveMeetingCommand, input, meetingPages);
}

export const cancelMeeting = toFormAction(cancelMeetingCommand, meetingPages);
/** The complete form sends JSON: its follow-up tasks are a list. */
export async function completeMeeting(input: unknown) {
  return performAction(completeMeetingCommand, input, [...meetingPages, '/tasks']);
}

export const createCalendarFeed = toFormAction(createCalendarFeedCommand, ['/profile']);
export const revokeCalendarFeed = toFormAction(revokeCalendarFeedCommand, ['/profile']);

export const setTravelBuffers = toFormAction(setTravelBuffersCommand, ['/admin/settings']);

/** "Find a time": the next free slots for the chosen people, as ISO instants. */
export async function findTimes(input: unknown) {
  const user = await getUserForRoute();
  const parsed = findTimeSchema.safeParse(input);
  if (!user || !parsed.success) return [];
  const slots = await findMeetingTimes(user, parsed.data);
  return slots.map((slot) => ({ start: slot.start.toISOString(), end: slot.end.toISOString() }));
}

/** The contacts and deals of the client chosen in the meeting form. */
export async function loadClientMeetingOptions(clientId: string) {
  const user = await getUserForRoute();
  if (!user || !/^[0-9a-f-]{36}$/i.test(clientId)) return null;
  return listClientMeetingOptions(user, clientId);
}
