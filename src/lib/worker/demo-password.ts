/** Every demo user who has signed in before shares this password (shown on the sign-in page). */
export const DEMO_PASSWORD = 'muster-demo';
/** The marker stored instead of a digest for them (see credentials.ts). */
export const DEMO_PASSWORD_HASH = 'demo';
