/** Scanner version, recorded in every report and cache key; bump it when engine behaviour changes. */
export const SCANNER_VERSION = '1.47.0';
