import { useEffect, useRef, useState } from 'react';

/** Longest side of a thumbnail in device pixels (shown at 64 CSS px, sharp at 2x). */
const THUMB_SIDE = 128;

/**
 * A small canvas preview of an uploaded file. A canvas instead of an <img> with an object URL:
 * it holds a 128 px bitmap rather than a full decoded photo per item, leaves no URL to revoke,
 * and needs no blob: exception in the page's Content-Security-Policy. Files the browser cannot
 * decode show a placeholder (the item says why).
 */
export function FileThumbnail({ file, className }: { file: Blob; className?: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);

  // Decoded only once near the screen: a batch of 500 photos must not decode 500 at once.
  const [visible, setVisible] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || visible) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setVisible(true);
      },
      { rootMargin: '200px' },
    );
    observer.observe(canvas.parentElement ?? canvas);
    return () => observer.disconnect();
  }, [visible]);

  useEffect(() => {
    if (!visible) return;
    let cancelled = false;
    createImageBitmap(file).then(
      (bitmap) => {
        const canvas = ref.current;
        const ctx = canvas?.getContext('2d');
        if (!cancelled && canvas && ctx) {
          const scale = Math.min(1, THUMB_SIDE / Math.max(bitmap.width, bitmap.height));
          canvas.width = Math.max(1, Math.round(bitmap.width * scale));
          canvas.height = Math.max(1, Math.round(bitmap.height * scale));
          ctx.imageSmoothingQuality = 'high';
          ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        }
        bitmap.close();
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [file, visible]);

  if (failed) {
    return (
      <span aria-hidden="true" className="text-xl text-slate-400">
        ▦
      </span>
    );
  }
  return <canvas ref={ref} width={0} height={0} aria-hidden="true" className={className} />;
}
