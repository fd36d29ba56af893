import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { buttonClass } from '@/components/ui/button';
import { requireUser } from '@/lib/auth/viewer';
import { joinGroupAction } from '@/lib/groups/actions';
import { inviteProblem } from '@/lib/groups/invites';
import { accentTextStyle } from '@/lib/theme/accent';
import type { CSSProperties } from 'react';
import { getGroupPage, getInvite } from '@/lib/groups/queries';

export const metadata: Metadata = { title: 'Invitation' };

export default async function InvitePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const viewer = await requireUser(`/invite/${code}`);
  const found = await getInvite(code);
  const problem = inviteProblem(found?.invite);
  const page = found ? await getGroupPage(viewer, found.group.slug) : null;
  return (
    <div className="mx-auto max-w-lg rounded-2xl border border-line bg-surface p-6 text-center">
      {found && !problem ? (
        <>
          <p className="text-sm text-muted">You are invited to join</p>
          <h1 className="accent-text mt-1 text-2xl font-bold" style={accentTextStyle(found.group.accentColor) as CSSProperties}>
            {found.group.name}
          </h1>
          <p className="mt-2 text-muted">{found.group.description}</p>
          <div className="mt-6 flex justify-center">
            {page?.summary.viewerStatus === 'member' ? (
              <Link href={`/g/${found.group.slug}`} className={buttonClass('primary')}>
                You are a member — open the group
              </Link>
            ) : page?.summary.viewerStatus === 'banned' ? (
              <p className="text-danger">You are banned from this group.</p>
            ) : (
              <ActionForm action={joinGroupAction} submit="Accept invite and join" pending="Joining…">
                <input type="hidden" name="groupId" value={found.invite.groupId} />
                <input type="hidden" name="invite" value={code} />
              </ActionForm>
            )}
          </div>
          {page?.summary.viewerStatus !== 'member' && (
            <p className="mt-4 text-sm">
              <Link href={`/g/${found.group.slug}`} className="text-accent underline underline-offset-2">
                Look at the group first
              </Link>
            </p>
          )}
        </>
      ) : (
        <>
          <h1 className="text-xl font-bold">This invitation cannot be used</h1>
          <p className="mt-2 text-muted">{problem}</p>
          <Link href="/groups" className={`${buttonClass('secondary')} mt-6`}>
            Browse groups
          </Link>
        </>
      )}
    </div>
  );
}
