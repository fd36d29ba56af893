import type { Metadata } from 'next';
import { LiveWatch } from '@/components/live/live-provider';
import { NewPostsPill } from '@/components/live/new-posts-pill';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Settings, UserPlus } from '@/components/ui/icons';
import { MembershipControls } from '@/components/groups/membership-controls';
import { CelebrationCards } from '@/components/milestones/celebration-cards';
import { Composer } from '@/components/posts/composer';
import { PostCard } from '@/components/posts/post-card';
import { PostList } from '@/components/posts/post-list';
import { ActionForm } from '@/components/ui/action-form';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ReportControl } from '@/components/reports/report-control';
import { requireUser } from '@/lib/auth/viewer';
import { cn } from '@/lib/cn';
import { plural } from '@/lib/format';
import { dismissWelcomeAction } from '@/lib/groups/actions';
import { mediaVariantUrl } from '@/lib/media/urls';
import { getGroupPage, getMemberBadges } from '@/lib/groups/queries';
import { controlsOn } from '@/lib/recommend/queries';
import { TargetFeedControls } from '@/components/feed/target-controls';
import { getGroupPosts, getPinnedPosts } from '@/lib/posts/queries';
import { dateFormat } from '@/lib/intl';
import { accentTextStyle } from '@/lib/theme/accent';
import type { CSSProperties } from 'react';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ before?: string; channel?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const viewer = await requireUser();
  const page = await getGroupPage(viewer, (await params).slug);
  return { title: page?.group.name ?? 'Group not found', description: page?.group.description };
}

const visibilityText = { public: 'Public group', request: 'Members approve who joins', invite: 'Invite only' } as const;

