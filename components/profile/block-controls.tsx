import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { Shield } from '@/components/ui/icons';
import { blockPersonAction, unblockPersonAction } from '@/lib/blocks/actions';

/** On someone's profile: "Block", opened first to say what it does, then confirmed. */
export function BlockControl({ id, name, handle }: { id: string; name: string; handle: string }) {
  return (
    <details className="mb-6 rounded-xl border border-line bg-surface p-3 text-sm">
      <summary className="cursor-pointer font-medium">Block {name}</summary>
      <div className="mt-3 flex flex-col gap-3">
        <p>Blocking @{handle} means:</p>
        <ul className="list-disc pl-5 text-muted">
          <li>neither of you sees the other’s posts, comments or profile;</li>
          <li>they cannot reply to you, mention you, follow you or send you congratulations and notes;</li>
          <li>follows between you end, and you get no notifications from them;</li>
          <li>they are not told. Reactions they already left stay counted.</li>
        </ul>
        <p className="text-muted">
          Group moderators still see everything in the groups they look after. You can unblock any time in{' '}
          <Link href="/settings/blocked" className="underline">
            Blocked people
          </Link>
          . To only see less of someone, mute them instead.
        </p>
        <ActionForm action={blockPersonAction} submit={`Block @${handle}`} variant="danger" size="sm" label={`Block ${name}`}>
          <input type="hidden" name="userId" value={id} />
        </ActionForm>
      </div>
    </details>
  );
}

/** What the blocker sees on the profile of someone they blocked: who, and the way back. */
export function BlockedProfile({ id, name, handle }: { id: string; name: string; handle: string }) {
  return (
    <section className="mx-auto max-w-lg rounded-2xl border border-line bg-surface p-8 text-center">
      <Shield aria-hidden="true" className="mx-auto size-8 text-muted" />
      <h1 className="mt-3 text-xl font-bold">You blocked @{handle}</h1>
      <p className="mt-2 text-muted">You don’t see {name}’s posts or comments, and they cannot see yours or reach you.</p>
      <div className="mt-5 flex justify-center">
        <ActionForm action={unblockPersonAction} submit={`Unblock @${handle}`} variant="secondary" label={`Unblock ${name}`}>
          <input type="hidden" name="userId" value={id} />
        </ActionForm>
      </div>
    </section>
  );
}
