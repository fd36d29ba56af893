// Every unique index in the schema, and how a Server Action that writes its table answers a duplicate. A new unique
// index (or primary key) fails this test until it is listed here — so a duplicate can never again end in a 500.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, rowsOf } from '@/db/client';

type Answer =
  /** Only Hearth chooses the value: a random id or token, or a key written once with a row it has just created. */
  | { by: 'generated'; why: string }
  /** Every insert into the table (its drizzle name) says ON CONFLICT, except in files that only create new rows. */
  | { by: 'upsert'; table: string; newRowsOnlyIn?: string[] }
  /** The rows are deleted and written again in one transaction, behind a row lock that serializes two saves. */
  | { by: 'rewritten'; why: string }
  /** The action answers with a message a person can act on; each file named proves it (it asserts that message). */
  | { by: 'message'; provedIn: { file: string; asserts: string }[] };

const generated = (why: string): Answer => ({ by: 'generated', why });
const randomId = generated('a random uuid from the column default');

const uniqueAnswers: Record<string, Answer> = {
  // Chosen by people: answered with a message.
  channels_name_key: { by: 'message', provedIn: [{ file: 'lib/groups/duplicates.db.test.ts', asserts: 'There is already a channel called #general in this group' }] },
  group_roles_name_key: { by: 'message', provedIn: [{ file: 'lib/groups/duplicates.db.test.ts', asserts: 'There is already a role called mentor in this group' }] },
  groups_slug_lower_key: { by: 'message', provedIn: [{ file: 'lib/groups/duplicates.db.test.ts', asserts: 'is taken — try another.' }] },
  group_join_requests_pending_key: { by: 'message', provedIn: [{ file: 'lib/groups/duplicates.db.test.ts', asserts: 'You already asked to join' }] },
  // Joining: a message when joining directly (also when two joins race), ON CONFLICT when approved or joined at onboarding.
  group_members_group_id_user_id_pk: { by: 'message', provedIn: [{ file: 'lib/groups/duplicates.db.test.ts', asserts: 'answers a join that loses the race' }] },
  users_email_lower_key: {
    by: 'message',
    provedIn: [
      { file: 'lib/auth/users.db.test.ts', asserts: 'already exists' },
      { file: 'lib/auth/email-change.db.test.ts', asserts: 'taken_mail@example.org' },
    ],
  },
  reports_open_key: { by: 'message', provedIn: [{ file: 'lib/reports/reports.db.test.ts', asserts: 'You already reported this; we will tell you the outcome.' }] },
  users_handle_lower_key: { by: 'message', provedIn: [{ file: 'lib/profiles/actions.db.test.ts', asserts: 'is taken — try another.' }] },

  // Repeatable by a person (a second click, a second tab): ON CONFLICT.
  bookmarks_user_id_post_id_pk: { by: 'upsert', table: 'bookmarks' },
  reactions_post_id_user_id_emoji_pk: { by: 'upsert', table: 'reactions' },
  follows_follower_id_followee_id_pk: { by: 'upsert', table: 'follows' },
  user_blocks_blocker_id_blocked_id_pk: { by: 'upsert', table: 'userBlocks' },
  tag_follows_user_id_tag_pk: { by: 'upsert', table: 'tagFollows' },
  congratulations_milestone_id_user_id_pk: { by: 'upsert', table: 'congratulations' },
  consents_user_id_kind_pk: { by: 'upsert', table: 'consents' },
  discover_sets_user_id_week_pk: { by: 'upsert', table: 'discoverSets' },
  feed_preferences_pkey: { by: 'upsert', table: 'feedPreferences' },
  taste_models_pkey: { by: 'upsert', table: 'tasteModels' },
  // The daily training replaces every vector and every post's factors in one transaction behind an advisory lock
  // (lib/recommend/taste.ts); fold-in adds to a post's row with INSERT … ON CONFLICT in the same file.
  taste_vectors_pkey: { by: 'rewritten', why: 'the taste model is trained whole and written in one locked transaction' },
  post_factors_pkey: { by: 'rewritten', why: 'trained whole in one locked transaction; fold-in upserts (ON CONFLICT) between trainings' },
  for_you_lists_pkey: { by: 'upsert', table: 'forYouLists' },
  interest_scores_user_id_tag_pk: { by: 'upsert', table: 'interestScores' },
  notification_preferences_user_id_kind_pk: { by: 'upsert', table: 'notificationPreferences' },
  retention_settings_user_id_kind_pk: { by: 'upsert', table: 'retentionSettings' },
  rate_limits_pkey: { by: 'upsert', table: 'rateLimits' },
  released_handles_pkey: { by: 'upsert', table: 'releasedHandles' },
  handle_redirects_pkey: { by: 'upsert', table: 'handleRedirects' },
  interests_slug_key: { by: 'upsert', table: 'interests' },
  milestones_once_key: { by: 'upsert', table: 'milestones' },
  group_achievements_once_key: { by: 'upsert', table: 'groupAchievements' },
  thank_you_templates_kind_key: { by: 'upsert', table: 'thankYouTemplates' },
  group_bans_group_id_user_id_pk: { by: 'upsert', table: 'groupBans' },
  group_member_roles_group_id_user_id_role_id_pk: { by: 'upsert', table: 'groupMemberRoles', newRowsOnlyIn: ['lib/groups/setup.ts'] },
  pending_signups_email_key: { by: 'upsert', table: 'pendingSignups' },
  job_runs_job_day_pk: { by: 'upsert', table: 'jobRuns' },
  push_subscriptions_endpoint_key: { by: 'upsert', table: 'pushSubscriptions' },
  push_subscriptions_pkey: randomId,
  mail_preferences_user_id_kind_pk: { by: 'upsert', table: 'mailPreferences' },
  digest_subscriptions_pkey: { by: 'upsert', table: 'digestSubscriptions' },
  totp_secrets_pkey: { by: 'upsert', table: 'totpSecrets' },
  passkeys_credential_key: { by: 'upsert', table: 'passkeys' },
  site_settings_pkey: { by: 'upsert', table: 'siteSettings' },
  profiles_pkey: { by: 'upsert', table: 'profiles', newRowsOnlyIn: ['lib/auth/users.ts', 'lib/auth/config.ts'] },

  // Written again as a whole, after a row lock.
  user_interests_user_id_interest_id_pk: { by: 'rewritten', why: 'profile save: deleted and rewritten (distinct ids) after the profile upsert locks the row' },
  post_tags_post_id_tag_pk: { by: 'rewritten', why: 'normalizeTags() drops duplicates; an edit locks the post row (update) before rewriting them' },
  mentions_post_id_user_id_pk: { by: 'rewritten', why: 'one row per person found; an edit locks the post row before rewriting them' },

  // Only Hearth picks the value.
  accounts_provider_provider_account_id_pk: generated('written by the Auth.js adapter, which looks the account up before linking it'),
  email_changes_token_key: generated('sha-256 of a random token'),
  recovery_codes_user_code_key: generated('sha-256 of 80 random bits, written after the old codes are deleted in the same transaction'),
  webauthn_challenges_challenge_key: generated('a random challenge from @simplewebauthn/server'),
  password_resets_token_key: generated('sha-256 of a random token'),
  password_resets_pkey: randomId,
  pending_signups_token_key: generated('sha-256 of a random token'),
  pending_signups_pkey: randomId,
  instance_audit_log_pkey: randomId,
  live_events_pkey: generated('an identity column'),
  instance_invites_pkey: generated('96 random bits (crypto.randomBytes)'),
  registration_approvals_pkey: generated('written once, in the transaction that creates the account it holds'),
  group_invites_pkey: generated('96 random bits (crypto.randomBytes)'),
  group_roles_builtin_key: generated('built-in roles are written once, by createGroupRecords for a new group'),
  media_variants_media_id_name_pk: generated('a new media id with the fixed, distinct variant names of its kind'),
  post_images_post_id_media_id_pk: generated('a new post with new media ids'),
  activity_signals_pkey: randomId,
  channels_pkey: randomId,
  comments_pkey: randomId,
  consent_log_pkey: randomId,
  email_changes_pkey: randomId,
  recovery_codes_pkey: randomId,
  passkeys_pkey: randomId,
  webauthn_challenges_pkey: randomId,
  feed_controls_pkey: randomId,
  goals_pkey: randomId,
  group_achievements_pkey: randomId,
  group_audit_log_pkey: randomId,
  group_join_requests_pkey: randomId,
  group_milestones_pkey: randomId,
  group_roles_pkey: randomId,
  groups_pkey: randomId,
  interests_pkey: randomId,
  media_pkey: randomId,
  milestones_pkey: randomId,
  notifications_pkey: randomId,
  outbox_pkey: randomId,
  posts_pkey: randomId,
  reports_pkey: randomId,
  search_history_pkey: randomId,
  thank_you_notes_pkey: randomId,
  thank_you_templates_pkey: randomId,
  user_sessions_pkey: randomId,
  users_pkey: randomId,
};

