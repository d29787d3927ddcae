import { describe, expect, it } from 'vitest';
import { makeContext, makeUser } from '../../../tests/factories';
import { getAction } from './actions';
import { evaluate } from './evaluate';
import { reach } from './permissions';
import { BUILT_IN_ROLES, rolesById } from './roles';

const roles = rolesById(BUILT_IN_ROLES);
const admin = makeUser({ id: 1, roles: ['administrator'] });
const ops = makeUser({ id: 2, roles: ['operations_manager'], managedOrganizations: ['org-1'] });
const learner = makeUser({ id: 3, roles: ['learner'] });

describe('who may act (SPEC §2)', () => {
  it('Standard plan: any administrator may run any action on anyone; others nothing', () => {
    expect(reach(admin, 'standard', 'users.remove', roles)).toEqual({ kind: 'all' });
    expect(reach(ops, 'standard', 'users.remove', roles)).toEqual({ kind: 'all' });
    expect(reach(learner, 'standard', 'users.status', roles).kind).toBe('none');
  });

  it('Enterprise plan: the permission must come from one of the actor’s roles', () => {
    expect(reach(admin, 'enterprise', 'users.remove', roles)).toEqual({ kind: 'all' });
    expect(reach(ops, 'enterprise', 'users.remove', roles).kind).toBe('none');
    expect(reach(ops, 'enterprise', 'users.status', roles).kind).toBe('managed');
  });

  it('Enterprise plan: an Operations Manager reaches only users of the organizations they manage', () => {
    const inside = makeUser({ id: 10, status: 'inactive', organization: 'org-1' });
    const outside = makeUser({ id: 11, status: 'inactive', organization: 'org-2' });
    const nowhere = makeUser({ id: 12, status: 'inactive', organization: null });
    const r = reach(ops, 'enterprise', 'users.status', roles);
    const ev = evaluate(getAction('activate')!, [10, 11, 12], {}, makeContext([inside, outside, nowhere], { actorId: 2 }), r);
    expect(ev.applies.map((a) => a.user.id)).toEqual([10]);
    expect(ev.skipped.get('Outside your organizations')).toEqual([11, 12]);
  });

  it('an inactive administrator reaches nobody', () => {
    expect(reach({ ...admin, status: 'inactive' }, 'standard', 'users.status', roles).kind).toBe('none');
  });
});
