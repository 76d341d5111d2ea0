/** Debian's chromium, driven by playwright-core (no browser download). */
import { spawnSync } from 'node:child_process';

/** The chromium executable, or undefined when it is not installed (`.ci/run` installs it). */
export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path) => spawnSync(path, ['--version'], { stdio: 'ignore' }).status === 0,
);
