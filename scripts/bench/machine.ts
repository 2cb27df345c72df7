/** The conditions a run was measured under: timings mean little without them. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';

export interface MachineInfo {
  cpu: string;
  cores: number;
  ramGiB: number;
  os: string;
  node: string;
  loadAvg: number[];
  /** Known heavy jobs on this machine at the start (model training inflates every timing). */
  otherLoad: string[];
}

function osName(): string {
  const release = '/etc/os-release';
  const pretty = existsSync(release)
    ? /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync(release, 'utf8'))?.[1]
    : undefined;
  return `${pretty ?? os.type()} (${os.type()} ${os.release()} ${os.arch()})`;
}

function heavyJobs(): string[] {
  const r = spawnSync('pgrep', ['-af', 'train.py'], { encoding: 'utf8' });
  if (r.status !== 0 || !r.stdout) return [];
  return r.stdout
    .trim()
    .split('\n')
    .filter((l) => !l.includes('pgrep'))
    .map((l) => l.replace(/^\d+\s+/, ''));
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: osName(),
    node: process.version,
    loadAvg: os.loadavg(),
    otherLoad: heavyJobs(),
  };
}
