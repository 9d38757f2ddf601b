import type { z } from 'zod';
import { db } from '@/db/client';
import { savedViews } from '@/db/schema';
import { savedViewLists } from '@/lib/saved-views';
import type { ActionDefinition } from '@/server/action';
import {
  chooseTimeZoneCommand,
  changePasswordCommand,
  updateProfileCommand,
} from '@/server/profile/commands';
import { createCalendarFeedCommand, revokeCalendarFeedCommand } from '@/server/meetings/feed';
import { setTravelBuffersCommand } from '@/server/meetings/travel-buffers';
import {
  markAllNotificationsReadCommand,
  markNotificationReadCommand,
  retryNotificationEmailCommand,
} from '@/server/notifications/commands';
import { fileReportCommand } from '@/server/reports/commands';
import {
  createReportScheduleCommand,
  deleteReportScheduleCommand,
  toggleReportScheduleCommand,
} from '@/server/reports/schedules';
import {
  createSavedViewCommand,
  deleteSavedViewCommand,
  renameSavedViewCommand,
  saveSavedViewStateCommand,
  setDefaultSavedViewCommand,
  shareSavedViewCommand,
} from '@/server/saved-views/commands';
import {
  setCompanySignInSettingsCommand,
  setContractSettingsCommand,
  setDocumentSettingsCommand,
  setRecordVisibilityCommand,
  setReviewSettingsCommand,
  setShareLinkSettingsCommand,
} from '@/server/settings/commands';
import { setFeedbackSlaCommand } from '@/server/feedback/commands';
import {
  saveCompanyDetailsCommand,
  saveCompanyLogoCommand,
  saveInvoiceSettingsCommand,
} from '@/server/invoices/settings-commands';
import {
  addUserCommand,
  changeRoleCommand,
  createSetPasswordLinkCommand,
  deactivateUserCommand,
  reactivateUserCommand,
} from '@/server/users/commands';
import type { CurrentUser } from '@/server/auth/session';
import { createUser, testPassword } from '../../support/factories';
import { createNotification } from '../../support/notification-factories';
import { demoPng } from '@/db/seed/demo-files';
import { registerAction } from '../action-entry';
import { anyRecord, setUp, uniqueName, type BuildFixture, type World } from '../world';

/** An action whose input needs no record: a setting, one's own profile, a new row. */
const withInput = (input: unknown): Record<string, BuildFixture> =>
  anyRecord(async () => ({ input }));

/** A setting only managers change, saved with `input`. */
function managerSetting<TSchema extends z.ZodType, TData>(
  definition: ActionDefinition<TSchema, TData>,
  input: unknown,
) {
  return registerAction(definition, { permission: 'settings.manage', fixtures: withInput(input) });
}

const aTarget = async () => ({ input: { userId: (await createUser({ role: 'coordinator' })).id } });

async function viewOf(owner: CurrentUser, shared = false) {
  const [view] = await db
    .insert(savedViews)
    .values({ ownerId: owner.id, list: 'clients', name: uniqueName('View'), state: '', shared })
    .returning();
  if (!view) throw new Error('view not created');
  return view;
}

const scheduleFields = (recipientId: string) => ({
  report: 'pipeline',
  format: 'csv',
  range: 'thisQuarter',
  frequency: 'weekly',
  recipientIds: recipientId,
});

/** A weekly schedule a manager made, to pause or delete. */
async function aSchedule(_actor: CurrentUser, world: World) {
  const manager = world.otherManager;
  const schedule = await setUp(createReportScheduleCommand, manager, scheduleFields(manager.id));
  return { input: { id: schedule.id } };
}

