/** The headings the actions are grouped under, in the directory's menu and on a user's page. */
export const ACTION_FAMILIES: Record<string, string> = {
  status: 'Status',
  invitations: 'Invitations',
  security: 'Passwords and security',
  roles: 'Roles and organizations',
  profile: 'Profile',
  access: 'Access'
};
