import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { profiles, users } from '@/db/schema';

export type ProfileView = {
  id: string;
  name: string;
  handle: string;
  image: string | null;
  bio: string;
  pronouns: string;
  location: string;
  joinedAt: Date;
  followers: number;
  following: number;
  groups: { slug: string; name: string; role: string }[];
};

/** A person's public profile. Never returns the email or anything from the account's secrets. */
export async function getProfileByHandle(handle: string, viewerId: string): Promise<ProfileView | null> {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      handle: users.handle,
      image: users.image,
      createdAt: users.createdAt,
      bio: profiles.bio,
      pronouns: profiles.pronouns,
      location: profiles.location,
      followers: sql<number>`(select count(*)::int from follows f where f.followee_id = ${users.id})`,
      following: sql<number>`(select count(*)::int from follows f where f.follower_id = ${users.id})`,
      groups: sql<{ slug: string; name: string; role: string }[] | string | null>`(
        select json_agg(json_build_object('slug', g.slug, 'name', g.name, 'role', coalesce((
            select r.name from group_member_roles mr join group_roles r on r.id = mr.role_id
            where mr.group_id = g.id and mr.user_id = m.user_id order by r.position desc limit 1), 'member')) order by g.name)
        from group_members m join groups g on g.id = m.group_id
        where m.user_id = ${users.id} and (g.visibility = 'public' or exists (
          select 1 from group_members vm where vm.group_id = g.id and vm.user_id = ${viewerId})))`,
    })
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .where(eq(sql`lower(${users.handle})`, handle.toLowerCase()))
    .limit(1);
  if (!row) return null;
  const groupList = typeof row.groups === 'string' ? JSON.parse(row.groups) : (row.groups ?? []);
  return {
    id: row.id,
    name: row.name ?? row.handle,
    handle: row.handle,
    image: row.image,
    bio: row.bio ?? '',
    pronouns: row.pronouns ?? '',
    location: row.location ?? '',
    joinedAt: new Date(row.createdAt),
    followers: Number(row.followers),
    following: Number(row.following),
    groups: groupList,
  };
}