export default async function GroupPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { before, channel: channelName } = await searchParams;
  const viewer = await requireUser(`/g/${slug}`);
  const data = await getGroupPage(viewer, slug, channelName);
  if (!data) notFound();
  const { group, summary, can } = data;
  const [page, pinned] = data.canSeeContent
    ? await Promise.all([getGroupPosts(viewer, group.id, { channelId: data.channel?.id, cursor: before }), before ? Promise.resolve([]) : getPinnedPosts(viewer, group.id)])
    : [null, []];
  const controls = await controlsOn(viewer, group.id);
  const badges = page ? await getMemberBadges(group.id, [...new Set([...page.items, ...pinned].map((p) => p.author.id))]) : new Map();
  const postable = data.channels.filter((c) => c.canPost);
  const abilities = { react: can.react, pin: can.pin, lock: can.lock, removeContent: can.removeContent };
  const base = `/g/${group.slug}`;

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]" style={{ ['--group-accent' as string]: group.accentColor }}>
      <div className="flex min-w-0 flex-col gap-6">
        {data.canSeeContent && (
          <>
            <LiveWatch group={group.id} />
            <NewPostsPill />
          </>
        )}
        <header className="overflow-hidden rounded-2xl border border-line bg-surface">
          {group.bannerUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- our own media route, already sized
            <img src={mediaVariantUrl(group.bannerUrl, '1536')} alt="" className="aspect-[3/1] w-full object-cover" />
          ) : (
            <div aria-hidden="true" className="h-20 sm:h-28" style={{ background: `linear-gradient(120deg, ${group.accentColor}, color-mix(in oklab, ${group.accentColor} 45%, transparent))` }} />
          )}
          <div className="flex flex-col gap-3 p-5">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="flex items-center gap-3">
                {group.iconUrl && (
                  // eslint-disable-next-line @next/next/no-img-element -- our own media route, already sized
                  <img src={mediaVariantUrl(group.iconUrl, '128')} alt="" width={56} height={56} className="size-14 rounded-xl border border-line" />
                )}
                <div>
                <h1 className="text-2xl font-bold">{group.name}</h1>
                <p className="text-sm text-muted">
                  #{group.topic} · {plural(summary.memberCount, 'member')} · {visibilityText[group.visibility]}
                  {data.viewerRole && (
                    <>
                      {' '}
                      · You are{' '}
                      <span className="accent-text font-medium" style={accentTextStyle(data.viewerRole.color ?? '') as CSSProperties}>
                        {data.viewerRole.name}
                      </span>
                    </>
                  )}
                </p>
                </div>
              </div>
              {can.manage ? (
                <Link href={`${base}/settings`} className={buttonClass('secondary', 'sm')}>
                  <Settings aria-hidden="true" className="size-4" /> Manage group
                </Link>
              ) : (
                can.invite && (
                  <Link href={`${base}/settings?tab=invites`} className={buttonClass('secondary', 'sm')}>
                    <UserPlus aria-hidden="true" className="size-4" /> Invite people
                  </Link>
                )
              )}
            </div>
            {group.description && <p>{group.description}</p>}
            <MembershipControls
              groupId={group.id}
              status={summary.viewerStatus}
              visibility={group.visibility}
              canJoin={can.join}
              canRequest={can.requestToJoin}
              canLeave={can.leave}
              isOwner={data.viewerRole?.name === 'Owner'}
              joinQuestions={group.joinQuestions}
            />
          </div>
        </header>

        <TargetFeedControls kind="group" id={group.id} name={group.name} active={controls} member={summary.viewerStatus === 'member'} />
        {data.viewerRole?.name !== 'Owner' && <ReportControl kind="group" targetId={group.id} what={`the group ${group.name}`} />}

        {data.welcome && (
          <section aria-labelledby="welcome" className="rounded-2xl border-2 p-5" style={{ borderColor: group.accentColor }}>
            <h2 id="welcome" className="font-semibold">
              A welcome for you
            </h2>
            <p className="mt-1 whitespace-pre-wrap">{data.welcome}</p>
            <ActionForm action={dismissWelcomeAction} submit="Thanks!" variant="secondary" size="sm" className="mt-3">
              <input type="hidden" name="groupId" value={group.id} />
            </ActionForm>
          </section>
        )}

        {data.canSeeContent && <CelebrationCards viewer={viewer} groupId={group.id} />}

        {!data.canSeeContent ? (
          <EmptyState title="Posts here are for members">
            {summary.viewerStatus === 'banned' ? 'You are banned from this group.' : 'Join the group to read and take part in its conversations.'}
          </EmptyState>
        ) : (
          <>
            <nav aria-label="Channels" className="flex flex-wrap gap-2">
              <Link href={base} aria-current={!data.channel ? 'page' : undefined} className={cn('rounded-full border border-line px-3 py-1 text-sm', !data.channel && 'border-transparent bg-accent-soft text-accent')}>
                All channels
              </Link>
              {data.channels.map((c) => (
                <Link
                  key={c.id}
                  href={`${base}?channel=${c.name}`}
                  aria-current={data.channel?.id === c.id ? 'page' : undefined}
                  className={cn('rounded-full border border-line px-3 py-1 text-sm', data.channel?.id === c.id && 'border-transparent bg-accent-soft text-accent')}
                >
                  #{c.name}
                </Link>
              ))}
            </nav>
            {data.channelNotFound && <p className="text-sm text-danger">There is no #{channelName} channel here; showing all channels.</p>}
            {summary.viewerStatus === 'member' &&
              (postable.length > 0 ? (
                <Composer groupId={group.id} channels={postable} defaultChannelId={data.channel && postable.some((c) => c.id === data.channel!.id) ? data.channel.id : undefined} />
              ) : (
                <p className="text-sm text-muted">Your roles here do not include posting.</p>
              ))}
            {pinned.length > 0 && !data.channel && (
              <section aria-labelledby="pinned">
                <h2 id="pinned" className="mb-3 text-lg font-semibold">
                  Pinned
                </h2>
                <ul className="flex flex-col gap-4" aria-label="Pinned posts">
                  {pinned.map((post) => (
                    <li key={post.id}>
                      <PostCard post={post} can={abilities} badge={badges.get(post.author.id)} />
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <section aria-labelledby="recent">
              <h2 id="recent" className="mb-3 text-lg font-semibold">
                {data.channel ? `#${data.channel.name}` : 'Recent posts'}
              </h2>
              <PostList
                page={page!}
                can={abilities}
                badges={badges}
                joinHints={false}
                olderHref={(cursor) => `${base}?${data.channel ? `channel=${data.channel.name}&` : ''}before=${cursor}`}
                empty={data.channel ? `No posts in #${data.channel.name} yet.` : 'No posts in this group yet.'}
              />
            </section>
          </>
        )}
      </div>
      <aside className="flex flex-col gap-4">
        {group.rules.length > 0 && (
          <section aria-labelledby="rules" className="rounded-2xl border border-line bg-surface p-5">
            <h2 id="rules" className="font-semibold">
              Rules
            </h2>
            <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm">
              {group.rules.map((rule, i) => (
                <li key={i}>{rule}</li>
              ))}
            </ol>
          </section>
        )}
        <section className="rounded-2xl border border-line bg-surface p-5 text-sm text-muted">
          Founded {dateFormat('en-GB', { month: 'long', year: 'numeric' }).format(group.createdAt)}.
        </section>
      </aside>
    </div>
  );
}
