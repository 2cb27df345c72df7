import { useCallback, useEffect, useState, type RefObject } from 'react';

/**
 * Full screen for one element: the Fullscreen API where the browser has it (phones' Chrome,
 * desktops), else the caller shows the element as a fixed full-viewport overlay (iPhone Safari
 * has no element fullscreen). Escape, the system back gesture or the browser's own exit all
 * end it; the state follows.
 */
export function useFullscreen(ref: RefObject<HTMLElement | null>) {
  const [active, setActive] = useState(false);

  useEffect(() => {
    const onChange = (): void => {
      // Left native fullscreen by the browser's own means (Esc, back): leave ours too.
      if (!document.fullscreenElement) setActive(false);
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  useEffect(() => {
    if (!active || document.fullscreenElement) return;
    // The overlay fallback: Escape closes it, as it would close native fullscreen.
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') setActive(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [active]);

  const enter = useCallback(async () => {
    setActive(true);
    const el = ref.current;
    if (!el || !document.fullscreenEnabled || !el.requestFullscreen) return;
    try {
      await el.requestFullscreen({ navigationUI: 'hide' });
    } catch {
      // Refused (no user gesture, a policy): the overlay still fills the viewport.
    }
  }, [ref]);

  const exit = useCallback(async () => {
    setActive(false);
    if (document.fullscreenElement) await document.exitFullscreen().catch(() => undefined);
  }, []);

  return { active, enter, exit };
}
