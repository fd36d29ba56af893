// Images people upload (avatars, banners; later group icons and post images), processed and stored in the
// database itself so that a person's export and erasure see every byte of them.
import { customType, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id } from './columns';

/** bytea as a Node Buffer on both drivers (postgres.js gives Buffers, PGlite Uint8Arrays). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const mediaKinds = ['avatar', 'banner', 'group_icon', 'group_banner', 'post_image'] as const;
export type MediaKind = (typeof mediaKinds)[number];

export const media = pgTable(
  'media',
  {
    id: id(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: mediaKinds }).notNull(),
    /** Size of the largest variant. */
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    /** sha256 of the uploaded bytes (hex): recognises the same file uploaded twice. */
    sha256: text('sha256').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('media_owner_idx').on(t.ownerId, t.kind)],
);

/** The re-encoded sizes of one image (e.g. avatar 48/128/256), metadata stripped. */
export const mediaVariants = pgTable(
  'media_variants',
  {
    mediaId: text('media_id')
      .notNull()
      .references(() => media.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    contentType: text('content_type').notNull(),
    /** Quoted strong ETag, derived from the bytes. */
    etag: text('etag').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.mediaId, t.name] })],
);

export type Media = typeof media.$inferSelect;
export type MediaVariant = typeof mediaVariants.$inferSelect;
