// Evidence collections (runs, imports, history) are registered here by the ingest stage.
export const evidenceCollections = {};
