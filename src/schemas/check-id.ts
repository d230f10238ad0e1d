import { z } from 'astro/zod';

/** The one place the check-id pattern is written: dotted or dashed lowercase words, e.g. `mcp.tools-list`. */
export const CHECK_ID_PATTERN = '[a-z0-9_]+(?:[.-][a-z0-9_]+)*';

/** A check id as written in `content/checks/*.yaml`, frontmatter `checks:` and `:check[…]` directives. */
export const CheckIdSchema = z.string().regex(new RegExp(`^${CHECK_ID_PATTERN}$`), {
  error: 'check ids are lowercase words joined by "." or "-", e.g. "mcp.tools-list"',
});
