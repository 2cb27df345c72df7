import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { activeItemId, useAppStore } from './store/appStore';
import { crashEngine, engineStats, startEngine } from './store/engine';
import { startPersonalSync } from './store/personalSync';
import './index.css';

// Start the engine before React renders: the UI is interactive while it loads.
void startEngine().catch(() => undefined);
// Personal samples (opt-in) follow the engine into every worker it starts.
startPersonalSync();

// A read-only probe for the leak tests and the benchmark: counters and timings, never image data.
Object.assign(window, {
  digitLens: {
    stats: engineStats,
    crashEngine,
    lastTimings: () => {
      const s = useAppStore.getState();
      const id = activeItemId(s);
      return id ? (s.items[id]?.result?.timings ?? null) : null;
    },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
