/** Errors of the catalog site: the published data folder it reads is missing, unreadable or inconsistent. */
import { SkillRegistryError } from '../../core/index.ts';

/** Codes of {@link SiteDataError}. */
export type SiteDataErrorCode = 'MISSING_DATA' | 'MISSING_FILE' | 'INVALID_JSON' | 'INVALID_RECORD' | 'UNSUPPORTED_VERSION' | 'INCONSISTENT';

/** The published data the catalog is built from cannot be used as it is. */
export class SiteDataError extends SkillRegistryError<SiteDataErrorCode> {}

/** Codes of {@link SiteBuildError}. */
export type SiteBuildErrorCode = 'ASTRO_BUILD_FAILED' | 'SEARCH_INDEX_FAILED' | 'NOT_BUILT' | 'SERVE_FAILED';

/** Building, indexing or serving the catalog failed. */
export class SiteBuildError extends SkillRegistryError<SiteBuildErrorCode> {}
