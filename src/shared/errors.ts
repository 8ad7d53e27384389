// How a validation failure reads, wherever it is caught: the server's 400, the CLI's usage error,
// the browser's refusal before a round trip. One wording, one `details` shape.
import type { ZodError } from 'zod';

export interface IssueDetail {
  /** Dotted path of the field (`changes.title`); empty for the input as a whole. */
  path: string;
  message: string;
}

export const issuesOf = (error: ZodError): IssueDetail[] =>
  error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));

/** `title: must not be empty; status: Invalid option …` */
export const describeIssues = (details: readonly IssueDetail[]): string =>
  details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ');
