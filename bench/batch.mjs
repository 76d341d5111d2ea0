// npm run bench, part two — `unionplan batch` on a generated roster of 1,000 unions (change it
// with BENCH_BATCH_COUNT): wall time (median of BENCH_BATCH_RUNS runs, 3 by default), plans per second and peak memory of the whole process
// (worker threads included) for DOCX, PDF and both; then the same plans as Markdown, each
// converted to DOCX by its own pandoc run, as a person scripting pandoc would, when pandoc is
// installed. A benchmark, not a test: it prints, it asserts nothing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/unionplan.cjs');
const COUNT = Number(process.env.BENCH_BATCH_COUNT ?? 1000);
// Shared machines are noisy: the same run has taken 9 s and 13 s minutes apart. Each unionplan
// run is repeated and its median reported (pandoc's one run of ~40 s averages out on its own).
const RUNS = Math.max(1, Number(process.env.BENCH_BATCH_RUNS ?? 3));
const CORES = availableParallelism();
const TYPES = ['school', 'kindergarten', 'enterprise', 'town', 'street', 'community', 'district', 'audit'];
const PERIODS = ['', '', '上半年', '下半年'];
const work = mkdtempSync(join(tmpdir(), 'unionplan-bench-batch-'));

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

// A roster as a district would keep it: every type, some half-year plans, Chinese headers.
const roster = join(work, 'units.csv');
const lines = ['单位名称,类型,上级工会,年度,计划期间'];
for (let i = 1; i <= COUNT; i++) {
  lines.push(`城南区第${i}号测试单位工会,${TYPES[i % TYPES.length]},城南区总工会,2027,${PERIODS[i % PERIODS.length]}`);
}
writeFileSync(roster, `\uFEFF${lines.join('\n')}\n`);

const GNU_TIME = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-v', 'true']).status === 0;

/**
 * Runs a command to its end; returns wall time (ms) and peak resident memory (MB) of the
 * process — from GNU time when installed, otherwise by sampling /proc every 20 ms.
 */
function measure(command, args) {
  return new Promise((resolve, reject) => {
    const argv = GNU_TIME ? ['/usr/bin/time', ['-v', command, ...args]] : [command, args];
    const start = performance.now();
    const child = spawn(argv[0], argv[1], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let sampled = 0;
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = GNU_TIME
      ? undefined
      : setInterval(() => {
          const status = spawnSync('sh', ['-c', `grep VmRSS /proc/${child.pid}/status`], { encoding: 'utf8' }).stdout;
          const kb = Number(/(\d+)/.exec(status)?.[1] ?? 0);
          sampled = Math.max(sampled, kb / 1024);
        }, 20);
    child.on('exit', (code) => {
      const ms = performance.now() - start;
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${stderr.slice(-2000)}`));
      const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? 0);
      resolve({ ms, peakMb: GNU_TIME ? kb / 1024 : sampled });
    });
  });
}

/** Runs `jobs` tasks with at most `limit` at a time. */
async function pool(tasks, limit) {
  let next = 0;
  const workers = Array.from({ length: limit }, async () => {
    while (next < tasks.length) await tasks[next++]();
  });
  await Promise.all(workers);
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const rate = (count, ms) => `${(count / (ms / 1000)).toFixed(1)}`;
const rows = [];
const results = {};

console.log(
  `\nunionplan batch：${COUNT} 个单位，${CORES} 核（--jobs 默认 = 核数），每项 ${RUNS} 次取中位数 / ${COUNT} unions, ${CORES} cores, median of ${RUNS} runs`,
);
const median = (values) => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1];

for (const formats of ['md', 'docx', 'pdf', 'docx,pdf']) {
  const out = join(work, `out-${formats.replace(',', '-')}`);
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    rmSync(out, { recursive: true, force: true });
    runs.push(await measure(process.execPath, [bin, 'batch', roster, '--format', formats, '--out', out, '--quiet']));
    const files = readdirSync(out).length;
    if (files !== COUNT * formats.split(',').length)
      throw new Error(`expected ${COUNT * formats.split(',').length} files in ${out}, found ${files}`);
  }
  const r = { ms: median(runs.map((run) => run.ms)), peakMb: Math.max(...runs.map((run) => run.peakMb)) };
  results[formats] = r;
  const spread = RUNS > 1 ? `${seconds(Math.min(...runs.map((run) => run.ms)))}–${seconds(Math.max(...runs.map((run) => run.ms)))}` : '';
  rows.push({
    what: `batch --format ${formats}`,
    wall: seconds(r.ms),
    'runs (min–max)': spread,
    'plans/s': rate(COUNT, r.ms),
    'peak memory': `${r.peakMb.toFixed(0)} MB`,
  });
}

if (has('pandoc')) {
  // The Markdown plans of the md run, each converted by one pandoc process, as many at a time as
  // there are cores (unionplan uses them all too).
  const mdDir = join(work, 'out-md');
  const pandocOut = join(work, 'pandoc');
  rmSync(pandocOut, { recursive: true, force: true });
  spawnSync('mkdir', ['-p', pandocOut]);
  const files = readdirSync(mdDir);
  const start = performance.now();
  await pool(
    files.map(
      (file) => () =>
        new Promise((resolve, reject) => {
          const child = spawn('pandoc', [join(mdDir, file), '-o', join(pandocOut, file.replace(/\.md$/, '.docx'))], { stdio: 'ignore' });
          child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pandoc ${file} exited ${code}`))));
        }),
    ),
    CORES,
  );
  const ms = performance.now() - start;
  results.pandoc = { ms };
  rows.push({
    what: `pandoc, one run per plan, ${CORES} at a time → DOCX`,
    wall: seconds(ms),
    'runs (min–max)': '1 run',
    'plans/s': rate(COUNT, ms),
    'peak memory': '',
  });
} else {
  rows.push({
    what: 'pandoc → DOCX',
    wall: 'pandoc 不可用（未安装），跳过 / skipped',
    'runs (min–max)': '',
    'plans/s': '',
    'peak memory': '',
  });
}
console.table(rows);

const both = results['docx,pdf'];
console.log(`\n目标 / aims (${COUNT} plans):`);
console.log(`  DOCX+PDF: ${seconds(both.ms)} (aim < 30 s for 1,000 on 2 cores), peak ${both.peakMb.toFixed(0)} MB (aim < 1024 MB)`);
if (results.pandoc) {
  console.log(`  批量 / batch: pandoc DOCX / unionplan DOCX+PDF = ${(results.pandoc.ms / both.ms).toFixed(2)}× (aim ≥ 5×)`);
  console.log(`  pandoc DOCX / unionplan DOCX     = ${(results.pandoc.ms / results.docx.ms).toFixed(2)}×`);
}
rmSync(work, { recursive: true, force: true });
