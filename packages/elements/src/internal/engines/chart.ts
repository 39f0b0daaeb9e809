// The chart chunk: chart.js, tree-shaken to bar/line/pie/doughnut. It takes plain data and a
// canvas (no lit here: in the embed this file is its own ES module beside gongkai.js).
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(
  BarController,
  LineController,
  PieController,
  DoughnutController,
  BarElement,
  LineElement,
  PointElement,
  ArcElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
);

export interface ChartSpec {
  type: 'bar' | 'line' | 'pie' | 'doughnut';
  labels: string[];
  datasets: { label: string; data: (number | null)[] }[];
}

export interface ChartOptions {
  /** Colours, one per series (or per slice of a pie); patterns are drawn over them. */
  palette: readonly string[];
  /** Formats a value for axes, tooltips and labels (万, 亿, %, units). */
  format: (value: number) => string;
  /** false under prefers-reduced-motion. */
  animate: boolean;
  /** Text colour for axes and legend. */
  color?: string;
  font?: string;
}

export interface ChartHandle {
  readonly animated: boolean;
  /** Ends any animation and draws the final state now (before copying the canvas). */
  finish(): void;
  destroy(): void;
}

type Shape = 'diagonal' | 'dots' | 'cross' | 'horizontal' | 'vertical' | 'zigzag' | 'none';
const SHAPES: Shape[] = ['none', 'diagonal', 'dots', 'horizontal', 'cross', 'vertical', 'zigzag'];
const POINTS = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star', 'rectRounded'] as const;
const DASHES = [[], [8, 4], [2, 3], [12, 3, 2, 3], [4, 4], [1, 6], [10, 10]];

/** A fill that tells series apart without colour: the colour with a black-or-white texture. */
function pattern(color: string, shape: Shape): CanvasPattern | string {
  if (shape === 'none') return color;
  const tile = document.createElement('canvas');
  tile.width = tile.height = 12;
  const c = tile.getContext('2d');
  if (!c) return color;
  c.fillStyle = color;
  c.fillRect(0, 0, 12, 12);
  c.strokeStyle = c.fillStyle = 'rgba(255,255,255,0.75)';
  c.lineWidth = 2;
  c.beginPath();
  switch (shape) {
    case 'diagonal':
      c.moveTo(-3, 3);
      c.lineTo(3, -3);
      c.moveTo(0, 12);
      c.lineTo(12, 0);
      c.moveTo(9, 15);
      c.lineTo(15, 9);
      break;
    case 'dots':
      c.arc(6, 6, 2.2, 0, Math.PI * 2);
      c.fill();
      break;
    case 'horizontal':
      c.moveTo(0, 6);
      c.lineTo(12, 6);
      break;
    case 'vertical':
      c.moveTo(6, 0);
      c.lineTo(6, 12);
      break;
    case 'cross':
      c.moveTo(0, 6);
      c.lineTo(12, 6);
      c.moveTo(6, 0);
      c.lineTo(6, 12);
      break;
    case 'zigzag':
      c.moveTo(0, 8);
      c.lineTo(3, 4);
      c.lineTo(6, 8);
      c.lineTo(9, 4);
      c.lineTo(12, 8);
      break;
  }
  c.stroke();
  return c.createPattern(tile, 'repeat') ?? color;
}

/** Draws `spec` on `canvas` (responsive to its parent's width); destroy() frees it. */
export function renderChart(canvas: HTMLCanvasElement, spec: ChartSpec, options: ChartOptions): ChartHandle {
  const { palette, format, animate } = options;
  const round = spec.type === 'pie' || spec.type === 'doughnut';
  const colour = (i: number) => palette[i % palette.length] ?? '#000';
  const shape = (i: number) => SHAPES[i % SHAPES.length] ?? 'none';
  const datasets = spec.datasets.map((d, i) => {
    if (round) {
      return {
        label: d.label,
        data: d.data,
        backgroundColor: d.data.map((_, j) => pattern(colour(j), shape(j))),
        borderColor: '#fff',
        borderWidth: 2,
      };
    }
    if (spec.type === 'line') {
      return {
        label: d.label,
        data: d.data,
        borderColor: colour(i),
        backgroundColor: colour(i),
        borderDash: DASHES[i % DASHES.length],
        pointStyle: POINTS[i % POINTS.length],
        pointRadius: 5,
        borderWidth: 3,
      };
    }
    return {
      label: d.label,
      data: d.data,
      backgroundColor: pattern(colour(i), shape(i)),
      borderColor: colour(i),
      borderWidth: 1,
    };
  });
  const font = { family: options.font, size: 14 };
  const config: ChartConfiguration = {
    type: spec.type,
    data: { labels: spec.labels, datasets: datasets as ChartConfiguration['data']['datasets'] },
    options: {
      responsive: true,
      maintainAspectRatio: true,
      aspectRatio: round ? 1.4 : 1.8,
      animation: animate ? { duration: 600 } : false,
      color: options.color,
      font,
      plugins: {
        legend: {
          display: round || spec.datasets.length > 1,
          position: 'bottom',
          labels: { usePointStyle: spec.type === 'line', color: options.color, font },
        },
        tooltip: {
          callbacks: {
            label: (item) => {
              const name = round ? String(item.label) : item.dataset.label;
              const value = typeof item.raw === 'number' ? format(item.raw) : '—';
              return name ? `${name}: ${value}` : value;
            },
          },
        },
      },
      scales: round
        ? {}
        : {
            x: { ticks: { color: options.color, font } },
            y: {
              beginAtZero: true,
              ticks: { color: options.color, font, callback: (value) => format(Number(value)) },
            },
          },
    },
  };
  const chart = new Chart(canvas, config);
  return {
    animated: animate,
    finish: () => {
      chart.stop();
      chart.update('none');
    },
    destroy: () => chart.destroy(),
  };
}
