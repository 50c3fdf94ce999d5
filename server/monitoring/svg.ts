// Charts drawn on the server as accessible SVG: a title and a description read by screen readers, text as
// text (not pixels), patterns as well as colours for series; the page shows the same figures as a table.
import { escapeHtml } from '../search/snippet';

export interface BarItem {
  label: string;
  value: number;
}

const COLORS = ['#00558c', '#b8400b', '#1e6b34', '#6b2a8c', '#8a4b00', '#4a5560', '#a4161a', '#005f5f'];
const DASHES = ['', '6 3', '2 3', '10 4 2 4', '1 2', '8 2', '4 4', '12 3'];

/** A label broken at spaces into lines of at most `max` characters (a longer word keeps a line of its own). */
export function wrapLabel(label: string, max = 30): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= max) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.length > 0 ? lines : [''];
}

export function barChart(id: string, title: string, description: string, items: BarItem[]): string {
  const width = 640;
  const labelWidth = 240;
  const barHeight = 22;
  const lineHeight = 15;
  const gap = 8;
  const max = Math.max(1, ...items.map((i) => i.value));
  const scale = (width - labelWidth - 60) / max;
  let y = gap;
  // Labels are wrapped, never cut: each row is as tall as its label; the full label is also the row's <title>.
  const bars = items
    .map((item) => {
      const lines = wrapLabel(item.label);
      const rowHeight = Math.max(barHeight, lines.length * lineHeight + 6);
      const top = y;
      y += rowHeight + gap;
      const w = Math.max(item.value > 0 ? 2 : 0, item.value * scale);
      const barTop = top + (rowHeight - barHeight) / 2;
      const firstLine = top + rowHeight / 2 - ((lines.length - 1) * lineHeight) / 2 + 4.5;
      const label = lines
        .map(
          (line, k) =>
            `<tspan x="${labelWidth - 8}" y="${(firstLine + k * lineHeight).toFixed(1)}">${escapeHtml(line)}</tspan>`,
        )
        .join('');
      return `<g><title>${escapeHtml(`${item.label}: ${item.value}`)}</title><text text-anchor="end" font-size="13" fill="#1b1f23">${label}</text><rect x="${labelWidth}" y="${barTop.toFixed(1)}" width="${w.toFixed(1)}" height="${barHeight}" fill="#00558c"/><text x="${(labelWidth + w + 6).toFixed(1)}" y="${(barTop + barHeight * 0.7).toFixed(1)}" font-size="13" fill="#1b1f23">${item.value}</text></g>`;
    })
    .join('');
  const height = Math.max(y, barHeight + 2 * gap);
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(description)}</desc>${bars}</svg>`;
}

export function lineChart(
  id: string,
  title: string,
  description: string,
  labels: string[],
  series: { name: string; values: number[] }[],
): string {
  const width = 640;
  const height = 260;
  const left = 40;
  const bottom = 40;
  const top = 12;
  const legendHeight = 20 * series.length;
  const plotWidth = width - left - 16;
  const plotHeight = height - bottom - top;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const x = (i: number) => left + (labels.length <= 1 ? plotWidth / 2 : (i * plotWidth) / (labels.length - 1));
  const y = (v: number) => top + plotHeight - (v / max) * plotHeight;
  const axis = `<line x1="${left}" y1="${top + plotHeight}" x2="${left + plotWidth}" y2="${top + plotHeight}" stroke="#4a5560"/><line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotHeight}" stroke="#4a5560"/><text x="${left - 6}" y="${top + 10}" text-anchor="end" font-size="12">${max}</text><text x="${left - 6}" y="${top + plotHeight}" text-anchor="end" font-size="12">0</text>`;
  const ticks = labels
    .map(
      (label, i) =>
        `<text x="${x(i).toFixed(1)}" y="${top + plotHeight + 18}" text-anchor="middle" font-size="11">${escapeHtml(label.slice(2))}</text>`,
    )
    .join('');
  const lines = series
    .map((s, k) => {
      const points = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
      const color = COLORS[k % COLORS.length];
      const dash = DASHES[k % DASHES.length];
      return `<polyline fill="none" stroke="${color}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ''} points="${points}"/>`;
    })
    .join('');
  const legend = series
    .map((s, k) => {
      const ly = height + 14 + k * 20;
      const dash = DASHES[k % DASHES.length];
      return `<line x1="${left}" y1="${ly - 4}" x2="${left + 30}" y2="${ly - 4}" stroke="${COLORS[k % COLORS.length]}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ''}/><text x="${left + 38}" y="${ly}" font-size="13">${escapeHtml(s.name)}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${width} ${height + legendHeight + 10}" width="100%" role="img" aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(description)}</desc>${axis}${ticks}${lines}${legend}</svg>`;
}

/** RFC 4180 CSV with a byte-order mark, so spreadsheet programs read accents right. */
export function toCsv(headers: string[], rows: (string | number | null)[][]): string {
  const cell = (value: string | number | null) => {
    // A text starting like a formula is neutralised so a spreadsheet does not run it.
    const text =
      value === null ? '' : typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${[headers, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
