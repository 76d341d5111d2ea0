// npm run bench — a benchmark, not a test: prints times as ratios against a bare `node -e 0`
// and against pandoc, all measured in this same run, because absolute times vary between machines.
// Wall time and, where GNU time is installed, CPU time (user + system): on a shared, busy machine
// the wall time of a short process mostly measures the wait for a core, its CPU time much less so.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = new URL('..', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const work = mkdtempSync(join(tmpdir(), 'unionplan-bench-'));
// A cache folder of the benchmark's own (the unpacked 楷体 face, the font index, font subsets),
// filled by the first, uncounted round, so that the user's cache neither helps nor is touched.
process.env.UNIONPLAN_CACHE_DIR = join(work, 'cache');
const keptSubsets = join(work, 'cache', 'fonts', 'subsets-2');
const bin = join(root, 'bin/unionplan.cjs');
const example = join(root, 'examples/school.yaml');

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

const GNU_TIME = spawnSync('/usr/bin/time', ['-f', '%U', 'true']).status === 0;
const median = (values) => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1];

/** One run of a command: wall time and CPU time (undefined without GNU time), in ms. */
function runOnce(command, args) {
  const start = performance.now();
  const argv = GNU_TIME ? ['/usr/bin/time', ['-f', '@cpu %U %S', command, ...args]] : [command, args];
  const result = spawnSync(argv[0], argv[1], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wall = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  const match = /@cpu ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr);
  return { wall, cpu: match ? (Number(match[1]) + Number(match[2])) * 1000 : undefined };
}

/**
 * Median wall and CPU times of each command over RUNS rounds. The commands take turns, one run
 * each a round, so that a busy spell on a shared machine slows all of them alike instead of
 * whichever happened to be measured then; a first round warms the disk cache and is not counted.
 */
function measureAll(commands) {
  for (const [command, args] of commands) runOnce(command, args);
  const runs = commands.map(() => ({ wall: [], cpu: [] }));
  for (let round = 0; round < RUNS; round++) {
    commands.forEach(([command, args], i) => {
      const t = runOnce(command, args);
      runs[i].wall.push(t.wall);
      if (t.cpu !== undefined) runs[i].cpu.push(t.cpu);
    });
  }
  return runs.map((r) => ({ wall: median(r.wall), cpu: r.cpu.length ? median(r.cpu) : undefined }));
}

const ms = (t) => `${t.toFixed(1)} ms`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const rows = [];

const { loadWriter, loadDocument, TemplateRegistry, FORMATS } = await import(join(root, 'dist/lib.js'));
const registry = new TemplateRegistry();
const doc = await loadDocument(example, registry);
writeFileSync(join(work, 'school.md'), await (await loadWriter('md')).write(doc));
const pandoc = has('pandoc');

