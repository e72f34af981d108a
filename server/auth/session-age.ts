/** How long a session lasts without a request ending it first (next-auth's JWT maxAge). */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
