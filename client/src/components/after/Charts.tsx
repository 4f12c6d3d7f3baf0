/**
 * The statistics page's bar charts, drawn by Chart.js on a canvas. This module is loaded by that page only,
 * when it opens (`import()`), so neither the login screen nor the dashboard carry Chart.js; it registers
 * only what a bar chart needs. It imports nothing of React (the page holds the component), so loading it
 * on demand leaves the way the rest of the console is bundled as it was. The numbers are also in a table
 * beside each chart (for screen readers and print): the canvas is a picture of them.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
Chart.defaults.font.family = "system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";
Chart.defaults.font.size = 13;
Chart.defaults.color = '#111827';

export interface Bar {
  /** one line, or several (an array) */
  label: string | string[];
  value: number;
  fill: string;
  /** the outline: a level the plan gives no colour is white with a dark edge, never grey */
  border?: string;
}

/**
 * Draws one bar per value on the canvas — `horizontal` for long names (plans, levels), upright for months —
 * and gives back what takes it down again.
 */
export function drawBars(
  canvas: HTMLCanvasElement,
  bars: readonly Bar[],
  { horizontal, valueLabel }: { horizontal: boolean; valueLabel: string },
): () => void {
  const value = { beginAtZero: true, ticks: { precision: 0 }, grid: { color: '#e5e7eb' } };
  // every name is shown (the height leaves room for them): none is skipped for lack of space
  const names = { grid: { display: false }, ticks: { autoSkip: false } };
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: bars.map((b) => b.label),
      datasets: [
        {
          label: valueLabel,
          data: bars.map((b) => b.value),
          backgroundColor: bars.map((b) => b.fill),
          borderColor: bars.map((b) => b.border ?? b.fill),
          borderWidth: 2,
          maxBarThickness: 48,
        },
      ],
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: false } },
      scales: horizontal ? { x: value, y: names } : { x: names, y: value },
    },
  });
  return () => chart.destroy();
}
