import { useAppStore } from '../store/appStore';
import { restartEngine } from '../store/engine';
import { Button } from '../ui/Button';
import { ErrorMessage } from '../ui/ErrorMessage';

/** When the engine cannot start, say why and offer a retry; drawing and uploads stay usable. */
export function EngineErrorBanner() {
  const error = useAppStore((s) => (s.engine.state === 'error' ? s.engine.error : null));
  if (!error) return null;
  return (
    <div className="mb-4">
      <ErrorMessage
        action={
          <Button variant="danger" onClick={() => void restartEngine().catch(() => undefined)}>
            Retry
          </Button>
        }
      >
        {error}
      </ErrorMessage>
    </div>
  );
}
