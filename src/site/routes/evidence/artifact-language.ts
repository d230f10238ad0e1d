/** Expressive Code language for an artifact, from its media type or file extension. */
export function languageOf(relativePath: string, mediaType?: string): string {
  if (mediaType?.includes('json') || /\.jsonl?$/.test(relativePath)) return 'json';
  if (/\.(http|curl)$/.test(relativePath)) return 'http';
  if (/\.(ya?ml)$/.test(relativePath)) return 'yaml';
  if (/\.toml$/.test(relativePath)) return 'toml';
  return 'txt';
}
