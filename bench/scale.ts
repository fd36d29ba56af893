// `npm run bench:scale -- [--db postgres|pglite] [--scales small,medium,large] [--people 30] [--reps 5]`: the For you
// feed for the same people at each scale; the last line compares the two largest:
//   scale p95_large_vs_medium=<ratio>       (target ≤ 1.3 for ten times the data)
import { isScale, type ScaleName } from './dataset/generate';
import { isEngine } from './dataset/target';
import { runScale } from './scale-run';

const args = process.argv.slice(2);
const valueOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const smoke = args.includes('--smoke');
const engine = valueOf('--db') ?? (smoke ? 'pglite' : 'postgres');
const list = (valueOf('--scales') ?? (smoke ? 'tiny,small' : 'small,medium,large')).split(',');
const people = Number(valueOf('--people') ?? (smoke ? 4 : 30));
const reps = Number(valueOf('--reps') ?? (smoke ? 1 : 5));
if (!isEngine(engine) || !list.every(isScale) || list.length < 2 || !(people > 0) || !(reps > 0)) {
  console.error('Usage: tsx bench/scale.ts [--db postgres|pglite] [--scales small,medium,large] [--people n] [--reps n] [--smoke]');
  process.exit(2);
}

try {
  const result = await runScale({ engine, scales: list as ScaleName[], people, reps, seedMissing: smoke ? (list as ScaleName[]) : ['tiny'], log: console.log });
  console.log(result.line);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
