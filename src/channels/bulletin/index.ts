/**
 * The e-bulletin channel (`kind: bulletin`): pure issue assembly, feed and page rendering,
 * issue status, the files writer and the adapter factory.
 */
export {
  type BulletinAdapterDeps,
  type BulletinEntrySource,
  createBulletinAdapter,
  listEntrySource,
  PUBLISHED_FOLDER,
} from './adapter.js';
export {
  type BuildIssueOptions,
  buildIssue,
  bulletinSiteUrl,
  entriesForIssue,
  type IssueChannel,
  type IssueWindow,
  issueWindow,
  portalPost,
} from './assemble.js';
export { type FeedSet, LATEST_ISSUES, renderIssueFeeds, renderLatestFeeds } from './feeds.js';
export {
  bulletinDir,
  ISSUES_FOLDER,
  listIssues,
  readIssue,
  readIssues,
  type WrittenIssue,
  writeFileAtomic,
  writeIssue,
} from './files.js';
export { htmlToText, renderMarkdown, sanitizeBulletinHtml } from './markdown.js';
export {
  type BuiltIssue,
  type BulletinEntry,
  type IssueArticle,
  type IssueSummary,
  issueKey,
  issueStem,
  type PortalPost,
  parseIssueKey,
} from './model.js';
export { renderArchivePage, renderIssueBody, renderIssuePage } from './pages.js';
export {
  type BulletinStatusOptions,
  bulletinStatus,
  type IssueState,
  type IssueStatus,
  type PlannedIssue,
  WARN_HOURS,
} from './status.js';
