export const SITE_TITLE = import.meta.env.SITE_TITLE ?? "My Blog";
export const SITE_DESCRIPTION = "Notes on software, tools and the occasional rabbit hole.";
export const AUTHOR = "Your Name";
