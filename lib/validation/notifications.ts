import { z } from 'zod';

export const notificationIdSchema = z.object({
  id: z.coerce.number({ error: 'Choose a notification.' }).int().positive(),
});

export const markAllNotificationsSchema = z.object({});

/** The /notifications page's URL state: the id of the last notification of the previous page. */
export const notificationPageSchema = z.object({
  before: z.coerce.number().int().positive().optional().catch(undefined),
});
