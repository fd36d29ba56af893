// The demo community's faces: varied bios (markdown), pronouns, themes and layouts, generated avatars in several
// styles, a few uploaded pictures, pinned posts, interests and visibility choices. A Faker of its own keeps the
// rest of the seed unchanged when this part changes.
import { Faker, en } from '@faker-js/faker';
import { eq, inArray } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { interests, media, mediaVariants, profiles, userInterests, users } from '@/db/schema';
import type { ProfileVisibility } from '@/db/schema/profiles';
import { processImage, rasterizeSvg } from '@/lib/media/process-image';
// The same URL and colour rules the app uses.
import { avatarBackgrounds, avatarImageFor, avatarStyles } from '@/lib/profiles/avatar';
import { accentPalette, bannerGradientNames } from '@/lib/profiles/theme';
import { bioLines, pronounChoices, type TopicSeed } from './content';

export type SeedPerson = { id: string; handle: string; name: string; createdAt: Date; interests: TopicSeed[]; isDemo: boolean };

export const interestLabels: Record<string, string> = {
  ceramics: 'Ceramics',
  photography: 'Photography',
  gardening: 'Gardening',
  running: 'Running',
  baking: 'Baking',
  'board games': 'Board games',
  birding: 'Birding',
  'game development': 'Game development',
};

export const interestSlug = (topic: string) => topic.toLowerCase().replace(/[^a-z0-9]+/g, '-');

const bioOpeners = [
  'Hi, I’m {first}! ',
  '',
  '**{first}** here. ',
  'Hello from {city}. ',
  '',
  '_Currently:_ learning by doing. ',
];

const bioExtras = [
  '\n\nAsk me about {topic} — I will talk for hours.',
  '\n\n- {topicA}\n- {topicB}\n- good coffee',
  '\n\n> Progress, not perfection.',
  '\n\nMy notes live at [my site](https://example.org/{handle}).',
  '',
  '',
];

function artSvg(faker: Faker, kind: 'avatar' | 'banner') {
  const [w, h] = kind === 'avatar' ? [600, 600] : [1500, 500];
  const hues = [faker.number.int(360), faker.number.int(360), faker.number.int(360)];
  const shapes = Array.from({ length: 7 }, (_, i) => {
    const cx = faker.number.int(w);
    const cy = faker.number.int(h);
    const r = faker.number.int({ min: 40, max: Math.min(w, h) / 2 });
    return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="hsl(${hues[i % 3]} 70% ${40 + i * 6}%)" fill-opacity="0.75"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hues[0]} 60% 85%)"/><stop offset="1" stop-color="hsl(${hues[1]} 50% 35%)"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${shapes}</svg>`;
}

