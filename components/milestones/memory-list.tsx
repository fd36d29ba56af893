// Memories on a profile: each milestone with the thank-you notes left on it; the person chooses who sees each one,
// and visitors may leave a note.
import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { Emoji } from '@/components/ui/emoji';
import type { MilestoneVisibility } from '@/db/schema/notifications';
import { setMilestoneVisibilityAction } from '@/lib/milestones/actions';
import { ThankYouNoteForm } from './thank-you-note-form';
import { dateFormat } from '@/lib/intl';
import { accentTextStyle } from '@/lib/theme/accent';
import type { CSSProperties } from 'react';

export type MemoryItem = {
  id: string;
  title: string;
  earnedAt: Date;
  onThisDay: boolean;
  message?: string;
  visibility?: MilestoneVisibility | null;
  group?: { name: string; slug: string; accent: string } | null;
  notes?: { id: string; body: string; createdAt: Date; sender: { name: string; handle: string } }[];
};

const visibilityText: Record<MilestoneVisibility, string> = { everyone: 'Everyone', members: 'Members', only_me: 'Only me' };

export function MemoryList({ memories, name, isSelf, canThank }: { memories: MemoryItem[]; name: string; isSelf: boolean; canThank: boolean }) {
  return (
    <ul className="mt-2 flex flex-col gap-3 text-sm">
      {memories.map((m) => (
        <li key={m.id} id={`memory-${m.id}`} className="flex flex-col gap-1">
          <div className="flex items-baseline justify-between gap-2">
            <span>
              <Emoji emoji="🎉" label="" className="mr-1.5" />
              {m.title}
              {m.group && (
                <>
                  {' · '}
                  <Link href={`/g/${m.group.slug}`} className={m.group.accent ? 'accent-text underline' : 'underline'} style={m.group.accent ? (accentTextStyle(m.group.accent) as CSSProperties) : undefined}>
                    {m.group.name}
                  </Link>
                </>
              )}
              {m.onThisDay && <span className="ml-1 rounded bg-accent-soft px-1 text-xs text-accent">On this day</span>}
            </span>
            <time dateTime={m.earnedAt.toISOString()} className="shrink-0 text-xs text-muted">
              {dateFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(m.earnedAt)}
            </time>
          </div>
          {m.message && <p className="text-muted">{m.message}</p>}
          {m.notes && m.notes.length > 0 && (
            <ul className="ml-4 flex flex-col gap-1 border-l-2 border-line pl-3" aria-label={`Thank-you notes for ${m.title}`}>
              {m.notes.map((n) => (
                <li key={n.id}>
                  <Link href={`/u/${n.sender.handle}`} className="font-medium hover:underline">
                    {n.sender.name}
                  </Link>
                  : <span className="whitespace-pre-wrap">{n.body}</span>
                </li>
              ))}
            </ul>
          )}
          {isSelf && m.visibility && (
            <ActionForm action={setMilestoneVisibilityAction} submit="Save" variant="ghost" size="sm" label={`Who sees ${m.title}`}>
              <input type="hidden" name="milestoneId" value={m.id} />
              <label className="flex items-center gap-2 text-xs text-muted">
                Shown to
                <select name="visibility" defaultValue={m.visibility} className="h-8 rounded-lg border border-line bg-surface px-2 text-xs text-ink">
                  {(Object.keys(visibilityText) as MilestoneVisibility[]).map((v) => (
                    <option key={v} value={v}>
                      {visibilityText[v]}
                    </option>
                  ))}
                </select>
              </label>
            </ActionForm>
          )}
          {canThank && <ThankYouNoteForm milestoneId={m.id} name={name} title={m.title} />}
        </li>
      ))}
    </ul>
  );
}
