import type { Metadata } from 'next';
import { DutiesCard } from '@/components/home/duties-card';
import {
  FeedbackRoutedToMe,
  FeedbackSlaCard,
  MaterialsDue,
  TasksDue,
} from '@/components/home/my-work';
import { ProposalWork } from '@/components/home/proposal-work';
import { TeamSummary } from '@/components/home/team-summary';
import { TodaysMeetings, todaysMeetingsShown } from '@/components/home/todays-meetings';
import { PipelineDashboard } from '@/components/reports/pipeline-dashboard';
import { PageHeader } from '@/components/ui/card';
import { roleLabels } from '@/lib/roles';
import { listRecentAuditEntries } from '@/server/audit/queries';
import { can } from '@/server/auth/permissions';
import { requireUser } from '@/server/auth/session';
import { getFeedbackSlaFigure, listFeedbackRoutedToMe } from '@/server/feedback/queries';
import { meetingsForUserOnDay } from '@/server/meetings/queries';
import {
  getReviewQueue,
  listProposalsWaitingOnMe,
  reviewQueueLimit,
} from '@/server/proposals/queries';
import { listMyMaterialsDue } from '@/server/materials/queries';
import { listMyTasksDue } from '@/server/tasks/queries';
import { getPipelineDashboard } from '@/server/reports/pipeline';
import { getUserCounts } from '@/server/users/queries';
import { calendarHref } from '@/lib/calendar';
import { calendarDateIn, viewerFormat } from '@/lib/format';

export const metadata: Metadata = { title: 'Home' };

export default async function HomePage() {
  const user = await requireUser();
  const firstName = user.name.split(' ')[0];
  const header = (
    <PageHeader
      title={`Welcome, ${firstName}`}
      description={`Signed in as ${roleLabels[user.role].toLowerCase()}.`}
    />
  );
  const now = new Date();
  // One day for every card and link, so they cannot disagree at midnight.
  const today = calendarDateIn(user.timeZone, now);
  const [waitingOnMe, reviewQueue, tasksDue, routedFeedback, todaysMeetings, materialsDue] =
    await Promise.all([
      listProposalsWaitingOnMe(user),
      can(user, 'proposals.review') ? getReviewQueue(user) : null,
      listMyTasksDue(user, now),
      listFeedbackRoutedToMe(user),
      meetingsForUserOnDay(user, today, todaysMeetingsShown),
      listMyMaterialsDue(user, now),
    ]);
  // "My work" (DESIGN.md §3).
  const work = (
    <div className="grid gap-6 lg:grid-cols-2">
      <TodaysMeetings
        meetings={todaysMeetings}
        viewer={viewerFormat(user)}
        agendaHref={calendarHref({
          view: 'agenda',
          date: today,
          people: [user.id],
          clients: [],
          kinds: [],
        })}
      />
      <TasksDue tasks={tasksDue} viewer={viewerFormat(user)} now={now} />
      <FeedbackRoutedToMe items={routedFeedback} viewer={viewerFormat(user)} now={now} />
      <MaterialsDue materials={materialsDue} viewer={viewerFormat(user)} today={today} />
      {reviewQueue ? (
        <ProposalWork
          title="Waiting for your review"
          items={reviewQueue.slice(0, 5)}
          empty="Nothing is waiting for your review."
          moreHref="/proposals/review"
          locale={user.locale}
          moreLabel={`Review queue (${reviewQueue.length}${reviewQueue.length === reviewQueueLimit ? '+' : ''})`}
        />
      ) : null}
      <ProposalWork
        title="Proposals waiting on you"
        items={waitingOnMe}
        empty="None of your proposals waits on you: nothing to revise or send."
        moreHref={`/proposals?author=${user.id}`}
        moreLabel="Your proposals"
        locale={user.locale}
      />
    </div>
  );
  // Every role has a pipeline dashboard: the whole team, an executive's book, or their own numbers.
  if (can(user, 'users.manage') && can(user, 'auditLog.read')) {
    const [dashboard, counts, recent, feedbackSla] = await Promise.all([
      getPipelineDashboard(user),
      getUserCounts(user),
      listRecentAuditEntries(user),
      getFeedbackSlaFigure(user, now),
    ]);
    return (
      <>
        {header}
        <div className="space-y-6">
          {work}
          <FeedbackSlaCard figure={feedbackSla} locale={user.locale} />
          <PipelineDashboard dashboard={dashboard} locale={user.locale} />
          <TeamSummary counts={counts} recent={recent} viewer={viewerFormat(user)} />
          <DutiesCard role={user.role} />
        </div>
      </>
    );
  }
  const dashboard = await getPipelineDashboard(user);
  return (
    <>
      {header}
      <div className="space-y-6">
        {work}
        <PipelineDashboard dashboard={dashboard} locale={user.locale} />
        <DutiesCard role={user.role} />
      </div>
    </>
  );
}
