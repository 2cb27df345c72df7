import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { InputItem } from '../../store/inputSlice';
import { digitResult, recognizeResult } from '../../testing/results';
import { BatchItemCard } from './BatchItemCard';

const render = (item: Partial<InputItem>, selected = false): string =>
  renderToStaticMarkup(
    <BatchItemCard
      item={{
        id: 'u1',
        source: 'upload',
        name: 'a.png',
        status: 'idle',
        result: null,
        error: null,
        ...item,
      }}
      selected={selected}
      tabbable
      onSelect={() => undefined}
      onRemove={() => undefined}
    />,
  );

describe('BatchItemCard', () => {
  it('carries the page contract attributes', () => {
    const html = render(
      {
        status: 'done',
        result: { text: '12\n3', lines: [], timings: {}, width: 1, height: 1 },
      },
      true,
    );
    expect(html).toContain('data-testid="batch-item"');
    expect(html).toContain('data-name="a.png"');
    expect(html).toContain('data-status="done"');
    expect(html).toContain('data-text="12\n3"');
    expect(html).toContain('aria-selected="true"');
  });

  it('counts doubtful digits and says how many are left to check', () => {
    const html = render({
      status: 'done',
      result: recognizeResult([
        [digitResult(1, 0.9), digitResult(8, 0.3, true)],
        [digitResult(2, 0.2, true)],
      ]),
    });
    expect(html).toContain('data-doubtful="2"');
    expect(html).toContain('2 to check');
    expect(html).not.toContain('>Done<');
    expect(html).toContain('data-testid="remove-item"');
    expect(html).toContain('aria-label="Remove a.png"');
  });

  it('renders a hostile file name as text, never as markup', () => {
    const html = render({ name: '<img src=x onerror=alert(1)>.png' });
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.png');
  });

  it('shows the error sentence on a broken file', () => {
    const html = render({ status: 'error', error: 'It is damaged. Try exporting it again.' });
    expect(html).toContain('data-status="error"');
    expect(html).toContain('data-text=""');
    expect(html).toContain('It is damaged. Try exporting it again.');
    expect(html).toContain('data-testid="error-message"');
  });

  it("leaves the selected item's error to the result panel, so it is not doubled", () => {
    const html = render({ status: 'error', error: 'It is damaged.' }, true);
    expect(html).toContain('It is damaged.');
    expect(html).not.toContain('data-testid="error-message"');
  });
});
