import { describe, expect, it, vi } from 'vitest';
import { copyText } from './copyText';

describe('copyText', () => {
  it('uses the Clipboard API when it is there', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    const fallback = vi.fn(() => true);
    await expect(copyText('12\n34', { writeText }, fallback)).resolves.toBe('copied');
    expect(writeText).toHaveBeenCalledWith('12\n34');
    expect(fallback).not.toHaveBeenCalled();
  });
  it('falls back when the API refuses', async () => {
    const writeText = vi.fn(() => Promise.reject(new Error('NotAllowedError')));
    const fallback = vi.fn(() => true);
    await expect(copyText('7', { writeText }, fallback)).resolves.toBe('copied');
    expect(fallback).toHaveBeenCalledWith('7');
  });
  it('reports unavailable when nothing works', async () => {
    await expect(copyText('7', undefined, () => false)).resolves.toBe('unavailable');
  });
});
