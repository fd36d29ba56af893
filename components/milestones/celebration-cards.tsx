// Celebration cards: the viewer's own new milestones (with a confetti moment) and those of people close to them,
// each to congratulate or thank. On a group page, the group's recent milestones in its own colour.
import Link from 'next/link';
import type { CSSProperties } from 'react';
import { Avatar } from '@/components/ui/avatar';
import type { Viewer } from '@/lib/auth/viewer';
import { getCelebrationsFor, getGroupCelebrations, type Celebration } from '@/lib/milestones/celebrations';
import { groupAchievementsFor, type GroupAchievementCard } from '@/lib/milestones/group-achievements';
import { timeAgo } from '@/lib/format';
import { Confetti } from './confetti';
import { CongratulateButton } from './congratulate-button';
import { ThankYouNoteForm } from './thank-you-note-form';

function Card({ c, themed }: { c: Celebration; themed: boolean }) {
  const accent = c.group?.accent;
  const style = accent && themed ? ({ borderColor: accent, background: `color-mix(in oklab, ${accent} 8%, var(--color-surface))` } as CSSProperties) : undefined;
  return (
    <li className="relative overflow-hidden rounded-2xl border-2 border-line bg-surface p-4" style={style} aria-label={`${c.isMine ? 'Your milestone' : `${c.person.name}’s milestone`}: ${c.title}`}>
      {c.fresh && <Confetti />}
      <div className="flex items-start gap-3">
        <Avatar name={c.person.name} handle={c.person.handle} image={c.person.image} size={40} />
        <div className="min-w-0 flex-1">
          <p className="text-sm text-muted">
            {c.isMine ? (
              c.fresh ? 'Congratulations — you reached a milestone!' : 'You reached a milestone'
            ) : (
              <>
                <Link href={`/u/${c.person.handle}`} className="font-medium text-ink hover:underline">
                  {c.person.name}
                </Link>{' '}
                reached a milestone
              </>
            )}
            {c.group && (
              <>
                {' '}
                in{' '}
                <Link href={`/g/${c.group.slug}`} className="font-medium hover:underline" style={accent ? { color: accent } : undefined}>
                  {c.group.name}
                </Link>
              </>
            )}{' '}
            · <time dateTime={c.earnedAt.toISOString()}>{timeAgo(c.earnedAt)}</time>
          </p>
          <p className="mt-0.5 text-lg font-semibold">
            <span aria-hidden="true">🎉 </span>
            {c.title}
          </p>
          {c.message && <p className="text-sm">{c.message}</p>}
          <div className="mt-3 flex flex-col gap-2">
            {c.isMine ? (
              <p className="text-sm text-muted">
                {c.congratulations > 0 ? `${c.congratulations} ${c.congratulations === 1 ? 'person' : 'people'} congratulated you.` : 'Your followers and groups can congratulate you.'}
              </p>
            ) : (
              <>
                <CongratulateButton milestoneId={c.id} name={c.person.name} count={c.congratulations} congratulated={c.congratulated} />
                <ThankYouNoteForm milestoneId={c.id} name={c.person.name} title={c.title} />
              </>
            )}
          </div>
        </div>
      </div>
    </li>
  );
}

/** A group's own milestone, for its members, in the group's colours. */
function GroupCard({ a }: { a: GroupAchievementCard }) {
  const style = { borderColor: a.group.accent, background: `color-mix(in oklab, ${a.group.accent} 12%, var(--color-surface))` } as CSSProperties;
  return (
    <li className="rounded-2xl border-2 p-4" style={style} aria-label={`${a.group.name}’s milestone: ${a.title}`}>
      <p className="text-sm text-muted">
        A milestone for{' '}
        <Link href={`/g/${a.group.slug}`} className="font-medium hover:underline" style={{ color: a.group.accent }}>
          {a.group.name}
        </Link>{' '}
        · <time dateTime={a.earnedAt.toISOString()}>{timeAgo(a.earnedAt)}</time>
      </p>
      <p className="mt-0.5 text-lg font-semibold">
        <span aria-hidden="true">🎉 </span>
        {a.title}
      </p>
      <p className="text-sm">
        You are part of it. <Link href={`/g/${a.group.slug}`} className="underline">Say something to the group</Link>
      </p>
    </li>
  );
}

/**
 * Renders nothing when there is nothing to celebrate. With `groupId`, the group's own celebrations (for its page),
 * drawn in the group's accent colour.
 */
export async function CelebrationCards({ viewer, groupId }: { viewer: Viewer; groupId?: string }) {
  const [celebrations, achievements] = await Promise.all([
    groupId ? getGroupCelebrations(viewer, groupId) : getCelebrationsFor(viewer),
    groupAchievementsFor(viewer.id, { groupId }),
  ]);
  if (celebrations.length === 0 && achievements.length === 0) return null;
  return (
    <section aria-labelledby={groupId ? 'group-celebrations' : 'celebrations'} className="mb-6">
      <h2 id={groupId ? 'group-celebrations' : 'celebrations'} className="mb-3 text-lg font-semibold">
        {groupId ? 'Celebrating here' : 'Celebrations'}
      </h2>
      <ul className="flex flex-col gap-3">
        {achievements.map((a) => (
          <GroupCard key={a.id} a={a} />
        ))}
        {celebrations.map((c) => (
          <Card key={c.id} c={c} themed={Boolean(groupId) || Boolean(c.group)} />
        ))}
      </ul>
    </section>
  );
}
