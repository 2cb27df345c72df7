/**
 * Live camera reading, measured in headless Chromium with its fake camera playing a 640x480
 * .y4m of the number 72104 (the e2e fixture, real MNIST test digits): frames read per second,
 * and whether the main thread stayed free meanwhile (long tasks, the longest gap between
 * animation frames).
 */
import { chromium } from '@playwright/test';
import { chromiumArgs } from '../../playwright.config';
import { writeCameraFixture } from '../../e2e/fixtures/makeY4m';

export const LIVE_NUMBER = '72104';

export interface LiveBench {
  frameSize: string;
  seconds: number;
  framesRead: number;
  fps: number;
  /** The reading at the end, and how many of the sampled readings were exactly right. */
  text: string;
  readingsRight: number;
  readingsSampled: number;
  longTasks: number;
  longestTaskMs: number;
  /** The longest time between two requestAnimationFrame callbacks. */
  longestFrameGapMs: number;
  /** Median gap between animation frames (16.7 ms at 60 Hz). */
  medianFrameGapMs: number;
}

/** Installed before the app: long tasks and animation-frame gaps, from when `start()` is called. */
const MAIN_THREAD_PROBE = `(() => {
  const p = { tasks: [], gaps: [], on: false, last: 0 };
  window.__live = p;
  new PerformanceObserver((list) => {
    if (p.on) for (const e of list.getEntries()) p.tasks.push(e.duration);
  }).observe({ type: 'longtask' });
  const tick = (t) => {
    if (p.on && p.last) p.gaps.push(t - p.last);
    p.last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

interface Probe {
  tasks: number[];
  gaps: number[];
  on: boolean;
}

export async function measureLive(url: string, seconds = 15): Promise<LiveBench> {
  const video = writeCameraFixture(LIVE_NUMBER);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      ...chromiumArgs,
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  try {
    const context = await browser.newContext({ permissions: ['camera'] });
    await context.addInitScript(MAIN_THREAD_PROBE);
    const page = await context.newPage();
    await page.goto(`${url}/`);
    await page.getByTestId('mode-camera').click();
    const live = page.getByTestId('live-result');
    await page.waitForFunction(
      () =>
        Number(
          document.querySelector('[data-testid="live-result"]')?.getAttribute('data-frames'),
        ) >= 3,
      null,
      { timeout: 120_000 },
    );
    const frames = async () => Number(await live.getAttribute('data-frames'));
    await page.evaluate(() => ((window as unknown as { __live: Probe }).__live.on = true));
    const f0 = await frames();
    const t0 = Date.now();
    let right = 0;
    let sampled = 0;
    while (Date.now() - t0 < seconds * 1000) {
      await page.waitForTimeout(500);
      sampled++;
      if ((await live.getAttribute('data-text')) === LIVE_NUMBER) right++;
    }
    const f1 = await frames();
    const elapsed = (Date.now() - t0) / 1000;
    const probe = await page.evaluate(() => (window as unknown as { __live: Probe }).__live);
    const size = await page
      .getByTestId('camera-video')
      .evaluate((v: HTMLVideoElement) => `${v.videoWidth}x${v.videoHeight}`);
    const gaps = [...probe.gaps].sort((a, b) => a - b);
    return {
      frameSize: size,
      seconds: Math.round(elapsed * 10) / 10,
      framesRead: f1 - f0,
      fps: (f1 - f0) / elapsed,
      text: (await live.getAttribute('data-text')) ?? '',
      readingsRight: right,
      readingsSampled: sampled,
      longTasks: probe.tasks.length,
      longestTaskMs: Math.max(0, ...probe.tasks),
      longestFrameGapMs: gaps.at(-1) ?? 0,
      medianFrameGapMs: gaps[Math.floor(gaps.length / 2)] ?? 0,
    };
  } finally {
    await browser.close();
  }
}

export function liveSection(live: LiveBench | null | undefined): string[] {
  if (!live) return [];
  const fpsOk = live.fps >= 5 ? 'PASS' : 'MISS';
  return [
    '',
    '## Live camera',
    '',
    `Camera mode with Chromium's fake camera playing a ${live.frameSize} video of "${LIVE_NUMBER}"`,
    '(e2e/fixtures/makeY4m.ts: MNIST test digits on paper); default backend. Counted over',
    `${live.seconds} s once reading had started (\`live-result\` \`data-frames\`).`,
    '',
    '| measurement | value | target | result |',
    '|---|---|---|---|',
    `| frames read per second | **${live.fps.toFixed(1)}** (${live.framesRead} frames) | >= 5 | ${fpsOk} |`,
    `| readings exactly "${LIVE_NUMBER}" (sampled every 0.5 s) | ${live.readingsRight} of ${live.readingsSampled} | | |`,
    `| main thread: long tasks (> 50 ms) while reading | ${live.longTasks} (longest ${live.longestTaskMs.toFixed(0)} ms) | 0 | ${live.longTasks === 0 ? 'PASS' : 'MISS'} |`,
    `| main thread: animation-frame gap, median / longest | ${live.medianFrameGapMs.toFixed(1)} ms / ${live.longestFrameGapMs.toFixed(0)} ms | | |`,
    '',
    'Frames are grabbed as ImageBitmaps and read in the worker without stage images; at most one',
    'is in flight, so frames that arrive meanwhile are dropped, never queued.',
    '',
  ];
}
