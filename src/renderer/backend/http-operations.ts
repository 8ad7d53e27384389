// What HttpBackend needs from the operation table (zod and every schema): the biggest part of the page's
// code, so it loads in its own chunk beside the boot instead of in the first one (see http-backend.ts).
export { describeIssues, issuesOf } from '../../shared/errors.ts';
export { httpCallOf } from '../../shared/operations/http-call.ts';
export { OPERATIONS } from '../../shared/operations/index.ts';
