// The authorization matrix: every Server Action and route handler, who may call it, and the tests that prove
// both sides. authorization.db.test.ts (reading the code with the TypeScript compiler) fails when an action or a
// route handler verb exists without an entry here, when an entry is not proved — one of its tests must allow it
// through expectAllowed (the effect happened) and one refuse it through expectRefused (no table changed, nothing
// leaked into anyone else's view; test/proofs.ts) — when a named browser test does not exist or never touches the
// action's interface, and when a signed-out caller gets anything but a refusal.

export interface Entry {
  /** Who may, in words. */
  who: string;
  /** Test files that prove the allowed and the refused callers (expectAllowed / expectRefused calls naming it). */
  tests: string[];
  /** Browser journeys that use the action through its interface: the spec and the test's full title. */
  e2e?: { spec: string; test: string }[];
  /** Reachable without signing in (sign-up, sign-in, theme, public media). */
  public?: boolean;
  /** For route handlers: the data-layer function that decides, which the tests call. */
  via?: string;
}

const matrix = 'lib/groups/matrix.db.test.ts';
const content = 'lib/posts/content.db.test.ts';
const notificationsTest = 'lib/notifications/notifications.db.test.ts';
const images = 'lib/posts/images.db.test.ts';
const profiles = 'lib/profiles/actions.db.test.ts';
const feedTest = 'lib/recommend/feed.db.test.ts';
const searchTest = 'lib/search/search.db.test.ts';
const celebrations = 'lib/milestones/celebrations.db.test.ts';
const twoFactor = 'lib/auth/two-factor/actions.db.test.ts';
const reportsTest = 'lib/reports/reports.db.test.ts';
const blocksTest = 'lib/blocks/blocks.db.test.ts';
const commentEdits = 'lib/posts/comment-edit.db.test.ts';
const adminTest = 'lib/admin/admin.db.test.ts';
const groupActions = 'lib/groups/group-actions.db.test.ts';
const signInTest = 'lib/auth/sign-in.db.test.ts';