export const adminActions = {
  addUserCommand: registerAction(addUserCommand, {
    permission: 'users.manage',
    fixtures: anyRecord(async () => ({
      input: {
        passwordMode: 'link',
        name: 'New Colleague',
        email: `${crypto.randomUUID()}@example.test`,
        role: 'coordinator',
        timeZone: 'UTC',
      },
    })),
  }),
  changeRoleCommand: registerAction(changeRoleCommand, {
    permission: 'users.manage',
    fixtures: anyRecord(async () => ({ input: { ...(await aTarget()).input, role: 'executive' } })),
  }),
  deactivateUserCommand: registerAction(deactivateUserCommand, {
    permission: 'users.manage',
    fixtures: anyRecord(aTarget),
  }),
  reactivateUserCommand: registerAction(reactivateUserCommand, {
    permission: 'users.manage',
    fixtures: anyRecord(async () => ({
      input: { userId: (await createUser({ role: 'coordinator', active: false })).id },
    })),
  }),
  createSetPasswordLinkCommand: registerAction(createSetPasswordLinkCommand, {
    permission: 'users.manage',
    fixtures: anyRecord(aTarget),
  }),
  // `open` is what the whole matrix runs under, so an allowed call leaves it so.
  setRecordVisibilityCommand: managerSetting(setRecordVisibilityCommand, { visibility: 'open' }),
  setReviewSettingsCommand: managerSetting(setReviewSettingsCommand, {
    reviewThreshold: '10,000',
    reviewDueHours: '48',
    backupReviewerId: '',
  }),
  setShareLinkSettingsCommand: managerSetting(setShareLinkSettingsCommand, {
    answeredLinkDays: '30',
  }),
  setDocumentSettingsCommand: managerSetting(setDocumentSettingsCommand, { maxUploadMb: '25' }),
  setContractSettingsCommand: managerSetting(setContractSettingsCommand, { reminderDays: '30, 7' }),
  setCompanySignInSettingsCommand: registerAction(setCompanySignInSettingsCommand, {
    permission: 'companySignIn.manage',
    fixtures: withInput({ defaultRole: 'coordinator' }),
  }),
  setFeedbackSlaCommand: managerSetting(setFeedbackSlaCommand, {
    negativeAcknowledgeHours: '4',
    negativeResolveDays: '3',
    neutralAcknowledgeHours: '8',
    neutralResolveDays: '5',
    positiveAcknowledgeHours: '24',
    positiveResolveDays: '10',
  }),
  setTravelBuffersCommand: managerSetting(setTravelBuffersCommand, { inPersonMinutes: '30' }),
  saveInvoiceSettingsCommand: managerSetting(saveInvoiceSettingsCommand, {
    taxRates: 'Standard 20\nReduced 5\nZero 0',
    pricesIncludeTax: 'exclusive',
    taxRounding: 'line',
    invoicePrefix: 'INV',
    creditNotePrefix: 'CN',
    paymentTermsDays: '30',
  }),
  saveCompanyDetailsCommand: managerSetting(saveCompanyDetailsCommand, {
    name: 'Accord Agency',
    address: '',
    taxId: '',
    bankDetails: '',
  }),
  saveCompanyLogoCommand: managerSetting(saveCompanyLogoCommand, {
    logo: demoPng([37, 99, 235], 4, 4).toString('base64'),
  }),
  retryNotificationEmailCommand: registerAction(retryNotificationEmailCommand, {
    permission: 'settings.manage',
    fixtures: anyRecord(async (_actor, world) => {
      const failed = await createNotification(db, world.otherCoordinator.id, {
        emailStatus: 'failed',
        emailError: 'mailbox full',
      });
      return { input: { id: String(failed.id) } };
    }),
  }),
  markNotificationReadCommand: registerAction(markNotificationReadCommand, {
    permission: 'notifications.own',
    fixtures: anyRecord(async (actor) => ({
      input: { id: String((await createNotification(db, actor.id)).id) },
    })),
  }),
  markAllNotificationsReadCommand: registerAction(markAllNotificationsReadCommand, {
    permission: 'notifications.own',
    fixtures: withInput({}),
  }),
  updateProfileCommand: registerAction(updateProfileCommand, {
    permission: 'profile.own',
    fixtures: withInput({
      name: 'Renamed Person',
      timeZone: 'Europe/Berlin',
      locale: 'en-GB',
      workingHoursStart: '09:00',
      workingHoursEnd: '17:00',
      workingDay1: 'on',
    }),
  }),
  chooseTimeZoneCommand: registerAction(chooseTimeZoneCommand, {
    permission: 'profile.own',
    fixtures: withInput({ timeZone: 'Europe/Paris' }),
  }),
  changePasswordCommand: registerAction(changePasswordCommand, {
    permission: 'profile.own',
    // Each role's actor changes its password once, from the factories' password.
    fixtures: withInput({
      currentPassword: testPassword,
      password: 'granite-orchid-voyage-42',
      confirmPassword: 'granite-orchid-voyage-42',
    }),
  }),
  createCalendarFeedCommand: registerAction(createCalendarFeedCommand, {
    permission: 'profile.own',
    fixtures: withInput({}),
  }),
  revokeCalendarFeedCommand: registerAction(revokeCalendarFeedCommand, {
    permission: 'profile.own',
    fixtures: anyRecord(async (actor) => {
      await setUp(createCalendarFeedCommand, actor, {});
      return { input: {} };
    }),
  }),
  createSavedViewCommand: registerAction(createSavedViewCommand, {
    permission: 'savedViews.own',
    condition: {
      permission: 'users.manage',
      rule: "the list's own permission: users.manage for the users list, clients.read otherwise",
    },
    fixtures: Object.fromEntries(
      (['clients', 'users'] as const satisfies readonly (typeof savedViewLists)[number][]).map(
        (list) => [
          `the ${list} list`,
          async () => ({
            input: { list, name: uniqueName('View'), state: '' },
            record: {},
            judgedBy: list === 'users' ? 'users.manage' : 'clients.read',
          }),
        ],
      ),
    ),
  }),
  saveSavedViewStateCommand: registerAction(saveSavedViewStateCommand, {
    permission: 'savedViews.own',
    fixtures: anyRecord(async (actor) => ({
      input: { id: (await viewOf(actor)).id, list: 'clients', state: 'status=active' },
    })),
  }),
  renameSavedViewCommand: registerAction(renameSavedViewCommand, {
    permission: 'savedViews.own',
    fixtures: anyRecord(async (actor) => ({
      input: { id: (await viewOf(actor)).id, name: uniqueName('Renamed') },
    })),
  }),
  shareSavedViewCommand: registerAction(shareSavedViewCommand, {
    permission: 'savedViews.share',
    fixtures: anyRecord(async (actor) => ({
      input: { id: (await viewOf(actor)).id, shared: 'on' },
    })),
  }),
  deleteSavedViewCommand: registerAction(deleteSavedViewCommand, {
    permission: 'savedViews.own',
    condition: { permission: 'savedViews.deleteShared', rule: "a colleague's shared view" },
    fixtures: {
      'own view': async (actor) => ({
        input: { id: (await viewOf(actor)).id },
        record: {},
        judgedBy: 'savedViews.own',
      }),
      "a colleague's shared view": async (_actor, world) => ({
        input: { id: (await viewOf(world.otherCoordinator, true)).id },
        record: {},
      }),
    },
  }),
  setDefaultSavedViewCommand: registerAction(setDefaultSavedViewCommand, {
    permission: 'savedViews.own',
    fixtures: anyRecord(async (actor) => ({
      input: { list: 'clients', id: (await viewOf(actor)).id },
    })),
  }),
  fileReportCommand: registerAction(fileReportCommand, {
    permission: 'reports.own',
    fixtures: withInput({ report: 'pipeline', format: 'csv', range: 'thisQuarter' }),
  }),
  createReportScheduleCommand: registerAction(createReportScheduleCommand, {
    permission: 'reports.schedule',
    fixtures: anyRecord(async (_actor, world) => ({
      input: scheduleFields(world.otherManager.id),
    })),
  }),
  toggleReportScheduleCommand: registerAction(toggleReportScheduleCommand, {
    permission: 'reports.schedule',
    fixtures: anyRecord(aSchedule),
  }),
  deleteReportScheduleCommand: registerAction(deleteReportScheduleCommand, {
    permission: 'reports.schedule',
    fixtures: anyRecord(aSchedule),
  }),
};
