// Starts Pagefind's search UI on the home page (a file, so the Content-Security-Policy allows no inline script).
new PagefindUI({ element: '#search', showSubResults: false, showImages: false, translations: { placeholder: 'Search skills by name, description or SKILL.md text' } });
