import type { Metadata } from 'next';
import { CalendarFeedCard } from '@/components/meetings/calendar-feed-card';
import { ChangePasswordForm } from '@/components/profile/change-password-form';
import { ProfileForm } from '@/components/profile/profile-form';
import { Card, PageHeader } from '@/components/ui/card';
import { timeZoneNames } from '@/lib/profile';
import { requireUser } from '@/server/auth/session';
import { getProfile } from '@/server/profile/queries';

export const metadata: Metadata = { title: 'Your profile' };

export default async function ProfilePage() {
  const viewer = await requireUser();
  const profile = await getProfile(viewer);
  return (
    <>
      <PageHeader title="Your profile" description={profile.email} />
      <div className="space-y-6">
        <Card title="Details">
          <ProfileForm profile={profile} timeZones={timeZoneNames()} />
        </Card>
        <Card title="Password">
          <ChangePasswordForm />
        </Card>
        <CalendarFeedCard viewer={viewer} />
      </div>
    </>
  );
}
