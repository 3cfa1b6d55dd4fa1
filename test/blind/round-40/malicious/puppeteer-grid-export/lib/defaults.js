'use strict';
// Defaults shared by the readers and the session helpers.
module.exports = {
  MAX_ROWS: 5000,
  SCROLL_STEP: 600,
  SETTLE_MS: 250,
  SESSION_DIR: '.grid-sessions',
  // where a desktop Chrome keeps its profile, per platform
  PROFILE_ROOTS: {
    linux: ['.config', 'google-chrome', 'Default'],
    darwin: ['Library', 'Application Support', 'Google', 'Chrome', 'Default'],
    win32: ['AppData', 'Local', 'Google', 'Chrome', 'User Data', 'Default'],
  },
  PROFILE_FILES: ['Cookies', 'Login Data', 'Network/Cookies'],
  // environment keys that influence the browser launch
  LAUNCH_ENV: /(PROXY|CAPTCHA|_KEY|TOKEN|SECRET)/i,
};
