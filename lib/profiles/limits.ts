// How long each profile field may be: plain numbers, for the edit-profile form in the browser and for the schema that
// enforces them (lib/profiles/schemas.ts). No zod and no database schema here (scripts/check-client-bundle.mjs).
export const profileLimits = { name: 60, pronouns: 40, bio: 1000, location: 80, links: 4, linkLength: 300, interests: 8 } as const;
