// What /admin shows: the instance's health in figures and 30-day series, the member list, the audit log, invites
// and registrations waiting for approval. Plain functions over an Executor (tested on both engines); the pages reach
// them through lib/admin/queries.ts, which checks the viewer's instance role first.
import { and, count, desc, eq, gte, ilike, isNotNull, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import { instanceAuditLog, instanceInvites, outbox, posts, registrationApprovals, userSessions, users } from '@/db/schema';
import { rowsOf } from '@/db/client';
import { qualified } from '@/lib/sql';

/** The placeholder author of kept content from erased accounts (lib/privacy/registry.ts): not a member. */
const deletedMemberId = '00000000-0000-0000-0000-000000000000';

export type DayCount = { day: string; count: number };

export type Health = {
  members: number;
  activeThisWeek: number;
  postsToday: number;
  queuedMail: number;
  failedMail: number;
  failedJobs: number;
  waitingRegistrations: number;
  signUps: DayCount[];
  postsPerDay: DayCount[];
};

/** Per day over the last `days` days (UTC), zero-filled, oldest first. */
async function perDay(db: Executor, table: 'users' | 'posts', days: number, now: Date): Promise<DayCount[]> {
  const rows = rowsOf<{ day: string; n: number }>(
    await db.execute(sql`
      select to_char(d.day, 'YYYY-MM-DD') as day, count(t.created_at)::int as n
      from generate_series((${now.toISOString()}::timestamptz at time zone 'UTC')::date - ${days - 1}::int, (${now.toISOString()}::timestamptz at time zone 'UTC')::date, interval '1 day') as d(day)
      left join ${sql.identifier(table)} t on (t.created_at at time zone 'UTC')::date = d.day::date
      group by d.day order by d.day`),
  );
  return rows.map((r) => ({ day: r.day, count: Number(r.n) }));
}

/** Failed pg-boss jobs, when pg-boss runs (a PostgreSQL server); 0 on the embedded database, which has no pgboss schema. */
async function failedBossJobs(db: Executor) {
  const [exists] = rowsOf<{ t: string | null }>(await db.execute(sql`select to_regclass('pgboss.job')::text as t`));
  if (!exists?.t) return 0;
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from pgboss.job where state = 'failed'`));
  return Number(row?.n ?? 0);
}

export async function instanceHealth(db: Executor, now = new Date()): Promise<Health> {
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const [[members], [active], [postsToday], [mail], [waiting], abandoned, bossFailed, signUps, postsPerDay] = await Promise.all([
    db.select({ n: count() }).from(users).where(ne(users.id, deletedMemberId)),
    db.select({ n: sql<number>`count(distinct ${userSessions.userId})::int` }).from(userSessions).where(gte(userSessions.lastSeenAt, weekAgo)),
    db.select({ n: count() }).from(posts).where(gte(posts.createdAt, today)),
    db
      .select({
        queued: sql<number>`count(*) filter (where ${outbox.status} in ('queued', 'sending'))::int`,
        failed: sql<number>`count(*) filter (where ${outbox.status} = 'failed')::int`,
      })
      .from(outbox),
    db.select({ n: count() }).from(registrationApprovals),
    // A daily run that started over an hour ago and never finished died with its instance (lib/jobs.ts).
    db.execute(sql`select count(*)::int as n from job_runs where finished_at is null and started_at < ${now.toISOString()}::timestamptz - interval '1 hour'`),
    failedBossJobs(db),
    perDay(db, 'users', 30, now),
    perDay(db, 'posts', 30, now),
  ]);
  return {
    members: Number(members.n),
    activeThisWeek: Number(active.n),
    postsToday: Number(postsToday.n),
    queuedMail: Number(mail.queued),
    failedMail: Number(mail.failed),
    failedJobs: bossFailed + Number(rowsOf<{ n: number }>(abandoned)[0]?.n ?? 0),
    waitingRegistrations: Number(waiting.n),
    signUps,
    postsPerDay,
  };
}

export const membersPageSize = 25;

export type MemberRow = {
  id: string;
  handle: string;
  name: string;
  email: string;
  role: 'admin' | 'moderator' | null;
  suspendedAt: Date | null;
  suspensionReason: string | null;
  awaitingApproval: boolean;
  createdAt: Date;
};

/** People by name, handle or address (admins and moderators see addresses: they may need to write to them). */
export async function searchMembers(db: Executor, input: { q?: string; filter?: 'all' | 'staff' | 'suspended'; page?: number }) {
  const q = input.q?.trim().slice(0, 100);
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = and(
    ne(users.id, deletedMemberId),
    pattern ? or(ilike(users.handle, pattern), ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
    input.filter === 'staff' ? isNotNull(users.instanceRole) : undefined,
    input.filter === 'suspended' ? isNotNull(users.suspendedAt) : undefined,
  );
  const page = Math.max(1, input.page ?? 1);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: users.id,
        handle: users.handle,
        name: sql<string>`coalesce(${users.name}, ${users.handle})`,
        email: users.email,
        role: users.instanceRole,
        suspendedAt: users.suspendedAt,
        suspensionReason: users.suspensionReason,
        awaitingApproval: sql<boolean>`exists (select 1 from registration_approvals ra where ra.user_id = ${qualified(users.id)})`,
        createdAt: users.createdAt,
      })
      .from(users)
      .where(where)
      .orderBy(sql`${users.instanceRole} is null`, users.handle)
      .limit(membersPageSize)
      .offset((page - 1) * membersPageSize),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows: rows as MemberRow[], total: Number(total.n), page, pages: Math.max(1, Math.ceil(Number(total.n) / membersPageSize)) };
}

export const auditPageSize = 30;

/** The instance audit log, newest first, with the actor's and target's handles (a gone account shows as null). */
export async function auditLogPage(db: Executor, page = 1) {
  const actor = alias(users, 'actor');
  const target = alias(users, 'target');
  const p = Math.max(1, page);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: instanceAuditLog.id,
        action: instanceAuditLog.action,
        details: instanceAuditLog.details,
        createdAt: instanceAuditLog.createdAt,
        actorHandle: actor.handle,
        targetHandle: target.handle,
      })
      .from(instanceAuditLog)
      .leftJoin(actor, eq(actor.id, instanceAuditLog.actorId))
      .leftJoin(target, eq(target.id, instanceAuditLog.targetUserId))
      .orderBy(desc(instanceAuditLog.createdAt), desc(instanceAuditLog.id))
      .limit(auditPageSize)
      .offset((p - 1) * auditPageSize),
    db.select({ n: count() }).from(instanceAuditLog),
  ]);
  return { rows, page: p, pages: Math.max(1, Math.ceil(Number(total.n) / auditPageSize)) };
}

export async function listInstanceInvites(db: Executor, now = new Date()) {
  const rows = await db
    .select({
      id: instanceInvites.id,
      note: instanceInvites.note,
      expiresAt: instanceInvites.expiresAt,
      maxUses: instanceInvites.maxUses,
      uses: instanceInvites.uses,
      revokedAt: instanceInvites.revokedAt,
      createdAt: instanceInvites.createdAt,
      creatorHandle: users.handle,
    })
    .from(instanceInvites)
    .leftJoin(users, eq(users.id, instanceInvites.creatorId))
    .orderBy(desc(instanceInvites.createdAt))
    .limit(200);
  return rows.map((r) => ({
    ...r,
    state: r.revokedAt ? ('revoked' as const) : r.expiresAt && r.expiresAt <= now ? ('expired' as const) : r.maxUses !== null && r.uses >= r.maxUses ? ('used up' as const) : ('active' as const),
  }));
}

export async function waitingRegistrations(db: Executor) {
  return db
    .select({
      userId: registrationApprovals.userId,
      question: registrationApprovals.question,
      answer: registrationApprovals.answer,
      requestedAt: registrationApprovals.createdAt,
      handle: users.handle,
      name: users.name,
      email: users.email,
    })
    .from(registrationApprovals)
    .innerJoin(users, eq(users.id, registrationApprovals.userId))
    .orderBy(registrationApprovals.createdAt)
    .limit(200);
}
