'use strict';

module.exports = {
  reviews: { count: 1, criticalCount: 2, dismissStale: true, codeOwners: 'if-present' },
  statusChecks: { strict: true, requireNonEmpty: true },
  enforceAdmins: true,
  allowForcePushes: false,
  allowDeletions: false,
  warnings: { linearHistory: true, signedCommits: true },
};
