import type { LiveSnapshot } from './liveReader';

/**
 * Boxes and digits of the live reading drawn over the preview. The SVG spans the video's box,
 * which has the video's own aspect ratio, so frame pixels map straight onto it.
 */
export function LiveOverlay({ live }: { live: LiveSnapshot }) {
  const { frameWidth: w, frameHeight: h } = live;
  const unit = Math.max(w, h) / 100;
  return (
    <svg
      data-testid="live-overlay"
      aria-hidden="true"
      viewBox={`0 0 ${w || 1} ${h || 1}`}
      preserveAspectRatio="xMidYMid meet"
      className="pointer-events-none absolute inset-0 size-full"
    >
      {live.digits.map((d, i) => {
        const color = d.doubtful ? '#f59e0b' : '#10b981';
        const size = Math.max(4 * unit, Math.min(d.box.height * 0.45, 10 * unit));
        return (
          <g key={i}>
            <rect
              x={d.box.x}
              y={d.box.y}
              width={d.box.width}
              height={d.box.height}
              fill="none"
              stroke={color}
              strokeWidth={0.6 * unit}
              rx={unit}
            />
            <text
              x={d.box.x + d.box.width / 2}
              y={Math.max(size, d.box.y - unit)}
              textAnchor="middle"
              fontSize={size}
              fontWeight={700}
              fill={color}
              stroke="#000"
              strokeWidth={0.25 * unit}
              paintOrder="stroke"
            >
              {d.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
