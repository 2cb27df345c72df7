import { useEffect, useRef } from 'react';

/**
 * Shows a blob through an object URL, set on the element directly and revoked when the blob
 * changes or the thumbnail unmounts (removal, "Clear all"), so no URL outlives its item.
 */
export function BlobThumbnail({ blob, className }: { blob: Blob; className?: string }) {
  const ref = useRef<HTMLImageElement>(null);
  useEffect(() => {
    const img = ref.current;
    if (!img) return undefined;
    const url = URL.createObjectURL(blob);
    img.src = url;
    return () => {
      img.removeAttribute('src');
      URL.revokeObjectURL(url);
    };
  }, [blob]);
  return <img ref={ref} alt="" className={className} draggable={false} />;
}
