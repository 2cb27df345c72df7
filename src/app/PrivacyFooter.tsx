import { useState } from 'react';
import { useAppStore } from '../store/appStore';

/**
 * What the app keeps on this device (only preferences: theme and pipeline parameters) and a
 * way to forget them. Images and results live in memory only and vanish with the tab.
 */
export function PrivacyFooter() {
  const [forgotten, setForgotten] = useState(false);
  const forget = (): void => {
    const initial = useAppStore.getInitialState();
    useAppStore.setState({ settings: initial.settings, params: initial.params });
    useAppStore.persist.clearStorage();
    setForgotten(true);
  };
  return (
    <footer className="mt-10 space-y-2 text-center text-xs text-slate-500 dark:text-slate-400">
      <p>
        OpenCV.js finds each digit, a small neural network trained on MNIST reads it. Everything
        runs in this browser tab; no image ever leaves your device.
      </p>
      <p>
        Stored on this device: your theme and pipeline settings, and your handwriting samples while
        &ldquo;Learn my handwriting&rdquo; is on (forget them in its panel).{' '}
        <button
          type="button"
          data-testid="forget-settings"
          onClick={forget}
          className="underline decoration-dotted underline-offset-2 hover:text-slate-800 dark:hover:text-slate-200"
        >
          {forgotten ? 'Forgotten' : 'Forget them'}
        </button>
      </p>
    </footer>
  );
}
