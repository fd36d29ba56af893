import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { groups, milestones, thankYouNotes, users, type MilestoneVisibility } from '@/db/schema';
import { milestoneTitle } from './rules';
import { memoryVisible, privateRules } from './visibility';
import type { Viewer } from '@/lib/auth/viewer';

export type MemoryNote = { id: string; body: string; createdAt: Date; sender: { name: string; handle: string } };

export type Memory = {
  id: string;
  title: string;
  message: string;
  earnedAt: Date;
  onThisDay: boolean;
  /** Only for the person themself: who sees it. */
  visibility: MilestoneVisibility | null;
  group: { name: string; slug: string; accent: string } | null;
  notes: MemoryNote[];
};

/**
 * A person's memories as the viewer (null: signed out) may see them: the milestones they earned, newest first, each
 * with the thank-you notes others left on it, marking those that fall on today's date in an earlier year. Each
 * milestone's own visibility applies; the person sees all of theirs.
 */
export async function listMemories(viewer: Viewer | null, userId: string, now = new Date()): Promise<Memory[]> {
  const viewerId = viewer?.id ?? null;
  const isSelf = viewerId === userId;
  const rows = await db
    .select({
      id: milestones.id,
      rule: milestones.rule,
      title: milestones.title,
      message: milestones.message,
      visibility: milestones.visibility,
      earnedAt: milestones.earnedAt,
      group: groups.name,
      slug: groups.slug,
      accent: groups.accentColor,
      groupVisibility: groups.visibility,
    })
    .from(milestones)
    .leftJoin(groups, sql`${groups.id} = coalesce(${milestones.groupId}, nullif(${milestones.scope}, ''))`)
    .where(
      and(
        eq(milestones.userId, userId),
        isSelf ? undefined : sql`${milestones.visibility} <> 'only_me' and ${milestones.rule} not in (${sql.join(privateRules.map((r) => sql`${r}`), sql`, `)})`,
        isSelf || viewerId ? undefined : eq(milestones.visibility, 'everyone'),
      ),
    )
    .orderBy(desc(milestones.earnedAt), desc(milestones.id))
    .limit(24);
  const visible = rows.filter((r) => memoryVisible(r, viewerId, userId));
  const notes = visible.length
    ? await db
        .select({ id: thankYouNotes.id, milestoneId: thankYouNotes.milestoneId, body: thankYouNotes.body, createdAt: thankYouNotes.createdAt, name: users.name, handle: users.handle })
        .from(thankYouNotes)
        .innerJoin(users, eq(users.id, thankYouNotes.senderId))
        .where(inArray(thankYouNotes.milestoneId, visible.map((r) => r.id)))
        .orderBy(asc(thankYouNotes.createdAt))
    : [];
  return visible.map((r) => {
    const earnedAt = new Date(r.earnedAt);
    const onThisDay = earnedAt.getUTCMonth() === now.getUTCMonth() && earnedAt.getUTCDate() === now.getUTCDate() && earnedAt.getUTCFullYear() < now.getUTCFullYear();
    // A private group's name is shown only to the person themself.
    const group = r.slug && (isSelf || r.groupVisibility === 'public') ? { name: r.group ?? '', slug: r.slug, accent: r.accent ?? '' } : null;
    return {
      id: r.id,
      title: r.title || milestoneTitle(r.rule, isSelf || r.groupVisibility === 'public' ? r.group : null),
      message: r.message,
      earnedAt,
      onThisDay,
      visibility: isSelf ? r.visibility : null,
      group,
      notes: notes
        .filter((n) => n.milestoneId === r.id)
        .map((n) => ({ id: n.id, body: n.body, createdAt: new Date(n.createdAt), sender: { name: n.name ?? n.handle, handle: n.handle } })),
    };
  });
}
