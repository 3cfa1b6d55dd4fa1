/** Submit: audit a skill in a git repository as the registry will, and draft its registry entry. */
export { submitSkill, declarableCapabilities, renderEntry, DEFAULT_SUBMIT_VERSION, type SubmitOptions, type Submission } from './submit.ts';
export { findGitSource, publicRepoUrl, repoOwner, type GitSource, type SourceFlags } from './git-source.ts';
