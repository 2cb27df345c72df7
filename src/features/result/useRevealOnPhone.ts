import { useEffect, useRef, type RefObject } from 'react';
import { useAppStore } from '../../store/appStore';

/**
 * Narrow screens stack the result under the input: when new input arrives (an upload, a
 * capture) the result is scrolled into view, its top below the top edge, so nothing covers it.
 */
export function useRevealOnPhone(target: RefObject<HTMLElement | null>): void {
  const seq = useAppStore((s) => s.revealSeq);
  const seen = useRef(seq);
  useEffect(() => {
    if (seq === seen.current) return;
    seen.current = seq;
    if (!window.matchMedia('(max-width: 1023.98px)').matches) return;
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const el = target.current?.closest('section') ?? target.current;
    el?.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
  }, [seq, target]);
}
