// Starts `unionplan ui --no-open` for the benchmark and the screenshot script, and resolves with the
// child process and the address it prints (token included).
import { spawn } from 'node:child_process';

export function startUi(bin) {
  const child = spawn(process.execPath, [bin, 'ui', '--no-open'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const found = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(out);
      if (found) resolve(found[0]);
    });
    child.on('exit', (code) => reject(new Error(`unionplan ui exited with ${code} before printing its address`)));
  });
  return { child, url };
}
