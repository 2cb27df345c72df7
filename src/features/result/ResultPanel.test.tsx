import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type * as appStore from '../../store/appStore';
import { useAppStore, type AppState } from '../../store/appStore';
import type { InputItem } from '../../store/inputSlice';
import { ResultPanel } from './ResultPanel';
import { digitResult as digit, recognizeResult as result } from '../../testing/results';

// Server rendering reads a store's initial state only, so the hook is swapped for one that
// reads the state each test sets.
const current = vi.hoisted((): { state: unknown } => ({ state: null }));
vi.mock('../../store/appStore', async (importOriginal) => {
  const original = await importOriginal<typeof appStore>();
  const hook = Object.assign(
    (selector: (s: unknown) => unknown) => selector(current.state),
    original.useAppStore,
  );
  return { ...original, useAppStore: hook };
});

/** Renders the panel with one upload item on screen (or none). */
function renderWith(item: InputItem | null): string {
  const base = useAppStore.getInitialState();
  const state: AppState = {
    ...base,
    mode: 'upload',
    items: item ? { [item.id]: item } : {},
    activeIds: { ...base.activeIds, upload: item?.id ?? null },
  };
  current.state = state;
  return renderToStaticMarkup(<ResultPanel />);
}

const upload = (patch: Partial<InputItem>): InputItem => ({
  id: 'u1',
  source: 'upload',
  name: 'a.png',
  status: 'done',
  result: null,
  error: null,
  ...patch,
});

describe('ResultPanel', () => {
  it('is idle and explains what to do without an item', () => {
    const html = renderWith(null);
    expect(html).toContain('data-status="idle"');
    expect(html).toContain('data-text=""');
    expect(html).toMatch(/paste a photo or scan/);
  });

  it('shows lines, digits in reading order and marks doubtful ones', () => {
    const r = result([[digit(4, 0.99), digit(2, 0.4, true)], [digit(7, 0.9)]]);
    const html = renderWith(upload({ result: r }));
    expect(html).toContain('data-status="done"');
    expect(html).toContain('data-text="42\n7"');
    const labels = [...html.matchAll(/data-testid="digit" data-label="(\d)"/g)].map((m) => m[1]);
    expect(labels).toEqual(['4', '2', '7']);
    expect(html).toContain('data-confidence="0.4000"');
    expect(html).toContain('data-doubtful="true"');
    expect(html).toMatch(/Doubtful: check this digit/);
    expect(html).toContain('Read 3 digits on 2 lines: 4 2, 7. 1 doubtful digit.');
    expect(html).toContain('data-testid="copy"');
  });

  it('marks corrected digits and keeps doubtful ones marked in the big text', () => {
    const r = result([[digit(4, 0.99), digit(3, 0.4)], [digit(7, 0.5, true)]]);
    const html = renderWith(
      upload({
        result: r,
        corrections: [
          {
            line: 0,
            index: 1,
            box: r.lines[0]!.digits[1]!.box,
            from: 8,
            to: 3,
            wasDoubtful: true,
            confidence: 0.4,
            crop28: new Float32Array(784),
            at: 0,
          },
        ],
      }),
    );
    expect(html).toMatch(/data-testid="digit" data-label="3"[^>]*data-corrected="true"/);
    expect(html.match(/data-corrected="true"/g)).toHaveLength(1);
    expect(html).toContain('data-testid="undo-correction"');
    expect(html).toMatch(/data-testid="big-text"[^>]*>.*data-doubtful="true"[^>]*>7</s);
    expect(html).toContain('data-testid="next-doubtful"');
    expect(html).toContain('1 to check');
  });

  it('says "No digits found" with a hint', () => {
    const html = renderWith(upload({ result: result([]) }));
    expect(html).toContain('No digits found');
    expect(html).toMatch(/tune the\s+threshold/);
    expect(html).not.toContain('data-testid="copy"');
  });

  it('shows the error sentence through the error message element', () => {
    const html = renderWith(upload({ status: 'error', error: '"x.pdf" is a PDF document.' }));
    expect(html).toContain('data-status="error"');
    expect(html).toMatch(/data-testid="error-message"[^>]*>&quot;x.pdf&quot; is a PDF document./);
  });
});
