import type { Metadata } from 'next';
import { CreateGroupForm } from '@/components/groups/create-group-form';
import { requireUser } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: 'Create a group' };

export default async function NewGroupPage() {
  await requireUser('/g/new');
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-2xl font-bold">Create a group</h1>
      <p className="mb-6 mt-1 text-sm text-muted">You will be its owner. You can change everything later: look, rules, welcome message, channels and roles.</p>
      <div className="rounded-2xl border border-line bg-surface p-6">
        <CreateGroupForm />
      </div>
    </div>
  );
}
