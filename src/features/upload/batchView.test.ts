import { describe, expect, it } from 'vitest';
import type { RecognizeResult } from '../../engine/types';
import type { InputItem } from '../../store/inputSlice';
import { batchItemView, filesFromTransfer, nextIndex, pastedFileName } from './batchView';

function item(patch: Partial<InputItem>): InputItem {
  return {
    id: 'upload-1',
    source: 'upload',
    name: 'scan.png',
    status: 'idle',
    result: null,
    error: null,
    ...patch,
  };
}

const twoLines: RecognizeResult = {
  text: '12\n34',
  lines: [],
  timings: {},
  width: 10,
  height: 10,
};

describe('batchItemView', () => {
  it('shows the digits when done', () => {
    const v = batchItemView(item({ status: 'done', result: twoLines }));
    expect(v).toMatchObject({ text: '12\n34', detail: '12\n34', tone: 'ok', statusLabel: 'Done' });
  });
  it('says so when an image has no digits', () => {
    const v = batchItemView(item({ status: 'done', result: { ...twoLines, text: '' } }));
    expect(v).toMatchObject({ text: '', detail: 'No digits found', tone: 'muted' });
  });
  it('shows the error sentence and no text on failure', () => {
    const v = batchItemView(
      item({ status: 'error', error: '"x.pdf" is a PDF document, not a photo or scan.' }),
    );
    expect(v).toMatchObject({ text: '', tone: 'error', statusLabel: 'Could not read' });
    expect(v.detail).toContain('PDF document');
  });
  it('hides a stale text while reading again', () => {
    const v = batchItemView(item({ status: 'working', result: twoLines }));
    expect(v).toMatchObject({ text: '', detail: 'Reading…' });
  });
});

describe('clipboard helpers', () => {
  const file = (name: string) => ({ name }) as File;
  it('keeps file entries only', () => {
    const files = filesFromTransfer([
      { kind: 'string', type: 'text/plain', getAsFile: () => null },
      { kind: 'file', type: 'image/png', getAsFile: () => file('image.png') },
      { kind: 'file', type: 'image/png', getAsFile: () => null },
    ]);
    expect(files.map((f) => f.name)).toEqual(['image.png']);
  });
  it('names pasted images so they can be told apart', () => {
    expect(pastedFileName(1, 'image/png')).toBe('pasted image 1.png');
    expect(pastedFileName(2, 'image/jpeg')).toBe('pasted image 2.jpg');
    expect(pastedFileName(3, 'application/x-unknown')).toBe('pasted image 3');
  });
});

describe('nextIndex', () => {
  it('moves with arrows, wrapping, and jumps with Home/End', () => {
    expect(nextIndex('ArrowDown', 0, 3)).toBe(1);
    expect(nextIndex('ArrowRight', 2, 3)).toBe(0);
    expect(nextIndex('ArrowUp', 0, 3)).toBe(2);
    expect(nextIndex('Home', 2, 3)).toBe(0);
    expect(nextIndex('End', 0, 3)).toBe(2);
    expect(nextIndex('a', 0, 3)).toBeNull();
    expect(nextIndex('ArrowDown', 0, 0)).toBeNull();
  });
});
