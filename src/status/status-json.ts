import type { StatusJson } from '../schemas/status.ts';
import type { StatusModel } from './model.ts';

/** The status model as plain JSON for `/status.json` (src/schemas/status.ts): the by-id map is dropped (groups hold every check). */
export function toStatusJson(model: StatusModel): StatusJson {
  const { checks: _byId, ...rest } = model;
  return rest;
}
