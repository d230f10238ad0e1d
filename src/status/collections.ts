// Collections the status page needs from content/ (baseline, outstanding items) are registered here.
export const statusCollections = {};
