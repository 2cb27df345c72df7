import { useRef, useState } from 'react';
import { userMessageOf } from '../../engine/errors';
import { useAppStore } from '../../store/appStore';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Panel } from '../../ui/Panel';
import { SampleThumbnail } from './SampleThumbnail';
import { exportFileName, samplesSummary } from './sampleText';

/** Thumbnails shown before "Show all": enough to recognise recent corrections. */
const SHOWN = 40;

/**
 * "Learn my handwriting": the opt-in switch and the samples it keeps (view, delete one,
 * forget all, export and import as a JSON file). Samples stay on this device.
 */
export function LearnPanel() {
  const enabled = useAppStore((s) => s.personal.enabled);
  const samples = useAppStore((s) => s.personal.samples);
  const storageError = useAppStore((s) => s.personal.error);
  const inUse = useAppStore((s) => s.personal.inUse);
  const setEnabled = useAppStore((s) => s.setLearnEnabled);
  const remove = useAppStore((s) => s.deletePersonalSample);
  const forget = useAppStore((s) => s.forgetPersonalSamples);
  const [showAll, setShowAll] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const exportSamples = (): void => {
    const blob = new Blob([useAppStore.getState().exportPersonalSamples()], {
      type: 'application/json',
    });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(new Date());
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const importFile = async (file: File): Promise<void> => {
    setImportError(null);
    try {
      const n = await useAppStore.getState().importPersonalSamples(await file.text());
      setNote(n === 1 ? 'Imported 1 sample.' : `Imported ${n} samples.`);
    } catch (err) {
      setNote(null);
      setImportError(
        userMessageOf(
          err,
          'This file could not be read. Choose a file made with "Export samples".',
        ),
      );
    }
  };

  const shown = showAll ? samples : samples.slice(-SHOWN);
  return (
    <Panel title="Learn my handwriting" labelledBy="learn-title">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <p className="max-w-prose text-sm text-slate-600 dark:text-slate-400">
          When this is on, digits you correct are kept on this device (never sent anywhere) and the
          reader adapts to them. A digit read with their help says so.
        </p>
        <button
          type="button"
          role="switch"
          data-testid="learn-toggle"
          aria-checked={enabled}
          aria-labelledby="learn-title"
          onClick={() => setEnabled(!enabled)}
          className={`relative inline-flex h-7 w-12 shrink-0 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 ${
            enabled ? 'bg-indigo-600' : 'bg-slate-300 dark:bg-slate-600'
          }`}
        >
          <span
            aria-hidden="true"
            className={`inline-block size-5 rounded-full bg-white shadow transition-transform ${
              enabled ? 'translate-x-6' : 'translate-x-1'
            }`}
          />
        </button>
      </div>

      <p
        data-testid="personal-samples"
        data-count={samples.length}
        data-in-use={inUse ?? undefined}
        aria-live="polite"
        className="mt-3 text-sm font-medium"
      >
        {samplesSummary(samples.length, enabled)}
      </p>

      {shown.length > 0 && (
        <ul aria-label="Your samples" className="mt-3 flex flex-wrap gap-2">
          {shown.map((s) => (
            <li
              key={s.id}
              data-testid="personal-sample"
              data-label={s.label}
              className="flex flex-col items-center gap-1 rounded-lg bg-slate-50 p-1.5 ring-1 ring-slate-200 dark:bg-slate-800/60 dark:ring-slate-700"
            >
              <SampleThumbnail crop={s.crop28} label={s.label} />
              <span className="flex items-center gap-1 text-xs">
                <span className="font-mono font-bold">{s.label}</span>
                <button
                  type="button"
                  data-testid="delete-sample"
                  aria-label={`Delete this sample of a ${s.label}`}
                  onClick={() => void remove(s.id)}
                  className="grid size-6 place-items-center rounded text-slate-500 hover:bg-rose-100 hover:text-rose-700 dark:text-slate-400 dark:hover:bg-rose-950 dark:hover:text-rose-200"
                >
                  ×
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {samples.length > SHOWN && (
        <button
          type="button"
          onClick={() => setShowAll(!showAll)}
          className="mt-2 text-sm text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
        >
          {showAll ? `Show the newest ${SHOWN}` : `Show all ${samples.length}`}
        </button>
      )}

      <div className="mt-3 flex flex-wrap gap-2">
        <Button data-testid="export-samples" onClick={exportSamples}>
          Export samples
        </Button>
        <Button data-testid="import-samples-button" onClick={() => fileInput.current?.click()}>
          Import samples
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          data-testid="import-samples"
          className="sr-only"
          tabIndex={-1}
          aria-label="Import a samples file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
        <Button
          data-testid="forget-samples"
          variant="ghost"

          onClick={() => {
            const n = samples.length;
            void forget();
            setNote(n === 1 ? 'Forgot 1 sample.' : `Forgot ${n} samples.`);
          }}
        >
          Forget all samples
        </Button>
      </div>
      {note && (
        <p role="status" className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          {note}
        </p>
      )}
      {(importError ?? storageError) && (
        <div className="mt-3">
          <ErrorMessage>{importError ?? storageError}</ErrorMessage>
        </div>
      )}
    </Panel>
  );
}
