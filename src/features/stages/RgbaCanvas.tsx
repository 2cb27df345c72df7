import { useEffect, useRef, type CanvasHTMLAttributes } from 'react';
import type { RgbaImage } from '../../engine/types';

/** Paints plain RGBA pixels (a stage image, a crop) into a canvas at their own size. */
export function RgbaCanvas({
  image,
  ...props
}: { image: RgbaImage } & CanvasHTMLAttributes<HTMLCanvasElement>) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || image.width <= 0 || image.height <= 0) return;
    canvas.width = image.width;
    canvas.height = image.height;
    // The worker's buffer is a plain ArrayBuffer; ImageData wants exactly that type.
    const pixels = image.data as Uint8ClampedArray<ArrayBuffer>;
    ctx.putImageData(new ImageData(pixels, image.width, image.height), 0, 0);
  }, [image]);
  return <canvas ref={ref} width={image.width} height={image.height} {...props} />;
}
