/**
 * In-page instrumentation, timestamped with the page's own clock so no CDP round trip is in the
 * measurement. Kept as source text: tsx's name-keeping helpers would not exist in the page.
 *
 * - pointerup on draw-canvas (capture phase, before the pad's handler) -> the result element's
 *   data-status turning done (or error): one stroke sample.
 * - change on file-input (capture phase) -> the first batch-item turning done (or error): one
 *   photo sample.
 */
import type { LoadStep } from '../../src/engine/types';

export const PROBE_SOURCE = `(() => {
  if (window.__bench) return;
  const b = { strokes: [], photos: [], up: -1, change: -1 };
  window.__bench = b;
  document.addEventListener('pointerup', (e) => {
    if (e.target instanceof Element && e.target.closest('[data-testid="draw-canvas"]')) {
      b.up = performance.now();
    }
  }, true);
  document.addEventListener('change', (e) => {
    if (e.target instanceof Element && e.target.matches('[data-testid="file-input"]')) {
      b.change = performance.now();
    }
  }, true);
  const settle = (el, now) => {
    const status = el.getAttribute('data-status');
    if (status !== 'done' && status !== 'error') return;
    const id = el.getAttribute('data-testid');
    const sample = { ms: 0, status, text: el.getAttribute('data-text') || '' };
    if (id === 'result' && b.up >= 0) {
      sample.ms = now - b.up;
      b.up = -1;
      b.strokes.push(sample);
    } else if (id === 'batch-item' && b.change >= 0) {
      sample.ms = now - b.change;
      b.change = -1;
      b.photos.push(sample);
    }
  };
  new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) {
      if (r.type === 'attributes' && r.target instanceof Element) settle(r.target, now);
      for (const n of r.addedNodes) {
        if (!(n instanceof Element)) continue;
        for (const el of n.querySelectorAll('[data-testid="batch-item"],[data-testid="result"]')) {
          settle(el, now);
        }
      }
    }
  }).observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-status', 'data-text'],
  });
})()`;

export interface ProbeSample {
  ms: number;
  status: 'done' | 'error';
  text: string;
}

export interface ProbeState {
  strokes: ProbeSample[];
  photos: ProbeSample[];
}

/** ms after navigation start at which each start-up step was done (`digit-lens:<step>-done`). */
export type LoadSteps = Partial<Record<LoadStep, number>>;

/** Evaluated in the page: the step marks the app sets as each start-up step is done. */
export const LOAD_STEPS = `Object.fromEntries(['opencv', 'backend', 'model', 'warmup'].map((k) =>
  [k, performance.getEntriesByName('digit-lens:' + k + '-done')[0]?.startTime]))`;
