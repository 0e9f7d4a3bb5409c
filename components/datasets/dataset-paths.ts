/** The API path of one dataset of a project, ids encoded; its item and action routes extend it. */
export function datasetApiPath(projectId: string, datasetId: string): string {
  return `/api/projects/${encodeURIComponent(projectId)}/datasets/${encodeURIComponent(datasetId)}`;
}

/** The page of one dataset of a project; its runs and item pages extend it. */
export function datasetPagePath(projectId: string, datasetId: string): string {
  return `/project/${projectId}/datasets/${encodeURIComponent(datasetId)}`;
}
