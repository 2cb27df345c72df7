import { useEffect } from 'react';
import { CameraPanel } from '../features/camera/CameraPanel';
import { DrawPanel } from '../features/draw/DrawPanel';
import { LearnPanel } from '../features/learn/LearnPanel';
import { ResultPanel } from '../features/result/ResultPanel';
import { StagesPanel } from '../features/stages/StagesPanel';
import { UploadPanel } from '../features/upload/UploadPanel';
import { useWindowFiles } from '../features/upload/useWindowFiles';
import { useAppStore } from '../store/appStore';
import type { InputMode } from '../store/inputSlice';
import { Panel } from '../ui/Panel';
import { EngineErrorBanner } from './EngineErrorBanner';
import { EngineStatus } from './EngineStatus';
import { ErrorBoundary } from './ErrorBoundary';
import { ModeTabs } from './ModeTabs';
import { ParamsBadge } from './ParamsBadge';
import { PrivacyFooter } from './PrivacyFooter';
import { PwaStatus } from './PwaStatus';
import { ThemeToggle } from './ThemeToggle';
import { useTheme } from './useTheme';

const PANELS: Record<
  InputMode,
  { title: string; area: string; Component: () => React.JSX.Element }
> = {
  draw: { title: 'Draw digits', area: 'the drawing pad', Component: DrawPanel },
  upload: { title: 'Upload images', area: 'the upload area', Component: UploadPanel },
  camera: { title: 'Camera', area: 'the camera', Component: CameraPanel },
};

export function App() {
  useTheme();
  useWindowFiles();
  useEffect(() => {
    performance.mark('digit-lens:interactive');
  }, []);
  const mode = useAppStore((s) => s.mode);
  const { title, area, Component } = PANELS[mode];

  return (
    <div className="mx-auto flex min-h-screen max-w-7xl flex-col px-3 pb-10 sm:px-6">
      <header className="flex flex-wrap items-center justify-between gap-3 py-4 sm:py-6">
        <div className="flex items-center gap-3">
          <img src="/favicon.svg" alt="" className="size-10 rounded-xl" width="40" height="40" />
          <div>
            <h1 className="text-xl font-bold tracking-tight sm:text-2xl">Digit Lens</h1>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Reads handwritten digits — on your device, nothing uploaded.
            </p>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <ParamsBadge />
          <EngineStatus />
          <ThemeToggle />
        </div>
      </header>

      <EngineErrorBanner />
      <main className="grid flex-1 gap-4 lg:grid-cols-[minmax(0,1.15fr)_minmax(0,1fr)] lg:gap-6">
        <div className="flex min-w-0 flex-col gap-3">
          <ModeTabs />
          <div role="tabpanel" id={`panel-${mode}`} aria-labelledby={`tab-${mode}`}>
            <Panel title={title} labelledBy={`panel-title-${mode}`}>
              <ErrorBoundary key={mode} area={area}>
                <Component />
              </ErrorBoundary>
            </Panel>
          </div>
        </div>
        {/* Wide screens: the result stays beside the input however long the batch list grows. */}
        <div className="min-w-0 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto lg:rounded-2xl">
          <ErrorBoundary area="the result">
            <ResultPanel />
          </ErrorBoundary>
        </div>
        <div className="min-w-0 lg:col-span-2">
          <ErrorBoundary area="the pipeline view">
            <StagesPanel />
          </ErrorBoundary>
        </div>
        <div className="min-w-0 lg:col-span-2">
          <ErrorBoundary area="learning your handwriting">
            <LearnPanel />
          </ErrorBoundary>
        </div>
      </main>

      <PwaStatus />
      <PrivacyFooter />
    </div>
  );
}
