import { describe, expect, it } from 'vitest';
import { canSeeProfile, canSeeSection, hiddenSections, mediaAccess, profilePostScope } from './visibility';

describe('profile visibility', () => {
  it('lets everyone, members or only the owner see a profile', () => {
    expect(canSeeProfile('everyone', null, 'owner')).toBe(true);
    expect(canSeeProfile('members', null, 'owner')).toBe(false);
    expect(canSeeProfile('members', 'someone', 'owner')).toBe(true);
    expect(canSeeProfile('only_me', 'someone', 'owner')).toBe(false);
    expect(canSeeProfile('only_me', 'owner', 'owner')).toBe(true);
  });

  it('shows a hidden section to its owner only', () => {
    const flags = { showPosts: false, showGroups: true, showInterests: false, showMilestones: true };
    expect(canSeeSection('posts', flags, false)).toBe(false);
    expect(canSeeSection('posts', flags, true)).toBe(true);
    expect(canSeeSection('groups', flags, false)).toBe(true);
    expect(hiddenSections(flags)).toEqual(['posts', 'interests']);
  });

  it('shows signed-out visitors only posts made on the profile', () => {
    expect(profilePostScope(null)).toBe('profile_only');
    expect(profilePostScope('someone')).toBe('all');
  });

  it('serves avatars to members, banners by profile visibility, and caches privately what is not public', () => {
    expect(mediaAccess({ kind: 'avatar', ownerId: 'o', ownerVisibility: 'everyone', viewerId: null })).toEqual({ allowed: true, cache: 'public' });
    expect(mediaAccess({ kind: 'avatar', ownerId: 'o', ownerVisibility: 'members', viewerId: null })).toEqual({ allowed: false, cache: 'private' });
    expect(mediaAccess({ kind: 'avatar', ownerId: 'o', ownerVisibility: 'only_me', viewerId: 'v' })).toEqual({ allowed: true, cache: 'private' });
    expect(mediaAccess({ kind: 'banner', ownerId: 'o', ownerVisibility: 'only_me', viewerId: 'v' }).allowed).toBe(false);
    expect(mediaAccess({ kind: 'banner', ownerId: 'o', ownerVisibility: 'only_me', viewerId: 'o' }).allowed).toBe(true);
    expect(mediaAccess({ kind: 'post_image', ownerId: 'o', ownerVisibility: 'everyone', viewerId: null }).allowed).toBe(false);
  });

  it('serves a group’s icon and banner by the group: public for a public group, members only for a private one', () => {
    const base = { ownerId: 'o', ownerVisibility: 'everyone' as const };
    for (const kind of ['group_icon', 'group_banner']) {
      expect(mediaAccess({ ...base, kind, viewerId: null, group: { visibility: 'public', viewerIsMember: false } })).toEqual({ allowed: true, cache: 'public' });
      for (const visibility of ['request', 'invite'] as const) {
        expect(mediaAccess({ ...base, kind, viewerId: 'v', group: { visibility, viewerIsMember: false } })).toEqual({ allowed: false, cache: 'private' });
        expect(mediaAccess({ ...base, kind, viewerId: 'v', group: { visibility, viewerIsMember: true } })).toEqual({ allowed: true, cache: 'private' });
        expect(mediaAccess({ ...base, kind, viewerId: null, group: { visibility, viewerIsMember: false } }).allowed).toBe(false);
      }
      // An image no group shows any more is nobody's to see.
      expect(mediaAccess({ ...base, kind, viewerId: 'v', group: null }).allowed).toBe(false);
    }
  });
});
