import { useRef } from 'react';
import { BatchList } from './BatchList';
import { DropZone } from './DropZone';
import { SkippedNotice } from './SkippedNotice';

/**
 * Choose, drop or paste images, or a whole folder; each image becomes a batch item read in the
 * worker. Pasting (any tab) and drops outside the zone are taken by useWindowFiles.
 */
export function UploadPanel() {
  // The file button: where focus goes when the batch list empties.
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <div className="flex flex-col gap-4">
      <DropZone inputRef={inputRef} />
      <SkippedNotice />
      <BatchList inputRef={inputRef} />
    </div>
  );
}