async function liveUniqueIndexes(): Promise<string[]> {
  const rows = rowsOf<{ name: string }>(
    await db.execute(sql`
      select i.relname as name
      from pg_index x
      join pg_class i on i.oid = x.indexrelid
      join pg_class t on t.oid = x.indrelid
      join pg_namespace n on n.oid = t.relnamespace
      where x.indisunique and n.nspname = current_schema()
      order by 1`),
  );
  return rows.map((r) => r.name);
}

const root = process.cwd();
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

describe('unique constraints', () => {
  it('lists every unique index and primary key of the schema, and only those', async () => {
    const live = await liveUniqueIndexes();
    expect(live.length).toBeGreaterThan(40);
    const missing = live.filter((name) => !(name in uniqueAnswers));
    const stale = Object.keys(uniqueAnswers).filter((name) => !live.includes(name));
    // A new unique index: say here how the actions writing its table answer a duplicate (and prove it).
    expect(missing, 'unique indexes without an answer in uniqueAnswers').toEqual([]);
    expect(stale, 'entries for indexes that no longer exist').toEqual([]);
  });

  it('answers each person-chosen duplicate with a message that a test asserts', () => {
    for (const [name, answer] of Object.entries(uniqueAnswers)) {
      if (answer.by !== 'message') continue;
      for (const proof of answer.provedIn) {
        const text = fs.readFileSync(path.join(root, proof.file), 'utf8');
        expect(text.includes(proof.asserts), `${proof.file} asserts “${proof.asserts}” (${name})`).toBe(true);
      }
    }
  });

  it('writes the repeatable rows with ON CONFLICT, wherever they are inserted', () => {
    // Not the demo seed (lib/demo): it writes once, into a database with nobody in it, and refuses any other.
    const files = sourceFiles('lib').filter((file) => !file.startsWith(path.join('lib', 'demo'))).map((file) => ({ file, text: fs.readFileSync(path.join(root, file), 'utf8') }));
    const unguarded: string[] = [];
    let checked = 0;
    for (const answer of Object.values(uniqueAnswers)) {
      if (answer.by !== 'upsert') continue;
      const sqlName = answer.table.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      for (const { file, text } of files) {
        if (answer.newRowsOnlyIn?.includes(file)) continue;
        // drizzle: .insert(table)… up to the end of the statement; raw SQL: insert into table … up to the closing backtick.
        const statements = [
          ...text.matchAll(new RegExp(`\\.insert\\(${answer.table}\\)[^;]*;`, 'g')),
          ...text.matchAll(new RegExp(`insert into (?:${sqlName}|\\$\\{${answer.table}\\})(?!\\w)[^\`]*\``, 'g')),
        ];
        for (const [statement] of statements) {
          checked++;
          if (!/onConflictDo(Nothing|Update)\(|on conflict/i.test(statement)) unguarded.push(`${file}: ${statement.slice(0, 80)}…`);
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(unguarded, 'inserts that a repeated click would turn into a unique violation').toEqual([]);
  });
});
