import { useAppStore } from '../store/appStore';
import type { ThemeSetting } from '../store/settingsSlice';

const NEXT: Record<ThemeSetting, ThemeSetting> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<ThemeSetting, string> = { system: 'Auto', light: 'Light', dark: 'Dark' };
const ICON: Record<ThemeSetting, string> = { system: '◐', light: '☀', dark: '☾' };

export function ThemeToggle() {
  const theme = useAppStore((s) => s.settings.theme);
  const setTheme = useAppStore((s) => s.setTheme);
  return (
    <button
      type="button"
      data-testid="theme-toggle"
      onClick={() => setTheme(NEXT[theme])}
      aria-label={`Theme: ${LABEL[theme]}. Switch to ${LABEL[NEXT[theme]]}.`}
      className="inline-flex h-9 items-center gap-1.5 rounded-full px-3 text-xs font-medium text-slate-700 ring-1 ring-slate-200 hover:bg-slate-100 dark:text-slate-200 dark:ring-slate-700 dark:hover:bg-slate-800"
    >
      <span aria-hidden="true">{ICON[theme]}</span>
      {LABEL[theme]}
    </button>
  );
}