export const authorization: Record<string, Entry> = {
  // Accounts
  'lib/auth/actions.ts#signUpAction': { who: 'anyone signed out (rate-limited per address)', tests: ['lib/auth/signup.db.test.ts'], e2e: [{ spec: 'e2e/auth.spec.ts', test: "sign up → the feed shows demo content → sign out → sign in → a wrong password is refused" }], public: true },
  'lib/auth/actions.ts#finishSignUpAction': { who: 'anyone holding a mailed sign-up link, with the password chosen at sign-up (rate-limited per address)', tests: ['lib/auth/signup.db.test.ts'], e2e: [{ spec: 'e2e/auth.spec.ts', test: "sign up → the feed shows demo content → sign out → sign in → a wrong password is refused" }], public: true },
  'lib/auth/actions.ts#signInAction': { who: 'anyone (rate-limited per address and per account)', tests: [signInTest], e2e: [{ spec: 'e2e/auth.spec.ts', test: "sign up → the feed shows demo content → sign out → sign in → a wrong password is refused" }], public: true },
  'lib/auth/actions.ts#signOutAction': { who: 'the session’s own person: ends this browser’s session row (lib/auth/config.ts events.signOut), nothing else', tests: [signInTest], e2e: [{ spec: 'e2e/auth.spec.ts', test: "sign up → the feed shows demo content → sign out → sign in → a wrong password is refused" }], public: true },
  'lib/auth/actions.ts#signOutEverywhereAction': { who: 'the signed-in person, for their own sessions', tests: [signInTest], e2e: [{ spec: 'e2e/auth.spec.ts', test: "sign up → the feed shows demo content → sign out → sign in → a wrong password is refused" }] },
  'lib/auth/actions.ts#oauthSignInAction': { who: 'anyone, for a configured provider only', tests: ['lib/security/authorization.db.test.ts', signInTest], public: true },
  'lib/auth/actions.ts#changePasswordAction': { who: 'the signed-in person, with their current password', tests: [signInTest], e2e: [{ spec: 'e2e/auth.spec.ts', test: "sign up → the feed shows demo content → sign out → sign in → a wrong password is refused" }] },
  'lib/auth/actions.ts#requestEmailChangeAction': { who: 'the signed-in person, with their current password (rate-limited)', tests: ['lib/auth/email-change.db.test.ts'], e2e: [{ spec: 'e2e/account.spec.ts', test: "changing the email: current password, a link to the new address, other devices signed out, sign in with the new one" }] },
  'lib/auth/actions.ts#confirmEmailChangeAction': { who: 'the signed-in person the link was sent for, once, within a day', tests: ['lib/auth/email-change.db.test.ts'], e2e: [{ spec: 'e2e/account.spec.ts', test: "changing the email: current password, a link to the new address, other devices signed out, sign in with the new one" }] },
  // Two-factor sign-in (lib/auth/two-factor): the person's own settings; turning off and new codes need the password or a code.
  'lib/auth/two-factor/actions.ts#startTotpSetupAction': { who: 'the signed-in person, for their own account, while no app is in force', tests: [twoFactor], e2e: [{ spec: 'e2e/two-factor.spec.ts', test: "an authenticator app and recovery codes: the password alone is not enough, and a recovery code works once" }] },
  'lib/auth/two-factor/actions.ts#confirmTotpAction': { who: 'the signed-in person, with a current code from the app being set up (rate-limited)', tests: [twoFactor], e2e: [{ spec: 'e2e/two-factor.spec.ts', test: "an authenticator app and recovery codes: the password alone is not enough, and a recovery code works once" }] },
  'lib/auth/two-factor/actions.ts#disableTotpAction': { who: 'the signed-in person, with their password or a current code (rate-limited)', tests: [twoFactor] },
  'lib/auth/two-factor/actions.ts#regenerateRecoveryCodesAction': { who: 'the signed-in person with two-factor on, with their password or a current code (rate-limited)', tests: [twoFactor] },
  'lib/auth/two-factor/actions.ts#removePasskeyAction': { who: 'the signed-in person, their own passkeys only', tests: [twoFactor] },
  'lib/auth/two-factor/actions.ts#passkeyRegistrationOptionsAction': { who: 'the signed-in person (a challenge of their own, rate-limited)', tests: [twoFactor] },
  'lib/auth/two-factor/actions.ts#registerPasskeyAction': { who: 'the signed-in person, answering a challenge handed to them, once, on this site', tests: [twoFactor] },
  'lib/auth/two-factor/actions.ts#passkeySignInOptionsAction': { who: 'anyone signing in (a challenge for no one yet, rate-limited per address)', tests: [twoFactor], public: true },
  'lib/auth/reset-actions.ts#requestPasswordResetAction': { who: 'anyone; the same answer whether or not an account uses the address (rate-limited per address and per client address)', tests: ['lib/auth/password-reset.db.test.ts'], e2e: [{ spec: 'e2e/password-reset.spec.ts', test: "forgot password → the mail arrives over SMTP → a new password → every device signed out → sign in with the new one" }], public: true },
  'lib/auth/reset-actions.ts#resetPasswordAction': { who: 'anyone holding a mailed reset link, once, within 30 minutes (rate-limited per address)', tests: ['lib/auth/password-reset.db.test.ts'], e2e: [{ spec: 'e2e/password-reset.spec.ts', test: "forgot password → the mail arrives over SMTP → a new password → every device signed out → sign in with the new one" }], public: true },
  'lib/auth/reset-actions.ts#resendConfirmationAction': { who: 'the signed-in person, for their own unconfirmed address (3 an hour)', tests: ['lib/auth/email-confirmation.db.test.ts'] },
  'lib/mail/actions.ts#saveMailChoicesAction': { who: 'the signed-in person, their own mail choices', tests: ['lib/mail/preferences.db.test.ts'] },
  'lib/mail/actions.ts#unsubscribeAction': { who: 'anyone holding a mail’s signed unsubscribe link: turns off only the kind and person it names', tests: ['lib/mail/preferences.db.test.ts'], public: true },
  'app/api/unsubscribe/[token]/route.ts#POST': { who: 'anyone holding a mail’s signed unsubscribe link (RFC 8058 one-click): the kind and person it names', tests: ['lib/mail/worker.db.test.ts'], public: true },
  'app/api/unsubscribe/[token]/route.ts#GET': { who: 'anyone: changes nothing; a link Hearth signed sends the browser to the page with a button, any other is not found', tests: ['lib/mail/worker.db.test.ts'], public: true },
  'lib/theme/actions.ts#setThemeAction': { who: 'anyone: a cookie, no personal data', tests: ['lib/theme/theme.db.test.ts'], e2e: [{ spec: 'e2e/shell.spec.ts', test: "dark mode can be chosen and stays chosen" }], public: true },
  // Profiles
  'lib/profiles/actions.ts#updateProfileAction': { who: 'the signed-in person, their own profile only', tests: [profiles] },
  'lib/profiles/actions.ts#uploadImageAction': { who: 'the signed-in person, their own avatar or banner', tests: [profiles] },
  'lib/profiles/actions.ts#removeImageAction': { who: 'the signed-in person, their own avatar or banner', tests: [profiles] },
  'lib/profiles/actions.ts#rememberTimeZoneAction': { who: 'the signed-in person', tests: [profiles] },
  'lib/profiles/actions.ts#previewBioAction': { who: 'any signed-in person (renders text, stores nothing)', tests: [profiles], e2e: [{ spec: 'e2e/profile.spec.ts', test: "edit with a live preview, upload and crop an avatar with GPS data, and see it on the profile and in the header" }] },
  // Groups
  'lib/groups/actions.ts#createGroupAction': { who: 'any signed-in person', tests: [groupActions], e2e: [{ spec: 'e2e/groups.spec.ts', test: "an owner builds a group; a newcomer joins by invite, is welcomed, posts, becomes a Mentor and pins" }] },
  'lib/groups/actions.ts#updateGroupSettingsAction': { who: 'roles with manage settings', tests: [matrix] },
  'lib/groups/actions.ts#dismissWelcomeAction': { who: 'the member themself', tests: [groupActions], e2e: [{ spec: 'e2e/groups.spec.ts', test: "an owner builds a group; a newcomer joins by invite, is welcomed, posts, becomes a Mentor and pins" }] },
  'lib/groups/actions.ts#joinGroupAction': { who: 'non-members of public groups, or with a valid invite; never the banned', tests: [matrix] },
  'lib/groups/actions.ts#requestToJoinAction': { who: 'non-members of request-to-join groups', tests: [matrix, notificationsTest] },
  'lib/groups/actions.ts#decideJoinRequestAction': { who: 'roles with approve requests', tests: [matrix, notificationsTest] },
  'lib/groups/actions.ts#leaveGroupAction': { who: 'members other than the owner', tests: [matrix] },
  'lib/groups/actions.ts#removeMemberAction': { who: 'manage members, on lower-ranked members', tests: [matrix] },
  'lib/groups/actions.ts#banMemberAction': { who: 'manage members, on lower-ranked members', tests: [matrix] },
  'lib/groups/actions.ts#unbanMemberAction': { who: 'manage members', tests: [matrix] },
  'lib/groups/actions.ts#transferOwnershipAction': { who: 'the owner', tests: [matrix] },
  'lib/groups/actions.ts#createInviteAction': { who: 'roles with invite', tests: [matrix] },
  'lib/groups/actions.ts#revokeInviteAction': { who: 'its creator, or manage members', tests: [matrix] },
  'lib/groups/actions.ts#uploadGroupImageAction': { who: 'manage settings', tests: [images] },
  'lib/groups/actions.ts#removeGroupImageAction': { who: 'manage settings', tests: [images] },
  'lib/groups/channel-actions.ts#createChannelAction': { who: 'manage channels', tests: [matrix] },
  'lib/groups/channel-actions.ts#updateChannelAction': { who: 'manage channels', tests: [matrix] },
  'lib/groups/channel-actions.ts#moveChannelAction': { who: 'manage channels', tests: [matrix] },
  'lib/groups/channel-actions.ts#archiveChannelAction': { who: 'manage channels', tests: [matrix] },
  'lib/groups/role-actions.ts#createRoleAction': { who: 'manage roles, granting only what they hold', tests: [matrix] },
  'lib/groups/role-actions.ts#updateRoleAction': { who: 'manage roles, on roles below their own', tests: [matrix] },
  'lib/groups/role-actions.ts#deleteRoleAction': { who: 'manage roles, on custom roles below their own', tests: [matrix] },
  'lib/groups/role-actions.ts#assignRoleAction': { who: 'manage roles and manage members, below their own rank', tests: [matrix] },
  'lib/groups/role-actions.ts#unassignRoleAction': { who: 'manage roles and manage members, below their own rank', tests: [matrix] },
  // Posts
  'lib/posts/actions.ts#createPostAction': { who: 'anyone on their own profile; in a group, post permission and the channel’s roles', tests: [matrix, content, images] },
  'lib/posts/actions.ts#editPostAction': { who: 'the author', tests: [matrix, content] },
  'lib/posts/actions.ts#deletePostAction': { who: 'the author', tests: [matrix, content] },
  'lib/posts/actions.ts#createCommentAction': { who: 'comment permission where the post is visible and not locked', tests: [matrix, content] },
  'lib/posts/actions.ts#deleteCommentAction': { who: 'the author', tests: [matrix, content] },
  'lib/posts/actions.ts#editCommentAction': { who: 'the author, where they still see the post; not once moderators removed it', tests: [commentEdits], e2e: [{ spec: 'e2e/blocking.spec.ts', test: "a blocked person’s reply is refused, the post is not found for them, and unblocking in settings restores it; comments can be edited in place" }] },
  'lib/posts/actions.ts#toggleReactionAction': { who: 'react permission where the post is visible', tests: [matrix, content] },
  'lib/posts/actions.ts#toggleBookmarkAction': { who: 'anyone who can see the post, for their own bookmarks', tests: [content] },
  'lib/posts/actions.ts#pinPostAction': { who: 'pin permission', tests: [matrix] },
  'lib/posts/actions.ts#lockCommentsAction': { who: 'lock permission', tests: [matrix, content] },
  'lib/posts/actions.ts#removePostAction': { who: 'remove content, on lower-ranked authors', tests: [matrix, content] },
  'lib/posts/actions.ts#removeCommentAction': { who: 'remove content, on lower-ranked authors', tests: [matrix, content] },
  'lib/posts/actions.ts#followPersonAction': { who: 'the signed-in person, for their own follows', tests: [notificationsTest] },
  'lib/posts/actions.ts#followTagAction': { who: 'the signed-in person, for their own follows', tests: ['lib/security/authorization.db.test.ts'] },
  // Reports and the moderation queues
  'lib/reports/actions.ts#reportAction': { who: 'any signed-in person, about what they can see and did not write (rate-limited)', tests: [reportsTest], e2e: [{ spec: 'e2e/reports.spec.ts', test: "a member reports a post in a group; its moderator removes it from the group’s queue; the reporter is told" }] },
  'lib/reports/actions.ts#dismissReportsAction': { who: 'review reports in the group’s queue; instance admins and moderators in the instance queue', tests: [reportsTest] },
  'lib/reports/actions.ts#removeReportedAction': { who: 'review reports and remove content (on lower-ranked authors) in a group; instance moderators for content outside groups', tests: [reportsTest], e2e: [{ spec: 'e2e/reports.spec.ts', test: "a member reports a post in a group; its moderator removes it from the group’s queue; the reporter is told" }] },
  'lib/reports/actions.ts#lockReportedAction': { who: 'review reports and lock in a group; instance moderators for posts outside groups', tests: [reportsTest] },
  'lib/reports/actions.ts#banReportedAction': { who: 'review reports and manage members (on lower-ranked members), in the group’s queue only', tests: [reportsTest] },
  'lib/reports/actions.ts#suspendReportedAction': { who: 'instance admins and moderators (admins only on moderators, nobody on admins), from either queue they work', tests: [reportsTest] },
  // Blocking
  'lib/blocks/actions.ts#blockPersonAction': { who: 'the signed-in person, blocking someone else who has an account', tests: [blocksTest], e2e: [{ spec: 'e2e/blocking.spec.ts', test: "a blocked person’s reply is refused, the post is not found for them, and unblocking in settings restores it; comments can be edited in place" }] },
  'lib/blocks/actions.ts#unblockPersonAction': { who: 'the person who made the block', tests: [blocksTest], e2e: [{ spec: 'e2e/blocking.spec.ts', test: "a blocked person’s reply is refused, the post is not found for them, and unblocking in settings restores it; comments can be edited in place" }] },
  // Notifications
  'lib/notifications/actions.ts#markReadAction': { who: 'the recipient, their own notifications only', tests: [notificationsTest] },
  'lib/notifications/actions.ts#markAllReadAction': { who: 'the recipient', tests: [notificationsTest], e2e: [{ spec: 'e2e/notifications.spec.ts', test: "a follow and a first post show up as notifications, with an unread count until read" }] },
  'lib/notifications/actions.ts#savePreferencesAction': { who: 'the signed-in person', tests: [notificationsTest] },
  'lib/digest/actions.ts#setDigestAction': { who: 'the signed-in person, their own digest only', tests: ['lib/digest/digest.db.test.ts'], e2e: [{ spec: 'e2e/digest.spec.ts', test: "the digest is off until asked for: choosing Weekly in settings, then the preview shows the posts with their reasons" }] },
  // Goals
  'lib/milestones/actions.ts#createGoalAction': { who: 'the signed-in person, for themself (at most 5)', tests: ['lib/milestones/goals.db.test.ts'] },
  'lib/milestones/actions.ts#deleteGoalAction': { who: 'the goal’s owner', tests: ['lib/milestones/goals.db.test.ts'] },
  // Celebrations
  'lib/milestones/actions.ts#congratulateAction': { who: 'people a celebration is shown to (followers, co-members), never the person themself', tests: [celebrations], e2e: [{ spec: 'e2e/celebrations.spec.ts', test: "the demo account congratulates a friend on their cake day" }] },
  'lib/milestones/actions.ts#sendThankYouNoteAction': { who: 'anyone who may see the milestone (card or Memories), not the person themself', tests: [celebrations] },
  'lib/milestones/actions.ts#setMilestoneVisibilityAction': { who: 'the person whose milestone it is', tests: [celebrations] },
  'lib/milestones/group-actions.ts#createGroupMilestoneAction': { who: 'the owner and roles with manage celebrations', tests: [matrix, celebrations], e2e: [{ spec: 'e2e/celebrations.spec.ts', test: "an owner adds a group milestone and a thank-you; a new member’s first post is celebrated, thanked and congratulated" }] },
  'lib/milestones/group-actions.ts#deleteGroupMilestoneAction': { who: 'the owner and roles with manage celebrations', tests: [matrix, celebrations] },
  'lib/milestones/group-actions.ts#saveThankYouTemplateAction': { who: 'the owner and roles with manage celebrations', tests: [matrix, celebrations], e2e: [{ spec: 'e2e/celebrations.spec.ts', test: "an owner adds a group milestone and a thank-you; a new member’s first post is celebrated, thanked and congratulated" }] },
  'lib/milestones/group-actions.ts#deleteThankYouTemplateAction': { who: 'the owner and roles with manage celebrations', tests: [matrix, celebrations] },
  // Privacy and sessions
  'lib/auth/actions.ts#endSessionAction': { who: 'the signed-in person, for their own devices only', tests: ['lib/auth/sessions.db.test.ts'] },
  'lib/privacy/actions.ts#eraseAccountAction': { who: 'the person themself, with password (or a fresh sign-in) and their handle typed', tests: ['lib/privacy/erase.db.test.ts'] },
  'lib/privacy/actions.ts#deletePrivacyItemAction': { who: 'the person, for their own rows only', tests: ['lib/privacy/items.db.test.ts'] },
  'lib/privacy/actions.ts#clearPrivacyCategoryAction': { who: 'the person, for their own rows only, after ticking a confirmation', tests: ['lib/privacy/items.db.test.ts'] },
  'lib/privacy/actions.ts#setConsentAction': { who: 'the person, for their own consents', tests: ['lib/privacy/consents.db.test.ts'] },
  'lib/privacy/actions.ts#forgetCollectedAction': { who: 'the person, for their own signals and inferred scores, after ticking a confirmation', tests: ['lib/privacy/consents.db.test.ts'] },
  'lib/privacy/actions.ts#setRetentionAction': { who: 'the person, for their own retention choices', tests: ['lib/privacy/retention.db.test.ts'] },
  // Feed and personalization
  'lib/recommend/actions.ts#setFeedModeAction': { who: 'the signed-in person, their own feed', tests: [feedTest] },
  'lib/recommend/actions.ts#showLessAction': { who: 'the signed-in person, about a post they can see', tests: [feedTest] },
  'lib/recommend/actions.ts#notInterestedAction': { who: 'the signed-in person, about a post they can see', tests: [feedTest] },
  'lib/recommend/actions.ts#muteAction': { who: 'the signed-in person; not themself; a group they can see', tests: [feedTest] },
  'lib/recommend/actions.ts#endFeedControlAction': { who: 'the control’s owner', tests: [feedTest] },
  'lib/recommend/actions.ts#undoShowLessAction': { who: 'the control’s owner, a “show less” still in force', tests: [feedTest] },
  'lib/recommend/actions.ts#setInterestChoiceAction': { who: 'the signed-in person, their own profile', tests: [feedTest] },
  'lib/recommend/actions.ts#removeInterestAction': { who: 'the signed-in person, their own profile', tests: [feedTest] },
  'lib/recommend/actions.ts#setHistoryPausedAction': { who: 'the signed-in person, their own history', tests: [feedTest] },
  'lib/recommend/actions.ts#resetPersonalizationAction': { who: 'the signed-in person, after ticking a confirmation', tests: [feedTest] },
  'lib/recommend/actions.ts#quietGroupAction': { who: 'a member of the group, for themself', tests: [feedTest] },
  'lib/recommend/actions.ts#showNewPostsAction': { who: 'the signed-in person; ranks their own For you list again', tests: ['lib/live/live.db.test.ts'] },
  'lib/recommend/actions.ts#completeOnboardingAction': { who: 'the signed-in person; joins public groups only', tests: [feedTest] },
  'lib/recommend/actions.ts#skipOnboardingAction': { who: 'the signed-in person, for their own consents', tests: ['lib/privacy/consents.db.test.ts'] },
  'app/api/signals/route.ts#POST': { who: 'the signed-in person, same-origin, posts they can see, only with consent', tests: [feedTest], e2e: [{ spec: 'e2e/feed.spec.ts', test: "onboarding picks interests → the feed explains itself → \"show less\" recedes an author → modes persist → views are recorded" }] },
  'app/api/export/route.ts#GET': { who: 'the signed-in person, their own data (10 archives an hour)', tests: ['lib/privacy/export.db.test.ts'], e2e: [{ spec: 'e2e/privacy.spec.ts', test: "“Download my data” gives a ZIP with a JSON file per category, a manifest and an index to browse" }] },
  // Search
  'lib/search/actions.ts#runSearchAction': { who: 'anyone; remembered only for the signed-in person, as their own, unless history is paused', tests: [searchTest], public: true },
  'lib/search/actions.ts#deleteRecentSearchAction': { who: 'the person, for their own searches only', tests: [searchTest] },
  'lib/search/actions.ts#clearRecentSearchesAction': { who: 'the person, for their own searches only', tests: [searchTest] },
  'app/api/search/route.ts#GET': { who: 'anyone (rate-limited per person or address); results are only what the caller may see', tests: [searchTest], e2e: [{ spec: 'e2e/search.spec.ts', test: "type in the header box, choose a suggestion by keyboard, then search everything and find it again later" }], public: true },
  // Instance administration (a suspended caller is refused by every action but the allow-list: lib/admin/suspended.db.test.ts)
  'lib/admin/actions.ts#saveSiteSettingsAction': { who: 'instance admins', tests: [adminTest], e2e: [{ spec: 'e2e/admin.spec.ts', test: "an instance switched to approval: the newcomer answers, confirms, waits, is approved and signs in" }] },
  'lib/admin/actions.ts#createInstanceInviteAction': { who: 'instance admins', tests: [adminTest] },
  'lib/admin/actions.ts#revokeInstanceInviteAction': { who: 'instance admins', tests: [adminTest] },
  'lib/admin/actions.ts#decideRegistrationAction': { who: 'instance admins, on accounts waiting for approval', tests: [adminTest], e2e: [{ spec: 'e2e/admin.spec.ts', test: "an instance switched to approval: the newcomer answers, confirms, waits, is approved and signs in" }] },
  'lib/admin/actions.ts#suspendMemberAction': { who: 'instance admins and moderators; never an admin, a moderator only by an admin, never themself', tests: [adminTest], e2e: [{ spec: 'e2e/admin.spec.ts', test: "an instance switched to approval: the newcomer answers, confirms, waits, is approved and signs in" }] },
  'lib/admin/actions.ts#unsuspendMemberAction': { who: 'instance admins and moderators', tests: [adminTest] },
  'lib/admin/actions.ts#setInstanceRoleAction': { who: 'instance admins; never removing the last admin', tests: [adminTest] },
  // Route handlers
  'app/api/auth/[...nextauth]/route.ts#GET': { who: 'Auth.js (its own CSRF protection), answering on the request’s public origin (lib/auth/origin.test.ts)', tests: [signInTest], public: true },
  // The credentials callback is a way into every account: it passes the same limits as the sign-in form.
  'app/api/auth/[...nextauth]/route.ts#POST': { who: 'Auth.js (its own CSRF protection); its sign-out ends the session row; password sign-ins pass the address, account and known-device limits, and a second factor when the account has one', tests: [signInTest, 'lib/auth/sign-in-limits.db.test.ts', 'lib/auth/two-factor/two-factor.db.test.ts'], e2e: [{ spec: 'e2e/sign-in-door.spec.ts', test: "no proxy trusted (the default) › a one-password spray over 30 accounts with a new fake X-Forwarded-For each time is checked 6 times, then the door stays shut" }], public: true },
  'app/api/media/[id]/[variant]/route.ts#GET': { who: 'whoever may see what holds the image', tests: [images, 'lib/media/media-cache.db.test.ts'], public: true },
  'app/api/avatar/[style]/[seed]/route.ts#GET': { who: 'anyone: generated art from a seed, no personal data', tests: ['lib/profiles/generated-avatar.db.test.ts'], e2e: [{ spec: 'e2e/account.spec.ts', test: 'route handlers and files carry the baseline headers too (next.config.ts), whatever they answer' }], public: true },
  // Live updates: ids only, each event checked against what the person may see when it is sent (lib/live/audience.ts).
  'app/api/live/route.ts#GET': { who: 'the signed-in person, while their session lasts; each event only if they may see what it points at (a queue’s events only to those who work it)', tests: ['lib/live/live.db.test.ts'] },
  'lib/push/actions.ts#subscribePushAction': { who: 'the signed-in person, for the browser they are using', tests: ['lib/push/push.db.test.ts'] },
  'lib/push/actions.ts#removePushDeviceAction': { who: 'the person, for their own devices only', tests: ['lib/push/push.db.test.ts'] },
  'lib/push/actions.ts#savePushKindsAction': { who: 'the person, for their own choices', tests: ['lib/push/push.db.test.ts'] },
  'app/api/notifications/unread/route.ts#GET': { who: 'the signed-in person, their own unread count', tests: [notificationsTest] },
  'app/api/celebrations/route.ts#GET': { who: 'the signed-in person: the celebration cards they may see (their own, and those celebrated to them; a group’s only to its members)', tests: ['lib/milestones/celebrations.db.test.ts'] },
  'app/readyz/route.ts#GET': { who: 'anyone (the load balancer): whether the database answers and is migrated, no personal data', tests: ['lib/health.db.test.ts'], public: true },
};

