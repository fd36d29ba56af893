// `npm run bench:quality [-- --smoke] [--scale tiny|default] [--seeds 3] [--people 300] [--db pglite|postgres] [--fit]`: the offline quality
// benchmark of For you (see bench/README.md, "Quality"): production candidates from an embedded database, every
// number tuned on a validation split, the test split read once, peers tuned the same way. Prints a table, then one
// summary line, of the shipped numbers (lib/recommend/ranker-weights.ts). `--fit` reports this run's fit instead and
// writes it there as the next version.
import fs from 'node:fs';
import path from 'node:path';
import { rankerWeights } from '../lib/recommend/ranker-weights';
import { scales } from './quality/community';
import { runBench } from './quality/run';

const args = process.argv.slice(2);
const valueOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const smoke = args.includes('--smoke');
const scaleName = valueOf('--scale') ?? (smoke ? 'tiny' : 'default');
if (scaleName !== 'tiny' && scaleName !== 'default') {
  console.error(`Unknown scale "${scaleName}": use --scale tiny or --scale default.`);
  process.exit(2);
}
const whole = (flag: string, fallback: number) => {
  const v = valueOf(flag);
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v) || Number(v) < 1) {
    console.error(`${flag} takes a whole number of at least 1, not "${v}".`);
    process.exit(2);
  }
  return Number(v);
};
const scale = scales[scaleName];
const seedCount = whole('--seeds', 3);
const firstSeed = whole('--seed', scale.seed);
const people = whole('--people', smoke ? 40 : 300);
const engine = valueOf('--db') ?? 'pglite';
if (engine !== 'pglite' && engine !== 'postgres') {
  console.error(`--db takes pglite (embedded, the default) or postgres (a database of its own on BENCH_PG_URL's server), not "${engine}".`);
  process.exit(2);
}

async function main() {
  const result = await runBench({
    scale,
    seeds: Array.from({ length: seedCount }, (_, k) => firstSeed + k),
    validationPeople: Math.round(people * (smoke ? 1 : 0.6)),
    testPeople: people,
    engine: engine as 'pglite' | 'postgres',
    report: args.includes('--fit') ? 'fit' : 'shipped',
    rankCostSizes: smoke ? [1000, 10_000] : [100, 1000, 3000, 10_000, 30_000],
    log: (line) => console.error(line),
  });
  console.log(result.table);
  console.log('');
  console.log(`(total ${result.seconds.toFixed(1)} s)`);
  if (args.includes('--fit')) {
    const fitted = { ...result.fitted, fittedOn: `bench:quality --scale ${scaleName} --seeds ${seedCount} --people ${people}: one fit on the validation people of every seed, its caution chosen by cross-validation inside them, each move gaining in every seed (never the test split)` };
    const file = path.join(process.cwd(), 'lib/recommend/ranker-weights.ts');
    const text = fs.readFileSync(file, 'utf8');
    const start = text.indexOf('export const rankerWeights');
    // Written as the file's own TypeScript (keys unquoted), so a fit is one small diff.
    const literal = JSON.stringify(fitted, null, 2).replace(/^(\s*)"(\w+)":/gm, '$1$2:').replace(/\n(\s*)}/g, ',\n$1}');
    fs.writeFileSync(file, `${text.slice(0, start)}export const rankerWeights: RankerWeights = ${literal};\n`);
    console.log(`(wrote version ${fitted.version} of the fitted numbers to lib/recommend/ranker-weights.ts, replacing version ${rankerWeights.version})`);
  }
  console.log(result.line);
}
void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
