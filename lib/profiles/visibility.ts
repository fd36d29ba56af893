// Who may see what of a profile. Pure rules, applied inside every query that reads profile data.
import type { GroupVisibility } from '@/db/schema/groups';
import type { ProfileVisibility } from '@/db/schema/profiles';

export type ProfileSection = 'posts' | 'groups' | 'interests' | 'milestones';
export const profileSections: ProfileSection[] = ['posts', 'groups', 'interests', 'milestones'];

export type SectionFlags = { showPosts: boolean; showGroups: boolean; showInterests: boolean; showMilestones: boolean };

export const visibilityLabels: Record<ProfileVisibility, string> = {
  everyone: 'Everyone, including people who aren’t signed in',
  members: 'Signed-in members of Hearth',
  only_me: 'Only me',
};

/** Whether a viewer (null when signed out) may see a profile at all. */
export function canSeeProfile(visibility: ProfileVisibility, viewerId: string | null, ownerId: string): boolean {
  if (viewerId === ownerId) return true;
  if (visibility === 'everyone') return true;
  if (visibility === 'members') return viewerId !== null;
  return false;
}

/** Whether a section is shown: always to the person themself, to others only when they chose to show it. */
export function canSeeSection(section: ProfileSection, flags: SectionFlags, isSelf: boolean): boolean {
  if (isSelf) return true;
  const key = `show${section[0].toUpperCase()}${section.slice(1)}` as keyof SectionFlags;
  return flags[key];
}

/** Sections hidden from others (the owner is told which ones). */
export function hiddenSections(flags: SectionFlags): ProfileSection[] {
  return profileSections.filter((s) => !canSeeSection(s, flags, false));
}

/**
 * Which of a person's posts a viewer sees on their profile. Group content is for signed-in members, so a
 * signed-out visitor sees only posts made on the profile itself.
 */
export function profilePostScope(viewerId: string | null): 'all' | 'profile_only' {
  return viewerId ? 'all' : 'profile_only';
}

export type MediaAccessInput = {
  kind: string;
  ownerId: string;
  ownerVisibility: ProfileVisibility;
  viewerId: string | null;
  /** For a group's icon or banner: the group that shows it, and whether the viewer is a member (null: none does). */
  group?: { visibility: GroupVisibility; viewerIsMember: boolean } | null;
};

/**
 * Whether an uploaded image may be served, and whether shared caches may keep it. Avatars appear beside a person's
 * posts for every member, so members always see them; banners belong to the profile and follow its visibility.
 * A group's icon and banner follow the group: public for a public group (it is found signed out too), members only
 * for a private one. Anything a signed-out visitor cannot see is served with `private` caching.
 */
export function mediaAccess({ kind, ownerId, ownerVisibility, viewerId, group }: MediaAccessInput): { allowed: boolean; cache: 'public' | 'private' } {
  const publicProfile = ownerVisibility === 'everyone';
  if (kind === 'avatar') {
    return { allowed: viewerId !== null || publicProfile, cache: publicProfile ? 'public' : 'private' };
  }
  if (kind === 'banner') {
    return { allowed: canSeeProfile(ownerVisibility, viewerId, ownerId), cache: publicProfile ? 'public' : 'private' };
  }
  if (kind === 'group_icon' || kind === 'group_banner') {
    if (!group) return { allowed: false, cache: 'private' };
    if (group.visibility === 'public') return { allowed: true, cache: 'public' };
    return { allowed: viewerId !== null && group.viewerIsMember, cache: 'private' };
  }
  // Post images: lib/media/queries.ts asks whether the viewer may see the post; this is only the floor.
  return { allowed: viewerId !== null, cache: 'private' };
}
