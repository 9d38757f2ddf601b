import type { Metadata } from 'next';
import { CalendarFeedCard } from '@/components/meetings/calendar-feed-card';
import { ChangePasswordForm } from '@/components/profile/change-password-form';
import { ProfileForm } from '@/components/profile/profile-form';
import { Card, PageHeader } from '@/components/ui/card';
import { timeZoneNames } from '@/lib/profile';
import { requireUser } from '@/server/auth/session';
import { getProfile, usesPassword } from '@/server/profile/queries';

export const metadata: Metadata = { title: 'Your profile' };

export default async function ProfilePage() {
  const viewer = await requireUser();
  const [profile, showPassword] = await Promise.all([getProfile(viewer), usesPassword(viewer)]);
  return (
    <>
      <PageHeader title="Your profile" description={profile.email} />
      <div className="space-y-6">
        <Card title="Details">
          <ProfileForm profile={profile} timeZones={timeZoneNames()} />
        </Card>
        {showPassword ? (
          <Card title="Password">
            <ChangePasswordForm />
          </Card>
        ) : null}
        <CalendarFeedCard viewer={viewer} />
      </div>
    </>
  );
}
