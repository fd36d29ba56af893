// Shared by db tests: people, posts and groups made directly in the database, and a complete edit-profile form.
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { groupMembers, groups, interests, posts, profiles } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { createAccount } from '@/lib/auth/users';

let counter = 0;

export async function makePerson(patch: Partial<typeof profiles.$inferInsert> = {}, name = 'Test Person'): Promise<Viewer> {
  const handle = `person_${Date.now().toString(36)}_${counter++}`;
  const created = await createAccount(db, { name, handle, email: `${handle}@example.org`, password: 'unused-password' }, { passwordHash: 'not-a-real-hash' });
  if (!created.ok) throw new Error(created.message);
  if (Object.keys(patch).length) await db.update(profiles).set(patch).where(eq(profiles.userId, created.userId));
  return { id: created.userId, handle, name, image: null };
}

export async function makePost(authorId: string, body: string, groupId: string | null = null) {
  const [row] = await db.insert(posts).values({ authorId, body, groupId }).returning({ id: posts.id });
  return row.id;
}

export async function makeGroup(memberIds: string[]) {
  const slug = `group-${counter++}-${Date.now().toString(36)}`;
  const [group] = await db.insert(groups).values({ slug, name: `Group ${slug}`, topic: 'ceramics' }).returning({ id: groups.id });
  if (memberIds.length) await db.insert(groupMembers).values(memberIds.map((userId) => ({ groupId: group.id, userId })));
  return group.id;
}

export async function makeInterests(...slugs: string[]) {
  return db
    .insert(interests)
    .values(slugs.map((slug) => ({ slug, label: slug[0].toUpperCase() + slug.slice(1) })))
    .onConflictDoNothing()
    .returning();
}

/** A complete, valid edit-profile form for a person, with fields to change. */
export function profileForm(viewer: Viewer, patch: Record<string, string | Blob> = {}) {
  const data = new FormData();
  const fields: Record<string, string | Blob> = {
    name: viewer.name,
    handle: viewer.handle,
    pronouns: '',
    bio: '',
    location: '',
    accent: '',
    bannerGradient: 'ember',
    layout: 'classic',
    avatarStyle: 'thumbs',
    avatarBackground: '',
    avatarShape: 'circle',
    visibility: 'members',
    showPosts: 'on',
    showGroups: 'on',
    showInterests: 'on',
    showMilestones: 'on',
    suggestMe: 'on',
    pinnedPostId: '',
    timeZone: '',
    ...patch,
  };
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}
