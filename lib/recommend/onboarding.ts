import 'server-only';
// What a new person picks from: the topics people post about most, and the liveliest public groups.
import { sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db/client';
import { tagLabel } from '@/lib/posts/render';

export type OnboardingChoices = {
  topics: { tag: string; label: string; posts: number }[];
  groups: { id: string; name: string; slug: string; description: string; topic: string; accentColor: string; members: number }[];
};

export async function getOnboardingChoices(): Promise<OnboardingChoices> {
  const [topics, groups] = await Promise.all([
    db.execute(sql`
      select t.tag, count(*)::int as posts, (select i.label from interests i where lower(i.slug) = t.tag limit 1) as label
      from post_tags t join posts p on p.id = t.post_id
      where p.removed_at is null and (p.group_id is null or exists (select 1 from groups g where g.id = p.group_id and g.visibility = 'public'))
      group by t.tag order by count(*) desc, t.tag limit 30`),
    db.execute(sql`
      select g.id, g.name, g.slug, g.description, g.topic, g.accent_color, (select count(*)::int from group_members m where m.group_id = g.id) as members
      from groups g where g.visibility = 'public'
      order by members desc, g.name limit 8`),
  ]);
  return {
    topics: rowsOf<{ tag: string; posts: number; label: string | null }>(topics).map((t) => ({ tag: t.tag, posts: Number(t.posts), label: t.label ?? tagLabel(t.tag) })),
    groups: rowsOf<{ id: string; name: string; slug: string; description: string; topic: string; accent_color: string; members: number }>(groups).map((g) => ({
      id: g.id,
      name: g.name,
      slug: g.slug,
      description: g.description,
      topic: g.topic,
      accentColor: g.accent_color,
      members: Number(g.members),
    })),
  };
}