export async function seedProfiles(
  tx: Transaction,
  people: SeedPerson[],
  postsByAuthor: Map<string, { id: string; createdAt: Date }[]>,
  topics: TopicSeed[],
  options: { pictures: boolean },
) {
  const faker = new Faker({ locale: [en] });
  faker.seed(20261203);

  // The vocabulary may already be there (it belongs to nobody): keep what exists.
  const wanted = topics.map((t) => ({ id: faker.string.uuid(), slug: interestSlug(t.topic), label: interestLabels[t.topic] ?? t.topic }));
  await tx.insert(interests).values(wanted).onConflictDoNothing();
  const interestRows = await tx.select().from(interests).where(inArray(interests.slug, wanted.map((w) => w.slug)));
  const interestByTopic = new Map(topics.map((t) => [t.topic, interestRows.find((r) => r.slug === interestSlug(t.topic))!]));

  const uploadedAvatarIndexes = new Set([3, 7, 12, 18, 25, 33]);
  const uploadedBannerIndexes = new Set([3, 12]);
  let uploads = 0;

  for (const [index, person] of people.entries()) {
    const first = person.name.split(' ')[0];
    const topicNames = person.interests.map((t) => t.topic);
    const fill = (text: string) =>
      text
        .replaceAll('{first}', first)
        .replaceAll('{city}', faker.location.city())
        .replaceAll('{topic}', topicNames[0])
        .replaceAll('{topicA}', interestLabels[topicNames[0]] ?? topicNames[0])
        .replaceAll('{topicB}', interestLabels[topicNames[1]] ?? topicNames[1])
        .replaceAll('{handle}', person.handle);
    const bio = person.isDemo
      ? 'Community gardener and amateur night photographer. **Always** up for a dawn walk.\n\nI keep a [garden diary](https://example.org/sam) — say hi!'
      : fill(`${faker.helpers.arrayElement(bioOpeners)}${faker.helpers.arrayElement(bioLines)} Into ${topicNames.join(', ')}.${faker.helpers.arrayElement(bioExtras)}`);
    const visibility: ProfileVisibility = person.isDemo
      ? 'everyone'
      : faker.helpers.weightedArrayElement([
          { value: 'everyone' as const, weight: 6 },
          { value: 'members' as const, weight: 3 },
          { value: 'only_me' as const, weight: 1 },
        ]);
    const generated = {
      style: person.isDemo ? 'notionists' : faker.helpers.arrayElement(avatarStyles).id,
      background: faker.number.float() < 0.5 ? '' : faker.helpers.arrayElement(avatarBackgrounds),
      shape: faker.helpers.weightedArrayElement([
        { value: 'circle' as const, weight: 6 },
        { value: 'rounded' as const, weight: 3 },
        { value: 'square' as const, weight: 1 },
      ]),
    };
    const links = person.isDemo
      ? ['https://example.org/sam', 'https://photos.example.net/sam-rivera']
      : faker.number.float() < 0.4
        ? [`https://example.org/${person.handle}`, ...(faker.number.float() < 0.5 ? [`https://social.example/@${person.handle}`] : [])]
        : [];
    const own = postsByAuthor.get(person.id) ?? [];

    let avatarMediaId: string | null = null;
    let bannerMediaId: string | null = null;
    if (options.pictures) {
      for (const kind of ['avatar', 'banner'] as const) {
        if (!(kind === 'avatar' ? uploadedAvatarIndexes : uploadedBannerIndexes).has(index)) continue;
        const processed = await processImage(await rasterizeSvg(artSvg(faker, kind)), { kind });
        const largest = processed.variants[processed.variants.length - 1];
        const id = faker.string.uuid();
        await tx.insert(media).values({ id, ownerId: person.id, kind, width: largest.width, height: largest.height, sha256: processed.sha256, createdAt: person.createdAt });
        await tx.insert(mediaVariants).values(processed.variants.map((v) => ({ mediaId: id, ...v })));
        if (kind === 'avatar') avatarMediaId = id;
        else bannerMediaId = id;
        uploads++;
      }
    }

    await tx.insert(profiles).values({
      userId: person.id,
      bio,
      pronouns: person.isDemo ? 'they/them' : faker.helpers.arrayElement(pronounChoices),
      location: faker.number.float() < 0.7 ? faker.location.city() : '',
      links,
      accentColor: person.isDemo ? '#1f5fa8' : faker.number.float() < 0.7 ? faker.helpers.arrayElement(accentPalette).hex : '',
      bannerGradient: person.isDemo ? 'dusk' : faker.helpers.arrayElement(bannerGradientNames),
      bannerMediaId,
      layout: person.isDemo ? 'classic' : faker.number.float() < 0.35 ? 'split' : 'classic',
      avatarMediaId,
      avatarStyle: generated.style,
      avatarBackground: generated.background,
      avatarShape: generated.shape,
      visibility,
      showPosts: faker.number.float() < 0.92,
      showGroups: faker.number.float() < 0.85,
      showInterests: faker.number.float() < 0.9,
      showMilestones: true,
      suggestMe: faker.number.float() < 0.8,
      pinnedPostId: own.length && faker.number.float() < 0.3 ? faker.helpers.arrayElement(own).id : null,
      timeZone: faker.helpers.arrayElement(['Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo', 'Australia/Sydney', null]),
    });
    await tx.update(users).set({ image: avatarImageFor(person.handle, { avatarMediaId, visibility, ...generated }) }).where(eq(users.id, person.id));
    if (person.interests.length) {
      await tx.insert(userInterests).values(
        person.interests.map((t) => ({ userId: person.id, interestId: interestByTopic.get(t.topic)!.id, showcased: faker.number.float() < 0.9, createdAt: person.createdAt })),
      );
    }
  }
  return { interests: interestRows.length, uploads };
}
