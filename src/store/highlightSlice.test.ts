import { beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from './appStore';

describe('highlight slice', () => {
  beforeEach(() => useAppStore.setState(useAppStore.getInitialState()));

  it('starts with nothing highlighted', () => {
    expect(useAppStore.getState().highlight).toBeNull();
  });

  it('sets and clears the highlighted digit', () => {
    useAppStore.getState().setHighlight(2);
    expect(useAppStore.getState().highlight).toBe(2);
    useAppStore.getState().setHighlight(null);
    expect(useAppStore.getState().highlight).toBeNull();
  });
});
