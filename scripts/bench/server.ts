/**
 * The benchmark's own build and preview server: a free port on PREVIEW_HOST, a process group that
 * is killed on every exit path, so a failed run never leaves a server behind.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PREVIEW_HOST } from '../vite/previewAddress';

const VITE = join('node_modules', 'vite', 'bin', 'vite.js');

export function build(outDir: string): void {
  const r = spawnSync(process.execPath, [VITE, 'build', '--outDir', outDir, '--emptyOutDir'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, PREVIEW_HOST, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface PreviewServer {
  url: string;
  stop: () => void;
}

export async function startPreview(outDir: string, port: number): Promise<PreviewServer> {
  // Host and strictPort come from vite.config.ts; the port is a free one, not the default.
  const args = [VITE, 'preview', '--port', String(port)];
  // detached: its own process group, so stop() reaches anything it spawns too.
  const child: ChildProcess = spawn(process.execPath, [...args, '--outDir', outDir], {
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  let stopped = false;
  const stop = (): void => {
    if (stopped || child.pid === undefined) return;
    stopped = true;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  process.once('exit', stop);
  // Detached, the server would not see a Ctrl+C meant for us: pass it on, then stop.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop();
      process.exit(130);
    });
  }
  const url = `http://${PREVIEW_HOST}:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(url);
      if (res.ok) return { url, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`vite preview did not answer on ${url}`);
}