// Who may read a post is one rule, visiblePosts (lib/posts/visibility.ts): its group's visibility and membership,
// bans, removal, blocks either way (but for the group's moderators), and for a post on a profile the author's profile
// visibility and "show posts". Every path that reads posts for someone applies it; each is proved, for an "only me"
// profile and for a block made by either side, by the tests named here.
const readPathsTest = 'lib/posts/profile-visibility.db.test.ts';
export const postReadPaths: Record<string, { tests: string[] }> = {
  'lib/posts/queries.ts#getPost': { tests: [readPathsTest, blocksTest] },
  'app/(main)/p/[id]/page.tsx#generateMetadata': { tests: [readPathsTest, blocksTest] },
  'lib/posts/queries.ts#getComments': { tests: [readPathsTest, blocksTest] },
  'lib/posts/queries.ts#getAuthorPosts': { tests: [readPathsTest, blocksTest] },
  'lib/posts/queries.ts#getBookmarkedPosts': { tests: [readPathsTest, blocksTest] },
  'lib/posts/queries.ts#getTagPosts': { tests: [readPathsTest, blocksTest] },
  'lib/posts/actions.ts#toggleReactionAction': { tests: [readPathsTest, blocksTest] },
  'lib/media/queries.ts#getMediaAccess': { tests: [readPathsTest, blocksTest, images] },
  'lib/notifications/queries.ts#listNotifications': { tests: [readPathsTest, blocksTest] },
  'lib/notifications/queries.ts#unreadCount': { tests: [readPathsTest, blocksTest] },
  'lib/search/queries.ts#searchAll': { tests: [readPathsTest, blocksTest, searchTest] },
  'lib/search/queries.ts#typeahead': { tests: [readPathsTest, blocksTest, searchTest] },
  'lib/recommend/feed.ts#getFeed': { tests: [readPathsTest, blocksTest, feedTest] },
  'lib/recommend/rank-for-you.ts#rankForYou': { tests: [readPathsTest, blocksTest] },
  'lib/digest/build.ts#buildDigest': { tests: ['lib/digest/digest.db.test.ts'] },
  'lib/recommend/discover.ts#getDiscover': { tests: [readPathsTest, blocksTest] },
  'lib/recommend/discover.ts#buildDiscoverSet': { tests: [readPathsTest, blocksTest] },
  'lib/recommend/queries.ts#getFeedControlsPage': { tests: [readPathsTest, blocksTest] },
  'lib/profiles/queries.ts#getProfile': { tests: [readPathsTest, blocksTest] },
  'lib/privacy/registry.ts#registry': { tests: [readPathsTest, blocksTest] },
};

