/**
 * Reads the camera preview continuously: grab the newest frame, read it, show the answer, then
 * the next frame. At most one frame is in flight, so a slow engine drops frames rather than
 * queueing them (the reading never lags behind what the camera shows). Framework-free: the
 * frame source, the engine and the clock are injected.
 */
import { userMessageOf } from '../../engine/errors';
import type { Box, RecognizeResult } from '../../engine/types';

/** The same reading for this long counts as stable: it can be kept with one tap. */
export const STABLE_MS = 1000;

export interface LiveDigit {
  label: number;
  confidence: number;
  doubtful: boolean;
  /** In the frame's pixels (frameWidth x frameHeight). */
  box: Box;
}

export interface LiveSnapshot {
  running: boolean;
  /** Frames read so far (this session of the preview). */
  frames: number;
  /** The current reading, lines joined by "\n"; "" when no digit is in view. */
  text: string;
  digits: LiveDigit[];
  frameWidth: number;
  frameHeight: number;
  /** The same non-empty reading for at least STABLE_MS. */
  stable: boolean;
  /** Frames read per second over the last few frames. */
  fps: number;
  error: string | null;
}

/** Where frames come from (the preview video). */
export interface FrameSource {
  /** The preview's current frame, or null when it has none yet. */
  grab(): Promise<ImageBitmap | null>;
  /** Calls back when a new frame may be there; returns a cancel function. */
  waitFrame(callback: () => void): () => void;
}

export interface LiveReaderDeps {
  /** Reads a frame (and owns it from then on). */
  read(frame: ImageBitmap, signal: AbortSignal): Promise<RecognizeResult>;
  /** False while the engine loads: frames are not read (nor queued) until it is ready. */
  ready(): boolean;
  now(): number;
}

const IDLE: LiveSnapshot = {
  running: false,
  frames: 0,
  text: '',
  digits: [],
  frameWidth: 0,
  frameHeight: 0,
  stable: false,
  fps: 0,
  error: null,
};

const FPS_WINDOW = 8;

export class LiveReader {
  private snapshot: LiveSnapshot = IDLE;
  private readonly listeners = new Set<() => void>();
  private controller: AbortController | null = null;
  private source: FrameSource | null = null;
  private cancelWait: (() => void) | null = null;
  private inFlight = false;
  private since = 0;
  private readonly doneAt: number[] = [];

  constructor(private readonly deps: LiveReaderDeps) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LiveSnapshot => this.snapshot;

  start(source: FrameSource): void {
    if (this.controller) return;
    this.source = source;
    this.controller = new AbortController();
    this.doneAt.length = 0;
    this.update({ ...IDLE, running: true });
    this.schedule();
  }

  /** Stops reading (the frame in flight is cancelled); the last reading is cleared. */
  stop(): void {
    this.controller?.abort();
    this.controller = null;
    this.cancelWait?.();
    this.cancelWait = null;
    if (this.snapshot.running) this.update({ ...IDLE });
  }

  private schedule(): void {
    if (!this.controller || !this.source || this.inFlight) return;
    this.cancelWait?.();
    this.cancelWait = this.source.waitFrame(() => {
      this.cancelWait = null;
      void this.step();
    });
  }

  private async step(): Promise<void> {
    const { controller, source } = this;
    if (!controller || !source || this.inFlight) return;
    if (!this.deps.ready()) return this.schedule();
    this.inFlight = true;
    try {
      const frame = await source.grab();
      if (!frame) return;
      if (controller.signal.aborted) {
        frame.close();
        return;
      }
      const result = await this.deps.read(frame, controller.signal);
      if (!controller.signal.aborted) this.apply(result);
    } catch (err) {
      if (!controller.signal.aborted) this.update({ error: messageOf(err) });
    } finally {
      this.inFlight = false;
      // The current session's loop (a stop and start while this frame was out is a new one).
      if (this.controller) this.schedule();
    }
  }

  private apply(result: RecognizeResult): void {
    const now = this.deps.now();
    this.doneAt.push(now);
    if (this.doneAt.length > FPS_WINDOW) this.doneAt.shift();
    const span = now - this.doneAt[0]!;
    const fps = this.doneAt.length > 1 && span > 0 ? ((this.doneAt.length - 1) * 1000) / span : 0;
    if (result.text !== this.snapshot.text || this.snapshot.frames === 0) this.since = now;
    this.update({
      frames: this.snapshot.frames + 1,
      text: result.text,
      digits: result.lines.flatMap((line) =>
        line.digits.map((d) => ({
          label: d.label,
          confidence: d.confidence,
          doubtful: d.doubtful,
          box: d.box,
        })),
      ),
      frameWidth: result.width,
      frameHeight: result.height,
      stable: result.text !== '' && now - this.since >= STABLE_MS,
      fps,
      error: null,
    });
  }

  private update(patch: Partial<LiveSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

function messageOf(err: unknown): string {
  return userMessageOf(err, 'This frame could not be read.');
}