// Every command of the table, measured together (see measureAll): bare Node, each build, pandoc's.
const commands = [[process.execPath, ['-e', '0']]];
const buildAt = new Map();
const pandocAt = new Map();
for (const format of FORMATS) {
  buildAt.set(format, commands.length);
  commands.push([process.execPath, [bin, 'build', example, '--format', format, '--out', work, '--force']]);
  if (pandoc && format !== 'pdf') {
    pandocAt.set(format, commands.length);
    const args =
      format === 'md'
        ? [join(work, 'school.md'), '-t', 'gfm', '-o', join(work, 'pandoc.md')]
        : [join(work, 'school.md'), '-o', join(work, `pandoc.${format}`)];
    commands.push(['pandoc', args]);
  }
}
const times = measureAll(commands);
const bare = times[0];
// A PDF of characters no earlier build had: the kept font subsets are removed first (by rm, a few
// ms of this row), so the faces are cut again, as for a new plan. Measured on its own, against a
// `node -e 0` of its own: the megabytes it writes and removes are still being flushed to disk
// when the next command starts, and a build's fsync of its output would wait for them.
const [freshBare, fresh] = measureAll([
  commands[0],
  [
    'sh',
    ['-c', 'rm -rf "$0" && exec "$@"', keptSubsets, process.execPath, bin, 'build', example, '--format', 'pdf', '--out', work, '--force'],
  ],
]);
/** The CPU-time cell of a row: time and ratio to `node -e 0`, when GNU time measured them. */
const cpuCell = (t) => (t.cpu !== undefined && bare.cpu ? `${ms(t.cpu)} (${ratio(t.cpu, bare.cpu)})` : '');
rows.push(['node -e 0', ms(bare.wall), '1.00×', cpuCell(bare), '']);
const summary = [];
for (const format of FORMATS) {
  const t = times[buildAt.get(format)];
  let pandocCell = 'pandoc 不可用（未安装），跳过';
  if (pandocAt.has(format)) {
    const p = times[pandocAt.get(format)];
    pandocCell = `pandoc ${ms(p.wall)}（${ratio(p.wall, bare.wall)}），unionplan/pandoc = ${ratio(t.wall, p.wall)}`;
  } else if (pandoc) pandocCell = 'pandoc 需要 LaTeX 才能出 PDF，不比较';
  rows.push([`unionplan build school.yaml --format ${format}`, ms(t.wall), ratio(t.wall, bare.wall), cpuCell(t), pandocCell]);
  summary.push(`${format} ${ratio(t.wall, bare.wall)}${t.cpu !== undefined && bare.cpu ? ` (CPU ${ratio(t.cpu, bare.cpu)})` : ''}`);
}
rows.push([
  '  pdf, 新的字（字体子集重新裁剪）/ new characters (subsets cut)',
  ms(fresh.wall),
  ratio(fresh.wall, freshBare.wall),
  fresh.cpu !== undefined && freshBare.cpu ? `${ms(fresh.cpu)} (${ratio(fresh.cpu, freshBare.cpu)})` : '',
  `node -e 0 ${ms(freshBare.wall)}`,
]);
summary.push(`pdf 新的字 / new characters ${ratio(fresh.wall, freshBare.wall)}`);

console.log(`整个进程（中位数，${RUNS} 次） / whole process (median of ${RUNS})`);
console.table(
  rows.map(([what, time, vsNode, cpu, vsPandoc]) => ({
    what,
    time,
    'vs node -e 0': vsNode,
    'CPU (vs node -e 0)': cpu,
    'vs pandoc': vsPandoc,
  })),
);
console.log(
  `单次生成，相对 node -e 0（墙钟；括号内为 CPU 时间）/ single build vs node -e 0 (wall; CPU in brackets): ${summary.join('，')}`,
);
console.log('目标 / aims: md ≤ 2.5×, docx ≤ 2.5×, pdf ≤ 4×');

// In-process: the same document written 100 times by each writer, after one warm-up.
const inProcess = [];
for (const format of FORMATS) {
  const writer = await loadWriter(format);
  const first = performance.now();
  const bytes = await writer.write(doc);
  const cold = performance.now() - first;
  const start = performance.now();
  for (let i = 0; i < 100; i++) await writer.write(doc);
  const per = (performance.now() - start) / 100;
  const file = join(work, `school${writer.extension}`);
  writeFileSync(file, bytes);
  let pages = '';
  if (format === 'pdf' && has('pdfinfo'))
    pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))?.[1] ?? '';
  inProcess.push({
    format,
    'first write': ms(cold),
    'per plan (100 builds)': ms(per),
    size: `${(statSync(file).size / 1024).toFixed(1)} KB`,
    pages,
  });
}
// Loading and rendering the outline itself, without any writer.
const start = performance.now();
for (let i = 0; i < 100; i++) await loadDocument(example, registry);
inProcess.unshift({
  format: 'outline → document',
  'first write': '',
  'per plan (100 builds)': ms((performance.now() - start) / 100),
  size: '',
  pages: '',
});
console.log('\n进程内（同一份 school 计划） / in-process (the school plan)');
console.table(inProcess);
rmSync(work, { recursive: true, force: true });
