import { beforeEach, describe, expect, it } from 'vitest';
import { digitResult as digit, recognizeResult as result } from '../testing/results';
import { useAppStore } from './appStore';
import {
  correctDigit,
  correctionWasLatestEdit,
  doubtfulCount,
  isCorrected,
  noteOtherEdit,
  reapplyCorrections,
  subscribeCorrections,
  undoCorrection,
  type CorrectionEvent,
} from './corrections';
import { exportRecords } from './exportItems';

const at = (x: number, y = 0) => ({ x, y, width: 10, height: 20 });
const placed = (label: number, x: number, confidence = 0.9, doubtful = false, y = 0) => ({
  ...digit(label, confidence, doubtful),
  box: at(x, y),
});

beforeEach(() => {
  useAppStore.setState(useAppStore.getInitialState(), true);
  useAppStore.getState().addUploads([
    {
      id: 'u1',
      source: 'upload',
      name: 'form.png',
      status: 'done',
      error: null,
      result: result([[placed(4, 0), placed(8, 20, 0.31, true)], [placed(7, 0, 0.9, false, 40)]]),
    },
  ]);
});

const item = () => useAppStore.getState().items.u1!;

describe('correctDigit', () => {
  it('replaces the digit in the result and its text, and clears its doubt', () => {
    const events: CorrectionEvent[] = [];
    const stop = subscribeCorrections((e) => events.push(e));
    expect(doubtfulCount(item().result)).toBe(1);
    expect(correctDigit('u1', 0, 1, 3)).toBe(true);
    expect(item().result!.text).toBe('43\n7');
    expect(item().result!.lines[0]!.digits[1]).toMatchObject({ label: 3, doubtful: false });
    expect(doubtfulCount(item().result)).toBe(0);
    expect(isCorrected(item().corrections, 0, 1)).toBe(true);
    expect(item().corrections![0]).toMatchObject({ from: 8, to: 3, wasDoubtful: true });
    expect(item().corrections![0]!.crop28).toHaveLength(784);
    expect(events).toEqual([{ type: 'correct', itemId: 'u1', correction: item().corrections![0] }]);
    expect(correctionWasLatestEdit()).toBe(true);
    noteOtherEdit();
    expect(correctionWasLatestEdit()).toBe(false);
    stop();
  });

  it('refuses a digit that does not exist or a label that is not a digit', () => {
    expect(correctDigit('u1', 3, 0, 1)).toBe(false);
    expect(correctDigit('u1', 0, 0, 12)).toBe(false);
    expect(correctDigit('nope', 0, 0, 1)).toBe(false);
    expect(correctDigit('u1', 0, 0, 4)).toBe(false); // already a 4
    expect(item().corrections).toBeUndefined();
  });

  it('undo takes corrections back newest first, restoring the doubt', () => {
    correctDigit('u1', 0, 1, 3);
    correctDigit('u1', 0, 1, 5);
    expect(item().result!.text).toBe('45\n7');
    expect(item().corrections![1]!.from).toBe(8);
    undoCorrection('u1');
    expect(item().result!.text).toBe('43\n7');
    undoCorrection('u1');
    expect(item().result!.text).toBe('48\n7');
    expect(item().result!.lines[0]!.digits[1]!.doubtful).toBe(true);
    expect(undoCorrection('u1')).toBe(false);
  });

  it('the export carries the corrected label and what the engine read', () => {
    correctDigit('u1', 0, 1, 3);
    const [rec] = exportRecords(useAppStore.getState());
    expect(rec!.name).toBe('form.png');
    expect(rec!.digits[1]).toMatchObject({ label: 3, originalLabel: 8, corrected: true });
  });
});

describe('reapplyCorrections', () => {
  it('follows the digit by its box when a new digit shifts reading order; drops lost ink', () => {
    correctDigit('u1', 0, 1, 3);
    correctDigit('u1', 1, 0, 1);
    // Read again: a digit appeared in front of the first line; the 7 of line 2 is gone.
    const fresh = result([[placed(2, -30), placed(4, 0), placed(8, 21, 0.3, true)]]);
    const { result: r, corrections } = reapplyCorrections(fresh, item().corrections);
    expect(r.text).toBe('243');
    expect(corrections).toHaveLength(1);
    expect(corrections[0]).toMatchObject({ line: 0, index: 2, from: 8, to: 3 });
  });
});
