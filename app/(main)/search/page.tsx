import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { PostList } from '@/components/posts/post-list';
import { GroupResults, InterestResults, PeopleResults } from '@/components/search/result-lists';
import { RecentSearches } from '@/components/search/recent-searches';
import { SearchBox } from '@/components/search/search-box';
import { EmptyState } from '@/components/ui/empty-state';
import { requireUser } from '@/lib/auth/viewer';
import { cn } from '@/lib/cn';
import { historyPaused, recentSearches, searchAll, searchKinds, searchOne, type SearchKind, type SearchResults } from '@/lib/search/queries';

type Props = { searchParams: Promise<{ q?: string; type?: string; after?: string }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = (await searchParams).q?.trim().slice(0, 100);
  return { title: q ? `“${q}” — Search` : 'Search' };
}

const tabLabels: Record<SearchKind | 'all', string> = { all: 'All', posts: 'Posts', groups: 'Groups', people: 'People', interests: 'Interests' };

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const q = typeof params.q === 'string' ? params.q.trim().slice(0, 100) : '';
  const viewer = await requireUser(q ? `/search?q=${encodeURIComponent(q)}` : '/search');
  const kind = searchKinds.find((k) => k === params.type) ?? 'all';
  const offset = Number.parseInt(params.after ?? '0', 10) || 0;

  const href = (type: SearchKind | 'all', after?: number) =>
    `/search?q=${encodeURIComponent(q)}${type === 'all' ? '' : `&type=${type}`}${after ? `&after=${after}` : ''}`;

  if (!q) {
    const [recent, paused] = await Promise.all([recentSearches(viewer), historyPaused(viewer)]);
    return (
      <Frame q={q}>
        <RecentSearches searches={recent} paused={paused} />
        <p className="mt-6 text-sm text-muted">
          Tip: start with <kbd className="rounded border border-line px-1">#</kbd> for interests and tags, or <kbd className="rounded border border-line px-1">@</kbd> for
          people. “Quoted words” find a phrase, and a minus sign leaves a word out.
        </p>
      </Frame>
    );
  }

  const results: SearchResults = kind === 'all' ? await searchAll(viewer, q, { limit: 5 }) : await searchOne(viewer, q, kind, { offset });
  const nothing = results.posts.items.length + results.groups.length + results.people.length + results.interests.length === 0;
  const short = results.query?.short;

  const posts = (
    <>
      {results.posts.matchedBy === 'similar' && <p className="mb-3 text-sm text-muted">No post has those words. These are about interests with a similar name.</p>}
      <PostList
        page={{ items: results.posts.items, nextCursor: results.posts.nextOffset ? String(results.posts.nextOffset) : undefined }}
        olderHref={(cursor) => (kind === 'all' ? href('posts') : href('posts', Number(cursor)))}
        moreLabel={kind === 'all' ? 'See all posts' : 'More posts'}
        endText={kind === 'all' ? null : 'That’s every post that matches.'}
        empty={short ? 'Type at least three letters to search posts (or #tag for a topic).' : 'No posts match.'}
      />
    </>
  );
  const sections: Record<SearchKind, { count: number; body: ReactNode; empty: string }> = {
    posts: { count: results.posts.items.length, body: posts, empty: 'No posts match.' },
    groups: { count: results.groups.length, body: <GroupResults groups={results.groups} />, empty: 'No groups match.' },
    people: { count: results.people.length, body: <PeopleResults people={results.people} />, empty: 'No people match.' },
    interests: { count: results.interests.length, body: <InterestResults interests={results.interests} />, empty: 'No interests match.' },
  };

  return (
    <Frame q={q}>
      <nav aria-label="Result types" className="-mx-1 mb-6 overflow-x-auto">
        <ul className="flex gap-1 border-b border-line px-1">
          {(['all', ...searchKinds] as const).map((tab) => (
            <li key={tab}>
              <Link
                href={href(tab)}
                aria-current={tab === kind ? 'page' : undefined}
                className={cn(
                  '-mb-px inline-block border-b-2 px-3 py-2 text-sm font-medium',
                  tab === kind ? 'border-accent text-accent' : 'border-transparent text-muted hover:text-ink',
                )}
              >
                {tabLabels[tab]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {kind === 'all' ? (
        nothing ? (
          <EmptyState title={`Nothing found for “${q}”`}>
            {short ? 'Short searches only match the start of names, handles and tags — try a longer word.' : 'Check the spelling, try fewer words, or search for a #topic.'}
          </EmptyState>
        ) : (
          <div className="flex flex-col gap-8">
            {(['groups', 'people', 'interests', 'posts'] as const)
              .filter((k) => sections[k].count > 0)
              .map((k) => (
                <section key={k} aria-labelledby={`results-${k}`}>
                  <div className="mb-3 flex items-baseline justify-between gap-2">
                    <h2 id={`results-${k}`} className="text-lg font-semibold">
                      {tabLabels[k]}
                    </h2>
                    {k !== 'posts' && sections[k].count >= 5 && (
                      <Link href={href(k)} className="text-sm font-medium text-accent underline underline-offset-2">
                        See all {tabLabels[k].toLowerCase()}
                      </Link>
                    )}
                  </div>
                  {sections[k].body}
                </section>
              ))}
          </div>
        )
      ) : (
        <section aria-labelledby="results-kind">
          <h2 id="results-kind" className="sr-only">
            {tabLabels[kind]}
          </h2>
          {kind === 'posts' || sections[kind].count > 0 ? sections[kind].body : <EmptyState title={sections[kind].empty}>Try another word, or look in the other tabs.</EmptyState>}
        </section>
      )}
    </Frame>
  );
}

function Frame({ q, children }: { q: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold">{q ? <>Results for “{q}”</> : 'Search'}</h1>
      <p className="mb-4 mt-1 text-sm text-muted">Posts, groups, people and interests — only what you may see, with topics you follow first.</p>
      {/* A new search remounts the box with the new words. */}
      <SearchBox key={q} variant="page" defaultValue={q} className="mb-6" />
      {children}
    </div>
  );
}
