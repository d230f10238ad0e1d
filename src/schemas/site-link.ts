import { z } from 'astro/zod';

/**
 * A link the site renders from a content file (a check's `docs`, a baseline entry's `doc`): a site path
 * (`/runbooks/…`, not `//host` nor `/\host`, which browsers read as another host), a `#fragment`, or an http(s)
 * URL. Anything else (`javascript:`, `data:`, a bare word) would be a working link of another kind on /status
 * (issue 25 item 10); no spaces or control characters either.
 */
export function isSiteLink(value: string): boolean {
  if (/[\s\u0000-\u001f\u007f\\]/.test(value)) return false;
  return /^\/(?![/\\])/.test(value) || /^#/.test(value) || /^https?:\/\/[^/]/i.test(value);
}

/** Schema of a rendered link; see {@link isSiteLink}. */
export const SiteLinkSchema = z.string().refine(isSiteLink, { error: 'Expected a site path such as /runbooks/reachability/ or an http(s) URL' });

/** The link to put in an `href`, or undefined when it is not a site link (then the text is shown without a link). */
export function safeHref(value: string | undefined): string | undefined {
  return value !== undefined && isSiteLink(value) ? value : undefined;
}
