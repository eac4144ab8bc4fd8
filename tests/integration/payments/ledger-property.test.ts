import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/server/db';
import { bills, ledgerEntries, paymentAllocations, payments, refunds } from '@/server/db/schema';
import {
  getAccountBalance,
  listOpenBills,
  requestRefund,
  startCheckoutPayment,
} from '@/server/payments';
import { payWithSandboxCard } from '@/server/payments/sandbox/checkout-flow';
import { actorFor, createResidentWithAccount, createUser } from '../../fixtures/world';
import { createBill, fixedLine } from '../../fixtures/billing';
import { captureSandboxEvents, deliverEvent, sessionIdFrom } from '../../fixtures/payments';

let events: ReturnType<typeof captureSandboxEvents>;
beforeEach(() => {
  events = captureSandboxEvents();
});

type TOp =
  | { kind: 'bill'; fen: number }
  | { kind: 'payBalance'; card: 'good' | 'declined' }
  | { kind: 'payBill'; pick: number; card: 'good' | 'declined' }
  | { kind: 'deliver'; order: number[]; times: number[] }
  | { kind: 'redeliverOld'; pick: number }
  | { kind: 'refund'; share: number };

const op: fc.Arbitrary<TOp> = fc.oneof(
  fc.record({ kind: fc.constant('bill' as const), fen: fc.integer({ min: 1, max: 40_000 }) }),
  fc.record({
    kind: fc.constant('payBalance' as const),
    card: fc.constantFrom('good' as const, 'declined' as const),
  }),
  fc.record({
    kind: fc.constant('payBill' as const),
    pick: fc.nat(),
    card: fc.constantFrom('good' as const, 'declined' as const),
  }),
  fc.record({
    kind: fc.constant('deliver' as const),
    order: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
    times: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 6 }),
  }),
  fc.record({ kind: fc.constant('redeliverOld' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('refund' as const), share: fc.integer({ min: 1, max: 100 }) }),
);

/**
 * Random sequences of bills, payments (good and declined cards), deliveries in any order and
 * number, redeliveries of old events and refunds. After every step the ledger must agree with
 * the payments and refunds tables, and no bill may have received more than its total.
 */
describe('the ledger under random payment histories', () => {
  it('keeps balance = Σ ledger = bills − payments + refunds, and never charges a paid bill', async () => {
    const clerk = actorFor(await createUser({ role: 'supervisor' }));
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 2, maxLength: 9 }), async (ops) => {
        const { actor, account } = await createResidentWithAccount({ utility: 'water' });
        const billIds: number[] = [];
        const pending: string[] = [];
        const delivered: string[] = [];
        let month = 1;
        events.take();
        for (const step of ops) {
          if (step.kind === 'bill') {
            const period = `2025-${String(month++).padStart(2, '0')}-01`;
            if (month > 12) continue;
            billIds.push(
              (
                await createBill({
                  accountId: account.id,
                  period,
                  usage: '1',
                  lines: [fixedLine(step.fen)],
                })
              ).id,
            );
          } else if (step.kind === 'payBalance' || step.kind === 'payBill') {
            const billId =
              step.kind === 'payBill' && billIds.length > 0
                ? billIds[step.pick % billIds.length]
                : undefined;
            const db = await getDb();
            const { openBills, balanceFen } = await listOpenBills(db, account.id);
            const started = await startCheckoutPayment({
              payer: { kind: 'resident', actor },
              accountId: account.id,
              scope: billId !== undefined ? 'bill' : 'balance',
              billId,
              locale: 'zh-CN',
            });
            if (!started.ok) {
              if (started.error === 'nothing_to_pay') {
                // Nothing owed on that bill (or at all): the open-bill reading agrees.
                if (billId !== undefined)
                  expect(openBills.some((b) => b.billId === billId)).toBe(false);
                else expect(balanceFen).toBeLessThanOrEqual(0);
              }
              continue;
            }
            const [row] = await db
              .select()
              .from(payments)
              .where(eq(payments.id, started.paymentId));
            // Never more than is owed.
            expect(row?.amountFen ?? 0).toBeLessThanOrEqual(Math.max(balanceFen, 0));
            await payWithSandboxCard(sessionIdFrom(started.redirectTo), {
              number: step.card === 'good' ? '4242424242424242' : '4000000000000002',
              expiry: '12/34',
              cvc: '123',
            });
            pending.push(...events.take());
          } else if (step.kind === 'deliver') {
            const batch = pending.splice(0, pending.length);
            const order = batch
              .map((id, i) => ({ id, key: step.order[i % 3] ?? 0 }))
              .sort((a, b) => a.key - b.key);
            for (const [i, { id }] of order.entries()) {
              for (let n = 0; n < (step.times[i % 6] ?? 1); n++) await deliverEvent(id);
              delivered.push(id);
            }
          } else if (step.kind === 'redeliverOld') {
            const id = delivered[step.pick % Math.max(delivered.length, 1)];
            if (id) await deliverEvent(id);
          } else {
            const db = await getDb();
            const [paid] = await db
              .select()
              .from(payments)
              .where(and(eq(payments.accountId, account.id), eq(payments.status, 'succeeded')))
              .limit(1);
            if (paid) {
              const amount = Math.max(
                1,
                Math.floor(((paid.amountFen - paid.refundedFen) * step.share) / 100),
              );
              await requestRefund({
                actor: clerk,
                paymentId: paid.id,
                amountFen: amount,
                reason: 'property test',
              });
              pending.push(...events.take());
            }
          }
          await checkInvariants(account.id);
        }
      }),
      { numRuns: 12 },
    );
  });
});

