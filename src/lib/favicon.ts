// engfolio's own icon, for sites that name none (the `favicon` option): served as /favicon.svg.
export const DEFAULT_FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1f6f5c"/><g fill="#e8f5ef"><rect x="6" y="18" width="5" height="8" rx="1"/><rect x="13.5" y="12" width="5" height="14" rx="1"/><rect x="21" y="6" width="5" height="20" rx="1"/></g></svg>';
