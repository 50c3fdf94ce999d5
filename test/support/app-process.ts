// The real server as a separate process (for operations tests and the HTTP benchmark): started on a free
// port with the environment given, stopped by signal; everything it prints is kept for diagnosis.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface AppProcess {
  port: number;
  url: string;
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
  signal(name: NodeJS.Signals): void;
}

export async function startApp(env: Record<string, string | undefined>, timeoutMs = 60_000): Promise<AppProcess> {
  const fullEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    RETENTION_INTERVAL_HOURS: '0',
    ...env,
  };
  for (const [key, value] of Object.entries(fullEnv)) if (value === undefined) delete fullEnv[key];
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: fullEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output.join('')}`)), timeoutMs);
    let started = false;
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.length > 500) output.splice(0, output.length - 500);
      if (started) return;
      const match = output.join('').match(/"port":(\d+)/);
      if (match) {
        started = true;
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    // Keep reading once started (a full pipe would stall the server), holding only the latest output.
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${output.join('')}`));
    });
  });
  return { port, url: `http://127.0.0.1:${port}`, child, output, exited, signal: (name) => child.kill(name) };
}

export async function stopApp(app: AppProcess): Promise<void> {
  if (app.child.exitCode !== null || app.child.signalCode !== null) return;
  app.signal('SIGTERM');
  await app.exited;
}

/** Runs a project script to completion and returns its output (rejects on a non-zero exit). */
export function runScript(script: string, args: string[], env: Record<string, string | undefined>): Promise<string> {
  return new Promise((resolve, reject) => {
    const fullEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    for (const [key, value] of Object.entries(fullEnv)) if (value === undefined) delete fullEnv[key];
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: ROOT,
      env: fullEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${script} exited with ${code}:\n${out}`)),
    );
  });
}
