// Generated avatars: DiceBear styles (CC0) drawn from a seed (the handle), with a background and a shape.
import 'server-only';
import { createAvatar } from '@dicebear/core';
import { glass, identicon, lorelei, notionists, rings, shapes, thumbs } from '@dicebear/collection';
import type { AvatarShape } from '@/db/schema/profiles';
import { avatarShapeRadius, type AvatarStyle } from './avatar';

const styles = { thumbs, lorelei, notionists, shapes, glass, rings, identicon } as const satisfies Record<AvatarStyle, unknown>;

export function renderGeneratedAvatar(options: { style: AvatarStyle; seed: string; background: string; shape: AvatarShape }): string {
  // Each style has its own options type; they all share the core ones used here.
  const style = styles[options.style] as Parameters<typeof createAvatar>[0];
  return createAvatar(style, {
    seed: options.seed,
    backgroundColor: [options.background],
    radius: avatarShapeRadius[options.shape],
    size: 256,
  }).toString();
}
