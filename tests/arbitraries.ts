import fc from 'fast-check';
import { makeUser } from './factories';
import { BUILT_IN_ROLES } from '../src/lib/domain/roles';
import { FLAGGABLE_FIELDS, TWO_FACTOR_STATES, USER_STATUSES, USER_TYPES, type User } from '../src/lib/domain/user';

export const ROLE_IDS = BUILT_IN_ROLES.map((r) => r.id);
export const ORGS = ['org-1', 'org-2', 'org-3'];

/** Any user the schema allows: every status, type, flag and role combination; days from `day`. */
export function userArbitrary(day: fc.Arbitrary<string>, ids = fc.integer({ min: 2, max: 900 })): fc.Arbitrary<User> {
  return fc
    .record({
      id: ids,
      status: fc.constantFrom(...USER_STATUSES),
      userType: fc.constantFrom(...USER_TYPES),
      twoFactor: fc.constantFrom(...TWO_FACTOR_STATES),
      locked: fc.boolean(),
      forcePasswordChange: fc.boolean(),
      roles: fc.uniqueArray(fc.constantFrom(...ROLE_IDS), { minLength: 1 }),
      managedOrganizations: fc.uniqueArray(fc.constantFrom(...ORGS)),
      flaggedFields: fc.uniqueArray(fc.constantFrom(...FLAGGABLE_FIELDS)),
      ownedContent: fc.nat(50),
      accessExpiresAt: fc.option(day, { nil: null }),
      organization: fc.option(fc.constantFrom(...ORGS), { nil: null }),
      passwordHash: fc.option(fc.constant('salt:digest'), { nil: null })
    })
    .map((r) => {
      const status = r.userType === 'directory' && (r.status === 'invited' || r.status === 'expired') ? 'profile_only' : r.status;
      return makeUser({ ...r, status, failedSignIns: r.locked ? 5 : 0 });
    });
}

/**
 * Valid parameters for each action that takes any, naming the workspace's ids: user 1000 is a
 * transfer target, user 1001 an account executive, companies co-1 and co-2, organizations ORGS.
 */
export function actionParamsArbitrary(day: fc.Arbitrary<string>): Record<string, fc.Arbitrary<unknown>> {
  return {
    transfer: fc.constant({ targetId: 1000 }),
    invite: fc.record({ welcomeMessage: fc.string({ maxLength: 200 }) }),
    resend_invitation: fc.record({ welcomeMessage: fc.string({ maxLength: 200 }) }),
    set_role: fc.record({ roleId: fc.constantFrom(...ROLE_IDS) }),
    add_roles: fc.record({ roleIds: fc.uniqueArray(fc.constantFrom(...ROLE_IDS), { minLength: 1 }) }),
    remove_roles: fc.record({ roleIds: fc.uniqueArray(fc.constantFrom(...ROLE_IDS), { minLength: 1 }) }),
    set_org_management: fc.oneof(
      fc.record({ organizationIds: fc.uniqueArray(fc.constantFrom(...ORGS), { minLength: 1 }), mode: fc.constant('add') }),
      fc.record({ organizationIds: fc.uniqueArray(fc.constantFrom(...ORGS)), mode: fc.constant('replace') })
    ),
    update_profile: fc
      .record(
        {
          company: fc.option(fc.constantFrom('co-1', 'co-2'), { nil: null }),
          organization: fc.option(fc.constantFrom(...ORGS), { nil: null }),
          accountExecutive: fc.option(fc.constant(1001), { nil: null }),
          timeZone: fc.constantFrom('Europe/Paris', 'Asia/Tokyo', 'UTC')
        },
        { requiredKeys: [] }
      )
      .filter((p) => Object.keys(p).length > 0),
    set_access_expiry: fc.record({ date: fc.option(day, { nil: null }) }),
    flag_fields: fc.record({ fields: fc.uniqueArray(fc.constantFrom(...FLAGGABLE_FIELDS), { minLength: 1 }) })
  };
}
