import { useRef, type KeyboardEvent } from 'react';
import { useAppStore } from '../store/appStore';
import type { InputMode } from '../store/inputSlice';

const MODES: { id: InputMode; label: string; hint: string; icon: string }[] = [
  { id: 'draw', label: 'Draw', hint: 'Write digits with a mouse, finger or pen', icon: '✎' },
  { id: 'upload', label: 'Upload', hint: 'Photos, scans or screenshots', icon: '⇪' },
  { id: 'camera', label: 'Camera', hint: 'Snap a page with your camera', icon: '◉' },
];

export function ModeTabs() {
  const mode = useAppStore((s) => s.mode);
  const setMode = useAppStore((s) => s.setMode);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  // Arrow keys move between tabs (WAI-ARIA tabs pattern).
  const onKeyDown = (e: KeyboardEvent, index: number): void => {
    const delta = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    e.preventDefault();
    const next = (index + delta + MODES.length) % MODES.length;
    setMode(MODES[next]!.id);
    refs.current[next]?.focus();
  };

  return (
    <div
      role="tablist"
      aria-label="Input"
      className="grid grid-cols-3 gap-1 rounded-xl bg-slate-200/70 p-1 dark:bg-slate-800"
    >
      {MODES.map((m, i) => {
        const selected = m.id === mode;
        return (
          <button
            key={m.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${m.id}`}
            aria-controls={`panel-${m.id}`}
            aria-selected={selected}
            tabIndex={selected ? 0 : -1}
            title={m.hint}
            data-testid={`mode-${m.id}`}
            onClick={() => setMode(m.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
            className={`flex min-h-11 items-center justify-center gap-2 rounded-lg px-2 text-sm font-semibold transition ${
              selected
                ? 'bg-white text-indigo-700 shadow-sm dark:bg-slate-950 dark:text-indigo-300'
                : 'text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100'
            }`}
          >
            <span aria-hidden="true">{m.icon}</span>
            {m.label}
          </button>
        );
      })}
    </div>
  );
}
