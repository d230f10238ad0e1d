import type { StatusModel } from './model.ts';

/** The status model as plain JSON for `/status.json`: the by-id map is dropped (groups hold every check). */
export function toStatusJson(model: StatusModel): Omit<StatusModel, 'checks'> {
  const { checks: _byId, ...rest } = model;
  return rest;
}
