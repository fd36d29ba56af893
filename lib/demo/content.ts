// Words for the demo community: eight interest groups, each with its own voice.
export interface TopicSeed {
  slug: string;
  name: string;
  topic: string;
  /** Interest tags put on posts (the first one is the topic's own). */
  tags: string[];
  description: string;
  accentColor: string;
  rules: string[];
  visibility?: 'public' | 'request' | 'invite';
  joinQuestions?: string[];
  /** A custom role the group's owner made. */
  customRole?: { name: string; color: string; permissions: string[] };
  posts: string[];
  comments: string[];
}

export const topics: TopicSeed[] = [
  {
    slug: 'ceramics',
    name: 'Ceramics Studio',
    topic: 'ceramics',
    description: 'Wheel, hand-building and glaze chemistry. Show your pots, cracks and all.',
    tags: ['ceramics', 'glazes', 'wheel-throwing'],
    accentColor: '#b4471f',
    rules: ['Share your process, not just the result.', 'Credit recipes and teachers.', 'Critique the pot, never the potter.'],
    customRole: { name: 'Mentor', color: '#1f5fa8', permissions: ['post', 'comment', 'react', 'invite', 'pin'] },
    posts: [
      'Finally centered 2 kg of clay without it wobbling off the wheel. Took me three months of Tuesdays.',
      'Glaze test tiles from this week: the celadon pooled beautifully in the carved lines, the shino crawled. Any idea why?',
      'Tip that changed my trimming: wait until the pot is leather-hard *and* the rim is a touch drier than the foot.',
      'First soda firing at the community kiln — the flashing on these mugs is nothing I could have planned.',
      'Does anyone reclaim their trimmings? I am drowning in buckets of slop and want a system that works.',
      'Made a set of six bowls that actually match. Well, five match. The sixth has character.',
      'Cone 6 oxidation recipe swap? I will start: my satin white is 20 wollastonite, 25 frit 3134, 25 EPK, 30 silica.',
      'A student asked why her handles keep cracking off. We figured out it was the moisture difference — attach wetter.',
      'Raku night with the group was the best evening I have had in ages. The smoke, the crackle, the surprise.',
      'Slowly learning to love the pots that come out of the kiln not how I imagined them.',
    ],
    comments: [
      'That glaze is gorgeous — what cone?', 'The foot ring on that one is so clean.', 'Crawling is often dust or too thick an application.',
      'Saving this tip for my next trimming session.', 'Character is the best feature of handmade work.', 'I reclaim in a plaster bat, game changer.',
    ],
  },
  {
    slug: 'night-photographers',
    name: 'Night Photographers',
    topic: 'photography',
    description: 'Astro, city lights and long exposures. Share your settings with every shot.',
    tags: ['photography', 'astrophotography', 'long-exposure'],
    accentColor: '#3b4a8a',
    rules: ['Post your settings with every shot.', 'No light painting on private property.', 'Be kind to beginners.'],
    customRole: { name: 'Event host', color: '#3d7a3a', permissions: ['post', 'comment', 'react', 'invite', 'pin', 'manage_celebrations'] },
    posts: [
      'Milky Way core over the reservoir last night: 20 s, f/2.8, ISO 3200, 14 mm. Light pollution from the town on the left.',
      'Tried star stacking for the first time — 40 frames and the noise just melted away.',
      'Light trails from the overpass at rush hour. Tripod weighed down with my bag against the wind.',
      'Is a star tracker worth it for a beginner or should I keep learning with a static tripod?',
      'Blue hour is short in winter. Plan the shot, arrive early, and be ready when the sky and the streetlights balance.',
      'Caught the ISS crossing Orion. Pure luck, I was shooting something else entirely.',
      'Reminder for the meetup: bring a red headlamp, not a white one. Our eyes and the long exposures thank you.',
      'Foggy night, sodium lights, empty street. Sometimes the mood does all the work.',
      'My first aurora! Faint to the eye, vivid to the sensor. Kp was only 5.',
      'Dew heater strap saved my session — lens would have fogged within the hour.',
    ],
    comments: [
      'What lens was this with?', 'The colour balance is spot on.', 'A tracker opened up a whole new world for me.',
      'See you at the meetup!', 'The fog makes this one.', 'Congrats on the first aurora — unforgettable, right?',
    ],
  },
  {
    slug: 'urban-gardeners',
    name: 'Urban Gardeners',
    topic: 'gardening',
    description: 'Balconies, allotments and windowsills. Growing food and flowers in small spaces.',
    tags: ['gardening', 'composting', 'balcony-gardens'],
    accentColor: '#3d7a3a',
    rules: ['Organic advice first.', 'Seed swaps stay free.', 'Say where you garden (climate matters).'],
    posts: [
      'Balcony tomato report: six plants, two varieties, one very happy neighbour who gets the extras.',
      'Aphids on the broad beans again. Pinched the tops out and the ladybirds are doing the rest.',
      'Our allotment waiting list is two years long. Anyone else share a plot to get started sooner?',
      'Seed swap this Saturday at the library — bring labelled envelopes, take what you will grow.',
      'Compost is finally ready after nine months. Dark, crumbly, smells like a forest floor.',
      'Windowsill herbs that survived winter: rosemary, thyme, chives. Basil, as always, did not.',
      'Built a wicking bed from two crates and a pond liner. Watering once a week in July now.',
      'First courgette flower of the year! Stuffing it tonight.',
      'What are you sowing indoors this month? I am starting chillies and peppers under a cheap LED.',
      'Found a hedgehog house under the pallet stack. Leaving that corner wild from now on.',
    ],
    comments: [
      'Basil never survives my winters either.', 'Wicking beds are brilliant for balconies.', 'A hedgehog! Lucky you.',
      'I will bring some borlotti seeds to the swap.', 'How big is your LED setup?', 'Nine months is worth it for that compost.',
    ],
  },
  {
    slug: 'trail-runners',
    name: 'Trail Runners',
    topic: 'running',
    description: 'Muddy miles, hill repeats and the people who wait for you at the top.',
    tags: ['running', 'trail-running', 'ultrarunning'],
    accentColor: '#a23b72',
    rules: ['Every pace is welcome.', 'Leave no trace.', 'Share routes, not private land.'],
    customRole: { name: 'Mentor', color: '#1f5fa8', permissions: ['post', 'comment', 'react', 'invite', 'pin'] },
    posts: [
      'First 20 km trail race done. Walked every climb, ran every descent, grinned the whole way.',
      'Hill repeats in the rain this morning. Nobody else was there and it was glorious.',
      'Which shoes for mud that is more river than path? My road shoes are not cutting it.',
      'Sunday long run club: 8 am from the bridge, easy pace, nobody gets left behind.',
      'Rolled my ankle on a root last month. Physio says balance drills daily. Anyone have a routine?',
      'Ran the ridge at sunrise. Cold hands, warm heart, a view that made every step worth it.',
      'Tried run-walk intervals for my long runs and I am recovering so much faster.',
      'Packing list for a mountain 30k: what is in your vest that you would never leave behind?',
      'Came last in the fell race and got the loudest cheer of the day. This community.',
      'Hydration question: salt tabs or electrolyte drink for runs over two hours?',
    ],
    comments: [
      'Last and loudest is the best way to finish.', 'Balance board every morning helped my ankles.', 'See you at the bridge!',
      'Lugs of 5 mm or more for that kind of mud.', 'Always a foil blanket and a spare layer.', 'Congrats on the 20k!',
    ],
  },
  {
    slug: 'home-bakers',
    name: 'Home Bakers',
    topic: 'baking',
    description: 'Sourdough, cakes, pastry and the occasional flat loaf. Crumb shots welcome.',
    tags: ['baking', 'sourdough', 'pastry'],
    accentColor: '#8a6d1f',
    rules: ['Recipes with weights, please.', 'Failures are welcome — they teach the most.'],
    posts: [
      'My starter is six weeks old and finally doubling in four hours. Named her Doughrothy.',
      'Crumb shot of today’s loaf: 75 % hydration, 20 % whole wheat, cold retard overnight.',
      'Laminated dough for the first time. The butter broke through twice but the croissants still flaked.',
      'Why does my banana bread always sink in the middle? Oven thermometer says the temperature is right.',
      'Baked my grandmother’s honey cake from her handwritten card. The kitchen smelled like her house.',
      'Rye is a different animal. Sticky, dense, wonderful. Treat it like paste, not dough.',
      'Tip: weigh your water too. My loaves became consistent the week I stopped using a measuring jug.',
      'Cinnamon buns for the neighbours on a rainy Sunday. Twelve made, nine delivered, three “quality control”.',
      'Open crumb is overrated. Give me a tight crumb that holds butter any day.',
      'Trying a tangzhong milk bread this weekend — any advice before I start?',
    ],
    comments: [
      'Doughrothy is a perfect name.', 'Sinking usually means underbaked in the centre — try 5 more minutes.', 'That crumb!',
      'Quality control is a sacred duty.', 'Tangzhong is very forgiving, you will love it.', 'Family recipes are the best recipes.',
    ],
  },
  {
    slug: 'board-game-night',
    name: 'Board Game Night',
    topic: 'board games',
    description: 'Weekly game nights, rules questions and what to bring to the table.',
    tags: ['board-games', 'tabletop', 'game-night'],
    accentColor: '#6a4c93',
    rules: ['No spoilers for legacy games without a warning.', 'Rules questions always welcome.'],
    posts: [
      'Game night recap: four hours of Brass, one very close finish, zero friendships lost.',
      'Looking for a cooperative game that works for a group with two kids under ten.',
      'Rules question: in Wingspan, does a tucked card count as a card in hand for end-of-round goals?',
      'New to the group — I mostly play light strategy games and am happy to teach Azul.',
      'Painted the minis for our campaign over the holidays. Not perfect, but they are ours.',
      'Hosting next Thursday: snacks are on me, bring a game under 90 minutes.',
      'Hot take: player elimination has no place at a game night with newcomers.',
      'Finally won a game of Root as the Vagabond. Everyone hated me. It was perfect.',
      'Sleeved the whole collection this weekend. My thumbs will never forgive me.',
      'What is your go-to game for a group of seven or more?',
    ],
    comments: [
      'Codenames for big groups, every time.', 'The Vagabond life chose you.', 'Forbidden Island is great with kids.',
      'Welcome! Would love an Azul lesson.', 'Tucked cards are not in hand, so no.', 'Those minis look great!',
    ],
  },
  {
    slug: 'birdwatchers',
    name: 'Birdwatchers',
    topic: 'birding',
    description: 'Sightings, songs and field marks. From first feeders to rare visitors.',
    tags: ['birding', 'wildlife', 'nature'],
    accentColor: '#2f6f73',
    rules: ['Never disturb nesting birds.', 'Keep locations of rare birds private.', 'Photos must be your own.'],
    visibility: 'request',
    joinQuestions: ['Which birds do you see most often where you live?', 'What would you like to learn here?'],
    posts: [
      'A kingfisher on the canal this morning — a blue streak and then gone. Heart still racing.',
      'Garden count for the weekend survey: 14 species, including a pair of bullfinches.',
      'Learning calls by ear is harder than by sight. Any apps or tricks that helped you?',
      'Beginner question: what binoculars should I start with on a small budget?',
      'The swifts are back! Screaming parties over the rooftops every evening.',
      'Spotted what I think is a juvenile goshawk. Photos are blurry; would love a second opinion.',
      'Dawn chorus walk on Sunday at 5 am. Coffee provided, silence requested.',
      'Cleaned the feeders today. Please do yours too — it keeps disease from spreading.',
      'Patch tick number 100! A whinchat, sitting on a fence post like it owned the place.',
      'Watched a heron stand perfectly still for twenty minutes and then catch nothing. Relatable.',
    ],
    comments: [
      '8x42 is a great all-round start.', 'Swifts are the sound of summer.', 'Congrats on 100!',
      'The heron is all of us.', 'Looks like a sparrowhawk to me, but hard to say.', 'Count me in for the dawn chorus.',
    ],
  },
  {
    slug: 'indie-game-dev',
    name: 'Indie Game Dev',
    topic: 'game development',
    description: 'Making small games with big hearts. Devlogs, playtests and honest feedback.',
    tags: ['game-development', 'pixel-art', 'game-jams'],
    accentColor: '#1f5fa8',
    rules: ['Give feedback the way you would want it.', 'Self-promotion in #general once a week.'],
    customRole: { name: 'Playtester', color: '#b45309', permissions: ['post', 'comment', 'react'] },
    posts: [
      'Devlog #12: rewrote the movement so the character keeps momentum off ledges. Feels so much better.',
      'Looking for playtesters for a 20-minute cozy puzzle game. Builds for Windows and Linux.',
      'Scope creep confession: my “weekend jam game” is now eight months old.',
      'Shader question: how do you do a soft outline on sprites without it bleeding into the atlas?',
      'Shipped my first game on itch! 37 downloads and one lovely comment. That comment made my month.',
      'Coyote time and jump buffering: the two lines of code every platformer needs.',
      'Spent the day on a pause menu. Nobody will notice it. That is how you know it is right.',
      'Jam starts Friday — theme reveal at 6 pm. Who is teaming up?',
      'Accessibility pass: remappable keys, colour-blind palette, subtitles with speaker names.',
      'Music for the title screen is done and I have listened to it forty times.',
    ],
    comments: [
      'Happy to playtest!', 'Coyote time is magic.', 'Eight months is still a jam if you believe.', 'Congrats on shipping!',
      'Pad the atlas by two pixels and the bleed goes away.', 'Remappable keys should be standard everywhere.',
    ],
  },
];

export const generalComments = [
  'Love this!', 'Thanks for sharing.', 'This made my day.', 'So inspiring.', 'Following along with this!',
  'Great work.', 'I had the same experience.', 'Welcome to the group!', 'Can you share more about how you did it?',
];

export const bioLines = [
  'Learning something new every week.', 'Mostly here for the kind people.', 'Weekend maker, weekday spreadsheet wrangler.',
  'Slow and steady.', 'Beginner, and proud of it.', 'Asks too many questions (on purpose).', 'Tea, tools and tinkering.',
  'Trying to say yes to more things.', 'Happiest outdoors.', 'Teaching what I learn.',
];

export const pronounChoices = ['she/her', 'he/him', 'they/them', 'she/they', 'he/they', ''];
