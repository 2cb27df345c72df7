import { useEffect, useRef } from 'react';

/** A personal sample's 28x28 crop as the model saw it (white ink on black), pixels scaled up. */
export function SampleThumbnail({ crop, label }: { crop: Float32Array; label: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(28, 28);
    for (let i = 0; i < 784; i++) {
      const v = Math.round(Math.min(1, Math.max(0, crop[i] ?? 0)) * 255);
      image.data.set([v, v, v, 255], i * 4);
    }
    ctx.putImageData(image, 0, 0);
  }, [crop]);
  return (
    <canvas
      ref={ref}
      width={28}
      height={28}
      role="img"
      aria-label={`Your ${label}`}
      className="size-12 rounded-md bg-black [image-rendering:pixelated]"
    />
  );
}
