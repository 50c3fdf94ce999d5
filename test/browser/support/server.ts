// Starts the real app (node --import tsx server/main.ts) on a free port over a fresh SQLite database,
// and creates staff accounts with the user-create CLI, as an operator would.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const STAFF_PASSWORD = 'browser tests walk every helpdesk page';

export interface StaffUser {
  email: string;
  name: string;
  roles: Array<'editor' | 'facilitator' | 'coordinator'>;
  org?: string;
}

export interface RunningApp {
  baseUrl: string;
  dataDir: string;
  /** Everything the server wrote, for diagnosis when a test fails. */
  output: string[];
  stop(): Promise<void>;
}

function appEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'info', ...extra };
  delete env.DATABASE_URL;
  delete env.NODE_ENV;
  return env;
}

/** Runs a Node script of the project to completion; rejects with its output when it fails. */
function runScript(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited with ${code}:\n${out}`))));
  });
}

export async function freshDataDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'helpdesk-browser-'));
}

export async function removeDataDir(dataDir: string): Promise<void> {
  await rm(dataDir, { recursive: true, force: true });
}

export async function createUser(dataDir: string, user: StaffUser): Promise<void> {
  const args = ['scripts/user-create.ts', '--email', user.email, '--name', user.name];
  for (const role of user.roles) args.push('--role', role);
  if (user.org) args.push('--org', user.org);
  await runScript(args, appEnv(dataDir, { NEW_USER_PASSWORD: STAFF_PASSWORD }));
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startApp(dataDir: string): Promise<RunningApp> {
  const env = appEnv(dataDir, { PORT: '0', HOST: '127.0.0.1', TICKET_RATE_LIMIT: '0' });
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not report its port within 60 s:\n${output.join('')}`)), 60_000);
    let pending = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.length > 2000) output.splice(0, output.length - 2000);
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.includes('"port"')) continue;
        try {
          const entry = JSON.parse(line) as { port?: number };
          if (typeof entry.port === 'number') {
            clearTimeout(timer);
            resolve(entry.port);
          }
        } catch {
          // Not a JSON log line; keep reading.
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code} before listening:\n${output.join('')}`));
    });
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    dataDir,
    output,
    async stop() {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 15_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    },
  };
}
