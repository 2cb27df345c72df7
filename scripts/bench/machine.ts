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

/** Other jobs that compete for the CPU: model training, test runners, other benchmarks. */
const HEAVY: [RegExp, string][] = [
  [/train\.py|pair\.py|-m (digitlens\.(train|pair)|linereader)/, 'model training (training/)'],
  [/playwright test/, 'Playwright tests'],
  [/vitest/, 'vitest'],
  [/bench-accuracy|bench:accuracy/, 'accuracy benchmark'],
  [/bench-engine|bench:engine/, 'engine benchmark'],
];

function heavyJobs(): string[] {
  const r = spawnSync('ps', ['-eo', 'args='], { encoding: 'utf8' });
  const lines = (r.stdout ?? '').split('\n');
  return HEAVY.filter(([re]) => lines.some((l) => re.test(l))).map(([, label]) => label);
}

export interface LoadSampler {
  stop: () => { min: number; mean: number; max: number; samples: number };
}

/** The 1-minute load average every 5 s while the benchmark runs. */
export function sampleLoad(): LoadSampler {
  const seen: number[] = [os.loadavg()[0]!];
  const timer = setInterval(() => seen.push(os.loadavg()[0]!), 5000);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      return {
        min: Math.min(...seen),
        mean: seen.reduce((a, b) => a + b, 0) / seen.length,
        max: Math.max(...seen),
        samples: seen.length,
      };
    },
  };
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
