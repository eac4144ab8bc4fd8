import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/server/db';
import { auditLog, users } from '@/server/db/schema';
import { PermissionError } from '@/server/auth/permissions';
import { verifyPassword } from '@/server/auth/password';
import {
  changeStaffRole,
  createStaffUser,
  createStaffUserFromCommandLine,
  listStaffUsers,
  setStaffUserDisabled,
} from '@/server/staff';
import { actorFor, createUser, resetWorld } from '../../fixtures/world';

beforeEach(resetWorld);

const newAgent = {
  email: '  Li.Na@Wanjia.example ',
  name: '李娜',
  role: 'agent' as const,
  department: '客户服务部',
  password: 'correct-horse-battery',
};

async function auditFor(action: string, subjectId: string) {
  const db = await getDb();
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.subjectId, subjectId)));
}

async function userById(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

describe('an admin managing staff', () => {
  it('creates a staff user who can sign in with the initial password, and it is recorded', async () => {
    const admin = await createUser({ role: 'admin' });

    const result = await createStaffUser({ actor: actorFor(admin), ...newAgent });

    if (!result.ok) throw new Error('expected the staff user to be created');
    const created = await userById(result.userId);
    expect(created).toMatchObject({
      email: 'li.na@wanjia.example',
      role: 'agent',
      department: '客户服务部',
    });
    expect(await verifyPassword(created?.passwordHash ?? '', newAgent.password)).toBe(true);
    const audit = await auditFor('staff.user_created', result.userId);
    expect(audit[0]).toMatchObject({ actorUserId: admin.id, detail: { role: 'agent' } });
  });

  it('is told when the e-mail is already in use', async () => {
    const admin = await createUser({ role: 'admin' });
    await createUser({ email: 'li.na@wanjia.example' });

    const result = await createStaffUser({ actor: actorFor(admin), ...newAgent });

    expect(result).toEqual({ ok: false, error: 'email_taken' });
  });

  it('changes a role, and the change is recorded with before and after', async () => {
    const admin = await createUser({ role: 'admin' });
    const agent = await createUser({ role: 'agent' });

    const result = await changeStaffRole({
      actor: actorFor(admin),
      userId: agent.id,
      role: 'supervisor',
    });

    expect(result).toEqual({ ok: true });
    expect((await userById(agent.id))?.role).toBe('supervisor');
    const audit = await auditFor('staff.role_changed', agent.id);
    expect(audit[0]?.detail).toEqual({ from: 'agent', to: 'supervisor' });
  });

  it('disables and re-enables a staff user, recording both', async () => {
    const admin = actorFor(await createUser({ role: 'admin' }));
    const agent = await createUser({ role: 'agent' });

    await setStaffUserDisabled({ actor: admin, userId: agent.id, disabled: true });
    expect((await userById(agent.id))?.disabledAt).not.toBeNull();
    await setStaffUserDisabled({ actor: admin, userId: agent.id, disabled: false });

    expect((await userById(agent.id))?.disabledAt).toBeNull();
    expect(await auditFor('staff.user_disabled', agent.id)).toHaveLength(1);
    expect(await auditFor('staff.user_enabled', agent.id)).toHaveLength(1);
  });

  it('lists staff but not residents', async () => {
    const admin = await createUser({ role: 'admin' });
    const agent = await createUser({ role: 'agent' });
    await createUser();

    const staff = await listStaffUsers({ actor: actorFor(admin) });

    expect(staff.map((s) => s.id).sort()).toEqual([admin.id, agent.id].sort());
  });

  it('cannot change a resident through the staff page', async () => {
    const admin = actorFor(await createUser({ role: 'admin' }));
    const resident = await createUser();

    const result = await changeStaffRole({ actor: admin, userId: resident.id, role: 'admin' });

    expect(result).toEqual({ ok: false, error: 'not_found' });
    expect((await userById(resident.id))?.role).toBe('resident');
  });
});

describe('the last active admin', () => {
  it('cannot demote or disable themselves', async () => {
    const admin = await createUser({ role: 'admin' });
    const actor = actorFor(admin);

    const demote = await changeStaffRole({ actor, userId: admin.id, role: 'agent' });
    const disable = await setStaffUserDisabled({ actor, userId: admin.id, disabled: true });

    expect(demote).toEqual({ ok: false, error: 'last_admin' });
    expect(disable).toEqual({ ok: false, error: 'last_admin' });
    const after = await userById(admin.id);
    expect(after).toMatchObject({ role: 'admin', disabledAt: null });
    expect(await auditFor('staff.role_changed', admin.id)).toHaveLength(0);
  });

  it('can step down once another active admin exists', async () => {
    const admin = await createUser({ role: 'admin' });
    await createUser({ role: 'admin' });

    const result = await changeStaffRole({
      actor: actorFor(admin),
      userId: admin.id,
      role: 'supervisor',
    });

    expect(result).toEqual({ ok: true });
  });

  it('is not helped by a disabled admin', async () => {
    const admin = await createUser({ role: 'admin' });
    await createUser({ role: 'admin', disabled: true });

    const result = await setStaffUserDisabled({
      actor: actorFor(admin),
      userId: admin.id,
      disabled: true,
    });

    expect(result).toEqual({ ok: false, error: 'last_admin' });
  });
});

describe('staff without the permission to manage staff', () => {
  it.each(['agent', 'billing', 'reviewer', 'supervisor', 'resident'] as const)(
    'a %s cannot create, promote or disable staff',
    async (role) => {
      const actor = actorFor(await createUser({ role }));
      const colleague = await createUser({ role: 'agent' });

      await expect(createStaffUser({ actor, ...newAgent })).rejects.toBeInstanceOf(PermissionError);
      await expect(
        changeStaffRole({ actor, userId: colleague.id, role: 'admin' }),
      ).rejects.toBeInstanceOf(PermissionError);
      await expect(
        setStaffUserDisabled({ actor, userId: colleague.id, disabled: true }),
      ).rejects.toBeInstanceOf(PermissionError);
      await expect(listStaffUsers({ actor })).rejects.toBeInstanceOf(PermissionError);
      expect((await userById(colleague.id))?.role).toBe('agent');
      const db = await getDb();
      expect(await db.select().from(users).where(eq(users.email, 'li.na@wanjia.example'))).toEqual(
        [],
      );
    },
  );
});

describe('creating the first admin from the command line', () => {
  it('creates the admin and records that it came from the command line', async () => {
    const result = await createStaffUserFromCommandLine({
      ...newAgent,
      email: 'root@wanjia.example',
      role: 'admin',
    });

    if (!result.ok) throw new Error('expected the admin to be created');
    expect((await userById(result.userId))?.role).toBe('admin');
    const audit = await auditFor('staff.user_created', result.userId);
    expect(audit[0]).toMatchObject({ actorUserId: null, detail: { via: 'cli', role: 'admin' } });
  });
});
