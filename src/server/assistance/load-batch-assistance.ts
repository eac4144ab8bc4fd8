import 'server-only';
import { sql } from 'drizzle-orm';
import type { TDb } from '../db';
import { rowsOf } from '../db/rows-of';
import type { TWaivableLine, TWaiverRule } from './compute-waiver-lines';

type TExecutor = Pick<TDb, 'execute'>;

/** An earlier bill of the account, inside a grant's validity, that carried no waiver from it. */
export type TOwedBill = { id: number; period: string; lines: TWaivableLine[] };

export type TAccountAssistance = {
  /** Grants in force for the billed month, at most one per programme. */
  current: TWaiverRule[];
  /** Grants approved after bills of their validity were issued, with those bills. */
  owed: { rule: TWaiverRule; bills: TOwedBill[] }[];
};

type TRow = {
  grant_id: number;
  account_id: number;
  program_id: number;
  code: string;
  name_zh: string;
  name_en: string;
  rule_kind: 'allowance' | 'fixed_share';
  allowance: string | null;
  fixed_share_percent: string | null;
  applies_now: boolean;
  owed: TOwedBill[] | null;
};

/**
 * Everything the billing run needs about waivers for one batch of accounts, in ONE statement
 * (never per account): the grants in force for the month, and for late approvals the earlier
 * bills of the grant's validity that carry neither a waiver of that programme nor a credit for
 * it yet, with their billed lines. Grants are few, so the nested reads touch only their rows.
 */
export async function loadBatchAssistance(
  tx: TExecutor,
  batch: {
    utility: 'water' | 'electricity';
    period: string;
    fromAccountId: number;
    toAccountId: number;
  },
): Promise<Map<number, TAccountAssistance>> {
  const p = batch.period;
  const rows = rowsOf<TRow>(
    await tx.execute(sql`
    SELECT g.id AS grant_id, g.account_id, p.id AS program_id, p.code, p.name_zh, p.name_en,
           p.rule_kind,
           (CASE WHEN ${batch.utility} = 'water' THEN p.allowance_water
                 ELSE p.allowance_electricity END)::text AS allowance,
           p.fixed_share_percent::text AS fixed_share_percent,
           (g.valid_from <= ${p}::date AND g.valid_to >= ${p}::date) AS applies_now,
           (SELECT json_agg(json_build_object(
                     'id', b.id, 'period', b.period::text,
                     'lines', (SELECT coalesce(json_agg(json_build_object(
                                        'kind', l.kind, 'quantity', l.quantity::text,
                                        'unitPrice', l.unit_price::text, 'amountFen', l.amount_fen,
                                        'explanation', l.explanation) ORDER BY l.line_no), '[]'::json)
                                 FROM bill_lines l WHERE l.bill_id = b.id))
                   ORDER BY b.period)
              FROM bills b
             WHERE b.account_id = g.account_id
               AND b.period >= g.valid_from AND b.period <= g.valid_to
               AND b.period < ${p}::date
               -- Not credited by this programme yet, nor by another allowance (one allowance
               -- per month: ADR 010).
               AND NOT EXISTS (SELECT 1 FROM assistance_credits c
                                 JOIN assistance_grants cg ON cg.id = c.grant_id
                                 JOIN assistance_programs cp ON cp.id = cg.program_id
                                WHERE c.bill_id = b.id
                                  AND (cg.program_id = g.program_id
                                       OR (p.rule_kind = 'allowance' AND cp.rule_kind = 'allowance'
                                           AND c.amount_fen <> 0)))
               -- Not waived on the bill by this programme, nor by another allowance.
               AND NOT EXISTS (SELECT 1 FROM bill_lines w
                                 JOIN assistance_programs wp
                                   ON wp.code = w.explanation->'values'->>'program'
                                WHERE w.bill_id = b.id AND w.kind = 'waiver'
                                  AND (wp.id = p.id
                                       OR (p.rule_kind = 'allowance'
                                           AND wp.rule_kind = 'allowance')))) AS owed
      FROM assistance_grants g
      JOIN assistance_programs p ON p.id = g.program_id
      JOIN service_accounts a ON a.id = g.account_id AND a.utility = ${batch.utility}
     WHERE g.account_id BETWEEN ${batch.fromAccountId} AND ${batch.toAccountId}
       AND g.revoked_at IS NULL
       AND g.valid_from <= ${p}::date
     ORDER BY g.account_id, g.valid_from, g.id`),
  );
  const out = new Map<number, TAccountAssistance>();
  for (const row of rows) {
    let entry = out.get(row.account_id);
    if (!entry) {
      entry = { current: [], owed: [] };
      out.set(row.account_id, entry);
    }
    const rule: TWaiverRule = {
      grantId: row.grant_id,
      programCode: row.code,
      nameZh: row.name_zh,
      nameEn: row.name_en,
      ruleKind: row.rule_kind,
      allowance: row.allowance,
      fixedSharePercent: row.fixed_share_percent,
    };
    // A renewal overlapping its predecessor must not waive the same month twice.
    if (row.applies_now && !entry.current.some((r) => r.programCode === rule.programCode)) {
      entry.current.push(rule);
    }
    if (row.owed && row.owed.length > 0) entry.owed.push({ rule, bills: row.owed });
  }
  return out;
}
