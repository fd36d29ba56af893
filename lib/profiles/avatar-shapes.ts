// The generated avatars' shapes, for the avatar route (app/ reads the schema's vocabularies through lib/).
export { avatarShapes, type AvatarShape } from '@/db/schema/profiles';
