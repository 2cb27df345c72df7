import { describe, expect, it } from 'vitest';
import {
  alternatives,
  announcement,
  flattenDigits,
  formatConfidence,
  formatMs,
  indexLines,
  lineReaderNote,
  pairCheckNote,
  resultView,
  totalMs,
} from './resultView';
import { digitResult as digit, recognizeResult as result } from '../../testing/results';

describe('formatConfidence', () => {
  it('rounds to whole percent', () => {
    expect(formatConfidence(0.934)).toBe('93%');
    expect(formatConfidence(0.5)).toBe('50%');
  });
  it('never claims certainty it does not have', () => {
    expect(formatConfidence(0.9999)).toBe('>99%');
    expect(formatConfidence(1)).toBe('>99%');
    expect(formatConfidence(0.001)).toBe('<1%');
    expect(formatConfidence(Number.NaN)).toBe('–');
  });
});

describe('announcement', () => {
  it('reads one line digit by digit', () => {
    expect(
      announcement(result([[digit(1, 0.9), digit(2, 0.9), digit(3, 0.9), digit(4, 0.9)]])),
    ).toBe('Read 4 digits: 1 2 3 4.');
  });
  it('names lines and doubtful digits', () => {
    const r = result([[digit(7, 0.9)], [digit(0, 0.4, true), digit(5, 0.95)]]);
    expect(announcement(r)).toBe('Read 3 digits on 2 lines: 7, 0 5. 1 doubtful digit.');
  });
  it('says when nothing was found', () => {
    expect(announcement(result([]))).toBe('No digits found.');
  });
});

describe('flattenDigits and alternatives', () => {
  it('keeps reading order across lines', () => {
    const r = result([[digit(3, 0.9), digit(1, 0.9)], [digit(4, 0.9)]]);
    expect(flattenDigits(r).map((d) => d.label)).toEqual([3, 1, 4]);
    expect(flattenDigits(null)).toEqual([]);
  });
  it('lists runner-ups without the answer', () => {
    expect(alternatives(digit(8, 0.8)).map((g) => g.label)).toEqual([9, 0]);
  });
});

describe('timings', () => {
  it('prefers the total entry and formats it', () => {
    expect(totalMs({ a: 1, total: 12 })).toBe(12);
    expect(totalMs({ a: 1, b: 2.5 })).toBe(3.5);
    expect(totalMs({})).toBeNull();
    expect(formatMs(41.6)).toBe('42 ms');
    expect(formatMs(1520)).toBe('1.5 s');
  });
});

describe('resultView', () => {
  it('is idle without an item', () => {
    expect(resultView(undefined)).toEqual({ status: 'idle', text: '', error: null, result: null });
  });
  it('keeps the previous text while a new reading is working', () => {
    const r = result([[digit(4, 0.9), digit(2, 0.9)]]);
    expect(resultView({ status: 'working', result: r, error: null }).text).toBe('42');
  });
  it('shows the error and no text on failure', () => {
    const v = resultView({ status: 'error', result: null, error: 'Bad file.' });
    expect(v).toMatchObject({ status: 'error', text: '', error: 'Bad file.' });
  });
});

describe('indexLines', () => {
  it('gives each line the flattened index of its first digit', () => {
    const r = result([[digit(1, 0.9), digit(2, 0.9)], [digit(3, 0.9)], [digit(4, 0.9)]]);
    expect(indexLines(r).map((l) => l.start)).toEqual([0, 2, 3]);
    expect(indexLines(null)).toEqual([]);
  });
});

describe('pairCheckNote', () => {
  it('says nothing when the pair check was not asked', () => {
    expect(pairCheckNote(result([[digit(1, 0.9), digit(2, 0.9), digit(3, 0.9)]]))).toBeNull();
  });
  it('explains a merge with how sure the check is that the pieces are one digit', () => {
    const r = { ...result([[digit(0, 0.98)]]), pairCheck: { twoDigits: 0.03, merged: true } };
    expect(pairCheckNote(r)).toBe(
      'Two pieces read as one digit: the pair check is 97% sure they are one.',
    );
  });
  it('explains two digits kept apart', () => {
    const r = {
      ...result([[digit(1, 0.9), digit(0, 0.9)]]),
      pairCheck: { twoDigits: 0.999, merged: false },
    };
    expect(pairCheckNote(r)).toBe(
      'Read as two digits: the pair check gives >99% for two, not one wide digit.',
    );
  });
});

describe('lineReaderNote', () => {
  const summary = { segmented: 2, read: 2, resplitLines: 0, leftOut: 0, separators: 0 };
  const base = result([[digit(1, 0.9), digit(7, 0.9)]]);
  it('says nothing when the line reader changed nothing or did not run', () => {
    expect(lineReaderNote(base)).toBeNull();
    expect(lineReaderNote({ ...base, lineReader: summary })).toBeNull();
  });
  it('says when touching digits were told apart, marks left out and separators kept', () => {
    const r = {
      ...base,
      lineReader: { segmented: 1, read: 2, resplitLines: 1, leftOut: 2, separators: 1 },
    };
    expect(lineReaderNote(r)).toBe(
      'The line reader found 2 digits where the shapes alone suggested 1: touching digits were told apart; 2 marks that are not digits were left out; 1 separator (. , / - :) kept.',
    );
  });
  it('says when the image looks like texture rather than writing', () => {
    const r = { ...base, lineReader: { ...summary, texture: true } };
    expect(lineReaderNote(r)).toBe(
      'Most marks in this image do not look like writing (a texture or noise?), so every digit is marked doubtful.',
    );
  });
});