/**
 * Files that read the posts table without visiblePosts, and why that is right: each reads only the caller's own
 * posts, or counts that show no words, or works for a job rather than a reader. authorization.db.test.ts fails
 * for a new file that reads posts without the rule and without a line here.
 */
export const postReadsWithoutVisibility: Record<string, string> = {
  'lib/posts/delete.ts': 'the author deleting their own post',
  'lib/profiles/actions.ts': 'checks a pinned post is the caller’s own',
  'lib/profiles/queries.ts': 'the editor lists the caller’s own posts; a pinned post is read through getPost',
  'lib/milestones/goals.ts': 'counts the person’s own posts',
  'lib/milestones/engine.ts': 'counts the person’s own posts',
  'lib/milestones/group-milestones.ts': 'counts the person’s own posts in a group',
  'lib/milestones/group-achievements.ts': 'counts a group’s posts, shown to its members',
  'lib/groups/queries.ts': 'counts a group’s posts (no words), on a group card its reader may see',
  'lib/recommend/suggestions.ts': 'counts per topic and author for people who chose to be suggested; no post is shown',
  'lib/recommend/rebuild.ts': 'rebuilds a person’s inferred interests from their own posts',
  'lib/recommend/onboarding.ts': 'counts posts per topic to order the onboarding topics',
  'lib/recommend/profile.ts': 'tags of posts a person engaged with, for their own interest profile',
  'lib/recommend/taste.ts': 'trains the taste model from engagements with live posts, and folds in the post a person just engaged with; shows no post (the taste source is read through visiblePosts in candidates.ts)',
  'lib/reports/targets.ts': 'the report queue shows reported posts, removed ones included, to the moderators who review them (the reporter’s own path applies visiblePosts)',
  'lib/admin/dashboard.ts': 'counts posts (today, per day) for the instance dashboard; no post is shown',
};
