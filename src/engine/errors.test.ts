import { describe, expect, it } from 'vitest';
import {
  EngineError,
  FALLBACK_MESSAGES,
  isCancelled,
  toEngineErrorData,
  userMessageOf,
} from './errors';

describe('the engine error model', () => {
  it('crosses the worker boundary as plain data and comes back the same', () => {
    const sent = new EngineError('image-too-large', '9000x9000');
    const data = toEngineErrorData(sent);
    expect(structuredClone(data)).toEqual(data);
    const back = EngineError.fromData(data);
    expect(back).toBeInstanceOf(EngineError);
    expect(back.toJSON()).toEqual(sent.toJSON());
    expect(back.userMessage).toMatch(/too large/);
  });

  it('keeps a sentence that names the file over the code’s general one', () => {
    const err = new EngineError('empty-file', 'a.png: 0 bytes', {
      userMessage: '"a.png" is empty.',
    });
    expect(EngineError.fromData(err.toJSON()).userMessage).toBe('"a.png" is empty.');
  });

  it('turns anything else into internal, told with the sentence the caller gives', () => {
    expect(toEngineErrorData(new Error('boom'), FALLBACK_MESSAGES.start)).toEqual({
      code: 'internal',
      message: 'boom',
      userMessage: FALLBACK_MESSAGES.start,
    });
    expect(toEngineErrorData('plain string').message).toBe('plain string');
    expect(userMessageOf({ userMessage: 'duck-typed' }, 'fallback')).toBe('fallback');
  });

  it('recognises a cancellation only by its code', () => {
    expect(isCancelled(new EngineError('cancelled', 'x'))).toBe(true);
    expect(isCancelled(new EngineError('disposed', 'x'))).toBe(false);
    expect(isCancelled(Object.assign(new Error('x'), { code: 'cancelled' }))).toBe(false);
  });
});
