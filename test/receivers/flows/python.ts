import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** A receiver written in Python (standard library only), run as a child process on 127.0.0.1. */
export interface PythonReceiver {
  url: string;
  close(): Promise<void>;
}

/** Starts `script` (a file of this folder) with `args`; it prints its port on its first line. */
export async function startPython(script: string, args: string[]): Promise<PythonReceiver> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const child = spawn('python3', [path, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it listened`)));
  });
  return {
    url: `http://127.0.0.1:${port}/mplus`,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
