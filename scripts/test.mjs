// `npm test`: the whole suite, from a fresh clone. Typecheck, lint, unit and db tests on embedded PostgreSQL
// (and again on a PostgreSQL server when TEST_DATABASE_URL is set), then the browser journeys against one
// production build. Fetches a Chromium if none is found, says what it did, and ends with one summary line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureChromium } from './ensure-chromium.mjs';
import { ensureNginx } from './ensure-nginx.mjs';

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const resultsDir = path.resolve('test-results');
fs.mkdirSync(resultsDir, { recursive: true });

const steps = [];
let passed = 0;
let failed = 0;
let skipped = 0;
// The names of failed tests, repeated in the summary: CI keeps only the end of the log.
const failedTests = [];

function run(name, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n━━ ${name} ━━ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  steps.push({ name, ok, seconds });
  console.log(`${ok ? '✓' : '✖'} ${name} (${seconds} s)`);
  return ok;
}

function firstLine(text) {
  return String(text ?? '').split('\n').find((l) => l.trim())?.trim().slice(0, 300) ?? '';
}

function countVitest(file, label) {
  try {
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    for (const file of report.testResults ?? []) {
      const where = path.relative(process.cwd(), file.name);
      for (const t of file.assertionResults ?? []) {
        if (t.status === 'failed') failedTests.push(`${label}: ${where} › ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
      }
      // A file that failed outside any test (an import error, a hook) has no failed assertion to name.
      if (file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed')) {
        failedTests.push(`${label}: ${where}: ${firstLine(file.message)}`);
      }
    }
    if (report.numFailedTests === 0 && report.success === false && !failedTests.some((t) => t.startsWith(label))) {
      failed += 1;
      failedTests.push(`${label}: the run failed outside any test (an unhandled error; see the log above)`);
    }
  } catch {
    failed += 1; // no report: the runner itself failed
    failedTests.push(`${label}: no report (the runner itself failed)`);
  }
}

function countPlaywright(file) {
  try {
    const { stats } = JSON.parse(fs.readFileSync(file, 'utf8'));
    passed += stats.expected ?? 0;
    failed += (stats.unexpected ?? 0) + (stats.flaky ?? 0);
    skipped += stats.skipped ?? 0;
    const walk = (suite, titles) => {
      for (const child of suite.suites ?? []) walk(child, child.title ? [...titles, child.title] : titles);
      for (const spec of suite.specs ?? []) {
        for (const t of spec.tests ?? []) {
          if (t.status === 'unexpected' || t.status === 'flaky') {
            const error = t.results?.find((r) => r.error)?.error?.message;
            failedTests.push(`e2e (${t.status}): ${spec.file}:${spec.line} › ${[...titles, spec.title].join(' › ')}: ${firstLine(error)}`);
          }
        }
      }
    };
    for (const suite of JSON.parse(fs.readFileSync(file, 'utf8')).suites ?? []) walk(suite, []);
  } catch {
    failed += 1;
    failedTests.push('e2e: no report (the runner itself failed)');
  }
}

const want = (part) => !only || only === part;

if (want('static')) {
  run('typecheck', 'npx', ['tsc', '--noEmit']);
  run('lint', 'npx', ['eslint', '--max-warnings=0', '.']);
  // Dead code: unused files, exports and dependencies (knip.jsonc).
  run('dead code (knip)', 'npx', ['knip', '--no-progress']);
}

if (want('vitest')) {
  const pgliteReport = path.join(resultsDir, 'vitest-pglite.json');
  fs.rmSync(pgliteReport, { force: true });
  run('unit + db tests (embedded PostgreSQL)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${pgliteReport}`], { HEARTH_TEST_DB: 'pglite' });
  countVitest(pgliteReport, 'PGlite');

  if (process.env.TEST_DATABASE_URL) {
    const serverReport = path.join(resultsDir, 'vitest-postgres.json');
    fs.rmSync(serverReport, { force: true });
    run('db tests (PostgreSQL server)', 'npx', ['vitest', 'run', '--project', 'db', '--reporter=default', '--reporter=json', `--outputFile.json=${serverReport}`], { HEARTH_TEST_DB: 'postgres' });
    countVitest(serverReport, 'PostgreSQL');
  } else {
    console.log('\n(TEST_DATABASE_URL is not set: the db suite ran on embedded PostgreSQL only. .ci/run adds a server.)');
  }
}

if (want('e2e')) {
  const chromium = ensureChromium();
  // nginx in front of several instances for the cluster journeys and benchmark (e2e/cluster.spec.ts); without it, or
  // without a PostgreSQL server, those skip and say why.
  const nginx = ensureNginx();
  // One production build for every journey; its own directory, so a running `npm run dev` is left alone.
  if (run('production build', 'npx', ['next', 'build'], { NEXT_TELEMETRY_DISABLED: '1' })) {
    // The demo seed and faker stay out of the production server bundle (scripts/check-server-bundle.mjs).
    run('production bundle without the demo seed', 'node', ['scripts/check-server-bundle.mjs']);
    // What the browser is sent: every page within its JavaScript budget, no zod or drizzle-orm (scripts/check-client-bundle.mjs).
    run('browser bundle within budget', 'node', ['scripts/check-client-bundle.mjs']);
    const report = path.join(resultsDir, 'e2e-report.json');
    fs.rmSync(report, { force: true });
    run('browser journeys (Playwright)', 'npx', ['playwright', 'test'], { PLAYWRIGHT_CHROMIUM_PATH: chromium, NEXT_TELEMETRY_DISABLED: '1', ...(nginx.path ? { NGINX_PATH: nginx.path } : {}) });
    countPlaywright(report);
    console.log(`Screenshots of the main pages: ${path.join(resultsDir, 'screens')}`);
    // The load benchmark in miniature (tiny community, 1 s a page) on the same build, so bench:load cannot rot.
    const benchDir = fs.mkdtempSync(path.join(resultsDir, 'bench-'));
    const benchPort = process.env.BENCH_PORT ?? String(3500 + (Number(process.env.E2E_PORT ?? 3100) % 100));
    const benchOk = run('load benchmark smoke', 'npx', ['tsx', 'bench/load.ts', '--smoke', '--port', benchPort], { BENCH_DATA_DIR: benchDir, NEXT_TELEMETRY_DISABLED: '1' });
    fs.rmSync(benchDir, { recursive: true, force: true });
    if (benchOk) passed += 1;
    else failed += 1;
    // Live updates in miniature (40 streams watching one post, a few writes, For you with and without them): fails on
    // a stream that does not open or an event that does not arrive.
    const liveDir = fs.mkdtempSync(path.join(resultsDir, 'bench-live-'));
    const liveOk = run('live benchmark smoke', 'npx', ['tsx', 'bench/live.ts', '--smoke', '--port', benchPort], { BENCH_DATA_DIR: liveDir, NEXT_TELEMETRY_DISABLED: '1' });
    fs.rmSync(liveDir, { recursive: true, force: true });
    if (liveOk) passed += 1;
    else failed += 1;
    // The cluster benchmark in miniature (two instances behind nginx on the PostgreSQL server, a fresh tiny community
    // dropped afterwards): fails on any error or an action not seen by the other instance.
    if (process.env.TEST_DATABASE_URL && nginx.path) {
      const server = new URL(process.env.TEST_DATABASE_URL);
      server.pathname = '';
      server.search = '';
      const clusterOk = run('cluster benchmark smoke', 'npx', ['tsx', 'bench/cluster.ts', '--smoke'], {
        BENCH_PG_URL: server.toString(),
        NGINX_PATH: nginx.path,
        NEXT_TELEMETRY_DISABLED: '1',
      });
      if (clusterOk) passed += 1;
      else failed += 1;
    } else {
      console.log(`\n(cluster benchmark smoke skipped: ${nginx.path ? 'TEST_DATABASE_URL is not set' : nginx.reason})`);
      skipped += 1;
    }
  }
}

const failedSteps = steps.filter((s) => !s.ok);
console.log('\n━━ summary ━━');
for (const s of steps) console.log(`${s.ok ? '✓' : '✖'} ${s.name} (${s.seconds} s)`);
if (failedSteps.length) console.log(`\nFailed: ${failedSteps.map((s) => s.name).join(', ')}`);
for (const t of failedTests) console.log(`  ✖ ${t}`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedSteps.length || failed ? 1 : 0);
