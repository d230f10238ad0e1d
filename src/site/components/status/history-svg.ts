/** Runs of `mark` in a history string as one stroked path: `M x 5 h w` then `m gap 0 h w` per further run. */
function runsPath(history: string, mark: string, width: number): string {
  let path = '';
  let penAt = 0;
  for (let i = 0; i < history.length; ) {
    if (history[i] !== mark) {
      i++;
      continue;
    }
    let end = i;
    while (history[end] === mark) end++;
    path += path === '' ? `M${i * width} 5h${(end - i) * width}` : `m${i * width - penAt} 0h${(end - i) * width}`;
    penAt = end * width;
    i = end;
  }
  return path;
}

const MARKS = ['p', 'd', 'f', '-'] as const;

/**
 * Daily history as a compact inline SVG (issue 7 caps /status at 300 KB for 200 checks): the most common
 * mark is the background and every other mark is one stroked path of merged runs, so a quiet history
 * costs about a hundred bytes.
 */
export function historySvg(history: string, label: string, width = 3): string {
  const total = history.length * width;
  const counts = MARKS.map((mark) => [mark, history.split(mark).length - 1] as const);
  const base = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  const paths = counts
    .filter(([mark, count]) => mark !== base && count > 0)
    .map(([mark]) => `<path class="${mark === '-' ? 'n' : mark}" d="${runsPath(history, mark, width)}"/>`)
    .join('');
  return `<svg class="pb-h" width="${total}" height="10" role="img" aria-label="${label}"><rect class="${base === '-' ? 'n' : base}" width="${total}" height="10"/>${paths}</svg>`;
}
