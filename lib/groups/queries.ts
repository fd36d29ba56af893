import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { groupMembers, groups } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';

export type GroupSummary = {
  id: string;
  slug: string;
  name: string;
  description: string;
  topic: string;
  memberCount: number;
  postCount: number;
  viewerRole: string | null;
};

function summaryColumns(viewer: Viewer) {
  return {
    id: groups.id,
    slug: groups.slug,
    name: groups.name,
    description: groups.description,
    topic: groups.topic,
    memberCount: sql<number>`(select count(*)::int from group_members m where m.group_id = ${groups.id})`,
    postCount: sql<number>`(select count(*)::int from posts p where p.group_id = ${groups.id})`,
    viewerRole: sql<string | null>`(select m.role from group_members m where m.group_id = ${groups.id} and m.user_id = ${viewer.id})`,
  };
}

export async function listGroups(viewer: Viewer): Promise<GroupSummary[]> {
  const rows = await db.select(summaryColumns(viewer)).from(groups).orderBy(asc(groups.name));
  return rows.map((r) => ({ ...r, memberCount: Number(r.memberCount), postCount: Number(r.postCount) }));
}

export async function getGroupBySlug(viewer: Viewer, slug: string): Promise<(GroupSummary & { createdAt: Date }) | null> {
  const [row] = await db
    .select({ ...summaryColumns(viewer), createdAt: groups.createdAt })
    .from(groups)
    .where(eq(sql`lower(${groups.slug})`, slug.toLowerCase()))
    .limit(1);
  return row ? { ...row, memberCount: Number(row.memberCount), postCount: Number(row.postCount), createdAt: new Date(row.createdAt) } : null;
}

export async function listGroupStaff(groupId: string) {
  return db
    .select({ userId: groupMembers.userId, role: groupMembers.role })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), sql`${groupMembers.role} <> 'member'`));
}
