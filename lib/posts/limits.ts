// How long a post or comment may be and how many images a post may hold: plain numbers, for the forms in the browser
// (counters, file pickers) and for the schemas that enforce them. No zod and no database schema here: a client
// component that imports a schema module pulls both into every page's JavaScript (scripts/check-client-bundle.mjs).
export const MAX_POST_LENGTH = 10_000;
export const MAX_COMMENT_LENGTH = 3_000;
export const MAX_POST_IMAGES = 4;
