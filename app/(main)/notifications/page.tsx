import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { requireUser } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: 'Notifications' };

export default async function NotificationsPage() {
  await requireUser('/notifications');
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="mb-6 text-2xl font-bold">Notifications</h1>
      <EmptyState title="You’re all caught up">Replies, mentions, reactions, follows and milestones will show up here.</EmptyState>
    </div>
  );
}
