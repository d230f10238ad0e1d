/** Horizontal runs of one mark in a history string, as one SVG path (`M x 0 h w v H h -w z` per run). */
function runsPath(history: string, mark: string, width: number, height: number): string {
  let path = '';
  for (let i = 0; i < history.length; ) {
    if (history[i] !== mark) {
      i++;
      continue;
    }
    let end = i;
    while (history[end] === mark) end++;
    const w = (end - i) * width;
    path += `M${i * width} 0h${w}v${height}h-${w}z`;
    i = end;
  }
  return path;
}

/**
 * Daily history as a compact inline SVG: one grey background and at most one path per verdict, with
 * consecutive equal days merged, so a quiet year costs a few dozen bytes per check.
 */
export function historySvg(history: string, label: string, width = 3, height = 10): string {
  const total = history.length * width;
  const paths = (['p', 'd', 'f'] as const)
    .map((mark) => [mark, runsPath(history, mark, width, height)] as const)
    .filter(([, path]) => path !== '')
    .map(([mark, path]) => `<path class="${mark}" d="${path}"/>`)
    .join('');
  return `<svg class="pb-h" width="${total}" height="${height}" viewBox="0 0 ${total} ${height}" role="img" aria-label="${label}"><rect class="b" width="${total}" height="${height}"/>${paths}</svg>`;
}
