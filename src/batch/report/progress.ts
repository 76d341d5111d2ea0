import cliProgress from 'cli-progress';
import { rawStream, visible } from '../../io/terminal.js';
import { STATUS_NAMES, type UnitResult } from './unit-result.js';

/** Shows how a batch is getting on. */
export interface Progress {
  start(total: number): void;
  /** A union has finished (in whatever way). */
  tick(unit: UnitResult): void;
  stop(): void;
}

/** `75秒`, `2分05秒`, `1小时02分`: the time left as the bar says it. */
function chineseDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s}秒`;
  if (s < 3600) return `${Math.floor(s / 60)}分${String(s % 60).padStart(2, '0')}秒`;
  return `${Math.floor(s / 3600)}小时${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}分`;
}

function rate(count: number, since: number): string {
  const seconds = (performance.now() - since) / 1000;
  return seconds > 0 ? (count / seconds).toFixed(1) : '0.0';
}

/** A bar redrawn in place, for a person at a terminal. */
class BarProgress implements Progress {
  private readonly bar = new cliProgress.SingleBar(
    {
      format: '生成中 [{bar}] {value}/{total} | {rate} 份/秒 | 剩余 {eta_formatted} | {name}',
      stream: rawStream(process.stderr),
      hideCursor: true,
      barsize: 24,
      etaBuffer: 50,
      formatTime: (t) => chineseDuration(t),
    },
    cliProgress.Presets.shades_classic,
  );
  private started = 0;
  private count = 0;
  private stopped = false;

  start(total: number): void {
    this.started = performance.now();
    this.bar.start(total, 0, { rate: '0.0', name: '' });
  }

  tick(unit: UnitResult): void {
    this.count++;
    this.bar.update(this.count, { rate: rate(this.count, this.started), name: visible(unit.name ?? '') });
  }

  stop(): void {
    // Called again after Ctrl-C has stopped it; the bar then must not be drawn twice.
    if (!this.stopped) this.bar.stop();
    this.stopped = true;
  }
}

/** One line per union, for logs and pipes where a redrawn bar would be noise. */
class LineProgress implements Progress {
  private total = 0;
  private count = 0;

  start(total: number): void {
    this.total = total;
  }

  tick(unit: UnitResult): void {
    this.count++;
    const width = String(this.total).length;
    const what = unit.files.length > 0 ? `：${unit.files.join('、')}` : unit.problems[0] ? `：${unit.problems[0].message}` : '';
    process.stderr.write(
      `[${String(this.count).padStart(width)}/${this.total}] ${STATUS_NAMES[unit.status]} ${unit.name ?? `第${unit.row}行`}${what}\n`,
    );
  }

  stop(): void {}
}

/** Nothing shown: `--quiet`, and a library caller who gives no progress. */
export const SILENT: Progress = { start() {}, tick() {}, stop() {} };

/** A bar on a terminal, plain lines otherwise, nothing with `--quiet`. */
export function progressFor(options: { quiet?: boolean }): Progress {
  if (options.quiet) return SILENT;
  return process.stderr.isTTY ? new BarProgress() : new LineProgress();
}
