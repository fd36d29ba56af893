import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import type { FeedControlKind } from '@/db/schema';
import { endFeedControlAction, muteAction, quietGroupAction } from '@/lib/recommend/actions';

type Active = { id: string; kind: FeedControlKind }[];

/** On a person's or group's page: what the viewer's feed does with them, and the buttons that change it. */
export function TargetFeedControls({ kind, id, name, active, member = false }: { kind: 'user' | 'group'; id: string; name: string; active: Active; member?: boolean }) {
  const mute = active.find((c) => c.kind === (kind === 'user' ? 'mute_user' : 'mute_group'));
  const less = active.find((c) => c.kind === (kind === 'user' ? 'less_author' : 'less_group'));
  const quiet = active.find((c) => c.kind === 'quiet_group');
  return (
    <details className="mb-6 rounded-xl border border-line bg-surface p-3 text-sm">
      <summary className="cursor-pointer font-medium">
        {name} in your feed{mute ? ': muted' : less ? ': shown less' : ''}
      </summary>
      <div className="mt-3 flex flex-wrap gap-2">
        {mute ? (
          <ActionForm action={endFeedControlAction} submit={`Unmute ${name}`} variant="secondary" size="sm">
            <input type="hidden" name="controlId" value={mute.id} />
          </ActionForm>
        ) : (
          <ActionForm action={muteAction} submit={`Mute ${name}`} variant="secondary" size="sm">
            <input type="hidden" name="kind" value={kind} />
            <input type="hidden" name="target" value={id} />
          </ActionForm>
        )}
        {less && (
          <ActionForm action={endFeedControlAction} submit="Stop showing less" variant="secondary" size="sm">
            <input type="hidden" name="controlId" value={less.id} />
          </ActionForm>
        )}
        {kind === 'group' && member && (
          <ActionForm action={quietGroupAction} submit={quiet ? 'Let my activity here shape my feed' : 'Don’t let my activity here shape my feed'} variant="secondary" size="sm">
            <input type="hidden" name="groupId" value={id} />
            <input type="hidden" name="on" value={String(!quiet)} />
          </ActionForm>
        )}
      </div>
      <p className="mt-2 text-xs text-muted">
        Muting hides their posts from all your feeds. <Link href="/settings/feed" className="underline">All feed controls</Link>
      </p>
    </details>
  );
}
