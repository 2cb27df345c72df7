import { useRef, useState, type DragEvent } from 'react';
import { takeDrop } from './droppedFiles';
import { addPicked } from './uploadNotice';

/** Drag and drop onto the zone: the highlight while files are over it, and the drop itself. */
export function useDropZone() {
  const [dragging, setDragging] = useState(false);
  const dragDepth = useRef(0);

  // Counting enter/leave pairs: child elements fire their own and would make the highlight flicker.
  const onDragEnter = (e: DragEvent): void => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    dragDepth.current += 1;
    setDragging(true);
  };
  const onDragLeave = (): void => {
    dragDepth.current = Math.max(0, dragDepth.current - 1);
    if (dragDepth.current === 0) setDragging(false);
  };
  const onDragOver = (e: DragEvent): void => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    dragDepth.current = 0;
    setDragging(false);
    const drop = takeDrop(e.dataTransfer);
    void drop.files.then((files) => {
      if (files.length > 0) addPicked(files, drop.folder);
    });
  };

  return { dragging, handlers: { onDragEnter, onDragLeave, onDragOver, onDrop } };
}
