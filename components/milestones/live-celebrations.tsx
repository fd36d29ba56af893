'use client';
// The celebration cards, kept current: when the live stream says a celebration or congratulation arrived, the cards
// are read again (app/api/celebrations, the same authorized reads as the page) — only the cards, so nothing else on
// the page moves (new posts still wait behind their button).
import Link from 'next/link';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { useLiveEvent } from '@/components/live/live-provider';
import { Avatar } from '@/components/ui/avatar';
import { Emoji } from '@/components/ui/emoji';
import { EmptyState } from '@/components/ui/empty-state';
import { RelativeTime } from '@/components/ui/relative-time';
import { cn } from '@/lib/cn';
import { accentTextStyle } from '@/lib/theme/accent';
import type { CelebrationCard, CelebrationCardsData, GroupAchievementCardDto } from '@/lib/milestones/celebrations';
import { Confetti } from './confetti';
import { CongratulateButton } from './congratulate-button';
import { ThankYouNoteForm } from './thank-you-note-form';

/** `compact` (on the feed): the title and Congratulate only; the message and the thank-you note wait on /celebrations. */
function Card({ c, themed, compact }: { c: CelebrationCard; themed: boolean; compact?: boolean }) {
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
                {/* Out of the Tab order (one stop a card, its Congratulate button): a click or a screen reader's link list still reaches it. */}
                <Link href={`/u/${c.person.handle}`} tabIndex={-1} className="font-medium text-ink hover:underline">
                  {c.person.name}
                </Link>{' '}
                reached a milestone
              </>
            )}
            {c.group && (
              <>
                {' '}
                in{' '}
                <Link href={`/g/${c.group.slug}`} tabIndex={-1} className={accent ? 'accent-text font-medium underline' : 'font-medium underline'} style={accent ? (accentTextStyle(accent) as CSSProperties) : undefined}>
                  {c.group.name}
                </Link>
              </>
            )}{' '}
            · <RelativeTime date={c.earnedAt} />
          </p>
          <p className={cn('mt-0.5 font-semibold', compact ? 'text-base' : 'text-lg')}>
            <Emoji emoji="🎉" label="" className="mr-1.5" />
            {c.title}
          </p>
          {c.message && !compact && <p className="text-sm">{c.message}</p>}
          <div className={cn('flex flex-wrap items-center gap-x-4 gap-y-2', compact ? 'mt-2' : 'mt-3')}>
            {c.isMine ? (
              <p className="text-sm text-muted">
                {c.congratulations > 0 ? `${c.congratulations} ${c.congratulations === 1 ? 'person' : 'people'} congratulated you.` : 'Your followers and groups can congratulate you.'}
              </p>
            ) : (
              <>
                <CongratulateButton milestoneId={c.id} name={c.person.name} count={c.congratulations} congratulated={c.congratulated} />
                {!compact && <ThankYouNoteForm milestoneId={c.id} name={c.person.name} title={c.title} />}
              </>
            )}
          </div>
        </div>
      </div>
    </li>
  );
}

/** A group's own milestone, for its members, in the group's colours. */
function GroupCard({ a }: { a: GroupAchievementCardDto }) {
  const style = { borderColor: a.group.accent, background: `color-mix(in oklab, ${a.group.accent} 12%, var(--color-surface))` } as CSSProperties;
  return (
    <li className="rounded-2xl border-2 p-4" style={style} aria-label={`${a.group.name}’s milestone: ${a.title}`}>
      <p className="text-sm text-muted">
        A milestone for{' '}
        {/* The same place as "Say something to the group" below: one Tab stop for the card. */}
        <Link href={`/g/${a.group.slug}`} tabIndex={-1} className="accent-text font-medium underline" style={accentTextStyle(a.group.accent) as CSSProperties}>
          {a.group.name}
        </Link>{' '}
        · <RelativeTime date={a.earnedAt} />
      </p>
      <p className="mt-0.5 text-lg font-semibold">
        <Emoji emoji="🎉" label="" className="mr-1.5" />
        {a.title}
      </p>
      <p className="text-sm">
        You are part of it. <Link href={`/g/${a.group.slug}`} className="underline">Say something to the group</Link>
      </p>
    </li>
  );
}

/**
 * Renders nothing while there is nothing to celebrate (and appears when something arrives). With `groupId`, the
 * group's own celebrations, in the group's accent colour. With `max`, only that many cards (one's own fresh milestone
 * first, then the newest) and a link to /celebrations for the rest. With `all`, the whole week's, for that page (which
 * has its own heading).
 */
export function LiveCelebrations({ initial, groupId, max, all }: { initial: CelebrationCardsData; groupId?: string; max?: number; all?: boolean }) {
  const [cards, setCards] = useState(initial);
  // A page render brings the cards as the server read them: the newer of those and what this holds wins.
  const [fromServer, setFromServer] = useState(initial.at);
  if (fromServer !== initial.at) {
    setFromServer(initial.at);
    setCards((current) => (initial.at >= current.at ? initial : current));
  }
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useLiveEvent(['celebration', 'congratulation'], () => {
    // A few events at once are one read.
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      const search = new URLSearchParams();
      if (groupId) search.set('group', groupId);
      if (all) search.set('all', '1');
      fetch(`/api/celebrations${search.size ? `?${search}` : ''}`, { cache: 'no-store' })
        .then((r) => (r.ok ? (r.json() as Promise<CelebrationCardsData>) : null))
        .then((fetched) => {
          if (fetched && typeof fetched.at === 'number') setCards((current) => (fetched.at > current.at ? fetched : current));
        })
        .catch(() => {});
    }, 300);
  });
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const { celebrations, achievements } = cards;
  const entries = [
    ...achievements.map((a) => ({ fresh: false, earnedAt: a.earnedAt, card: <GroupCard key={a.id} a={a} /> })),
    ...celebrations.map((c) => ({ fresh: c.fresh, earnedAt: c.earnedAt, card: <Card key={c.id} c={c} themed={Boolean(groupId) || Boolean(c.group)} compact={max !== undefined} /> })),
  ];
  if (entries.length === 0) return all ? <EmptyState title="Nothing to celebrate this week yet">New milestones show up here and on your feed.</EmptyState> : null;
  if (max !== undefined) entries.sort((a, b) => Number(b.fresh) - Number(a.fresh) || b.earnedAt.localeCompare(a.earnedAt));
  const shown = max === undefined ? entries : entries.slice(0, max);
  const list = <ul className="flex flex-col gap-3">{shown.map((c) => c.card)}</ul>;
  if (all) return list;
  const id = groupId ? 'group-celebrations' : 'celebrations';
  return (
    <section aria-labelledby={id} className="mb-6">
      <div className="mb-3 flex items-baseline justify-between gap-3">
        <h2 id={id} className="text-lg font-semibold">
          {groupId ? 'Celebrating here' : 'Celebrations'}
        </h2>
        {shown.length < entries.length && (
          <Link href="/celebrations" className="text-sm font-medium text-accent hover:underline">
            See all celebrations
          </Link>
        )}
      </div>
      {list}
    </section>
  );
}
