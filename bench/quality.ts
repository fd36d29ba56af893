// `npm run bench:quality [-- --scale tiny|default] [--seed N]`: the offline quality benchmark of the For you ranker on
// a synthetic community with planted tastes (see bench/README.md, "Quality"). Prints a table, then one summary line.
import { scales } from './quality/community';
import { runBench } from './quality/run';

const args = process.argv.slice(2);
const valueOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const scaleName = args.includes('--smoke') ? 'tiny' : (valueOf('--scale') ?? 'default');
if (scaleName !== 'tiny' && scaleName !== 'default') {
  console.error(`Unknown scale "${scaleName}": use --scale tiny or --scale default.`);
  process.exit(2);
}
const seed = valueOf('--seed');
if (seed !== undefined && !/^\d+$/.test(seed)) {
  console.error(`--seed takes a whole number, not "${seed}".`);
  process.exit(2);
}
const result = runBench({ ...scales[scaleName], ...(seed !== undefined ? { seed: Number(seed) } : {}) });
console.log(result.table);
console.log('');
console.log(`(community ${result.seconds.community.toFixed(1)} s, ranking and scoring ${result.seconds.ranking.toFixed(1)} s, total ${result.seconds.total.toFixed(1)} s)`);
console.log(result.line);