async function checkInvariants(accountId: number) {
  const db = await getDb();
  const sum = async (query: Promise<{ v: number }[]>) => (await query)[0]?.v ?? 0;
  const ledgerSum = await sum(
    db
      .select({ v: sql<number>`coalesce(sum(${ledgerEntries.amountFen}), 0)`.mapWith(Number) })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.accountId, accountId)),
  );
  const billed = await sum(
    db
      .select({ v: sql<number>`coalesce(sum(${bills.totalFen}), 0)`.mapWith(Number) })
      .from(bills)
      .where(eq(bills.accountId, accountId)),
  );
  const paid = await sum(
    db
      .select({ v: sql<number>`coalesce(sum(${payments.amountFen}), 0)`.mapWith(Number) })
      .from(payments)
      .where(
        and(
          eq(payments.accountId, accountId),
          sql`${payments.status} in ('succeeded', 'partially_refunded', 'refunded')`,
        ),
      ),
  );
  const refunded = await sum(
    db
      .select({ v: sql<number>`coalesce(sum(${refunds.amountFen}), 0)`.mapWith(Number) })
      .from(refunds)
      .where(and(eq(refunds.accountId, accountId), eq(refunds.status, 'succeeded'))),
  );
  expect(await getAccountBalance(db, accountId)).toBe(ledgerSum);
  expect(ledgerSum).toBe(billed - paid + refunded);

  // One ledger entry per succeeded payment and per succeeded refund, never more.
  const entries = await db
    .select({ kind: ledgerEntries.kind, reference: ledgerEntries.reference })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.accountId, accountId));
  const refs = entries.filter((e) => e.kind !== 'bill').map((e) => `${e.kind}:${e.reference}`);
  expect(new Set(refs).size).toBe(refs.length);

  // No bill ever received more than its total.
  const overpaid = await db
    .select({ billId: paymentAllocations.billId })
    .from(paymentAllocations)
    .innerJoin(bills, eq(bills.id, paymentAllocations.billId))
    .where(eq(bills.accountId, accountId))
    .groupBy(paymentAllocations.billId, bills.totalFen)
    .having(
      sql`sum(${paymentAllocations.amountFen}) > ${bills.totalFen} or sum(${paymentAllocations.amountFen}) < 0`,
    );
  expect(overpaid).toEqual([]);
}
