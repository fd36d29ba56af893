// One way to record an earned milestone, for every rule (built-in, date-based, group-defined): insert it once (the
// unique index decides), tell the person, and send the group's thank-you when it has one for this kind.
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { groups, milestones, thankYouTemplates, users } from '@/db/schema';
import { excerpt, notify } from '@/lib/notifications/notify';
import { ordinal, renderTemplate } from './templates';

export interface Earned {
  userId: string;
  rule: string;
  scope?: string;
  /** The group it happened in, if any: its members may celebrate it, and its thank-you template applies. */
  groupId?: string | null;
  /** Stored wording (group-defined milestones); built-in ones are worded in code. */
  title?: string;
  message?: string;
  earnedAt?: Date;
  /** What the notification says. */
  notice: { title: string; message: string };
  link: string;
  /** The number the milestone counts ({count} in thank-you templates). */
  count: number;
  /** The kind a thank-you template is written for (the rule key, or group:<id>). */
  thankKind?: string;
  /** No notification (the demo seed replays history quietly). */
  quiet?: boolean;
}

/** Returns the new milestone's id, or null when the person already had it. */
export async function recordMilestone(tx: Executor, e: Earned): Promise<string | null> {
  const [row] = await tx
    .insert(milestones)
    .values({ userId: e.userId, rule: e.rule, scope: e.scope ?? '', groupId: e.groupId ?? null, title: e.title ?? '', message: e.message ?? '', ...(e.earnedAt ? { earnedAt: e.earnedAt } : {}) })
    .onConflictDoNothing()
    .returning({ id: milestones.id });
  if (!row) return null;
  if (e.quiet) return row.id;
  await notify(tx, { userId: e.userId, kind: 'milestone', groupId: e.groupId ?? null, link: e.link, subjectId: row.id, data: { title: e.notice.title, message: e.notice.message }, createdAt: e.earnedAt });
  if (e.groupId) await sendThankYou(tx, { ...e, groupId: e.groupId, milestoneId: row.id, kind: e.thankKind ?? e.rule });
  return row.id;
}

/** The group's thank-you for this kind of milestone, filled in for the person and sent from its author. */
async function sendThankYou(tx: Executor, e: Earned & { groupId: string; milestoneId: string; kind: string }) {
  const [template] = await tx
    .select({ body: thankYouTemplates.body, authorId: thankYouTemplates.authorId, group: groups.name, slug: groups.slug })
    .from(thankYouTemplates)
    .innerJoin(groups, eq(groups.id, thankYouTemplates.groupId))
    .where(and(eq(thankYouTemplates.groupId, e.groupId), eq(thankYouTemplates.milestoneKind, e.kind)))
    .limit(1);
  if (!template) return;
  const [person] = await tx.select({ name: users.name, handle: users.handle }).from(users).where(eq(users.id, e.userId));
  const text = renderTemplate(template.body, { name: person?.name ?? person?.handle ?? 'friend', count: e.count, nth: ordinal(e.count), group: template.group, milestone: e.notice.title });
  await notify(tx, {
    userId: e.userId,
    kind: 'thank_you',
    actorId: template.authorId,
    groupId: e.groupId,
    link: `/g/${template.slug}`,
    subjectId: e.milestoneId,
    data: { group: template.group, message: excerpt(text, 400), milestone: e.notice.title },
    createdAt: e.earnedAt,
  });
}
