/**
 * Complaints and fault reports of the demo city, so the staff queue and the public ratings
 * page (万众评) have something to show: a year of answered cases per department (most on time,
 * most rated 4–5 stars), this month's open cases — some overdue and escalated — and three
 * cases of the demo resident (a fault being repaired, a closed complaint waiting for a rating,
 * an overdue billing question). Times are relative to the moment of seeding. The demo agent
 * works in the customer-service centre and the repair centre.
 */
import { DEMO_RESIDENT, DEMO_STAFF } from './demo-people';
import { Random } from './prng';

type TQuery = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type TCategory = 'fault' | 'complaint' | 'billing_query' | 'illegal_use';
const KINDS: {
  category: TCategory;
  department: string;
  subTypes: string[];
  answerHours: number;
  firstHours: number | null;
}[] = [
  {
    category: 'fault',
    department: 'repair',
    subTypes: ['no_water', 'no_power', 'low_pressure', 'leak', 'meter_fault'],
    answerHours: 3,
    firstHours: 0.75,
  },
  {
    category: 'complaint',
    department: 'service_centre',
    subTypes: ['service', 'staff_conduct', 'water_quality', 'supply'],
    answerHours: 4 * 24 + 48,
    firstHours: 24,
  },
  {
    category: 'billing_query',
    department: 'business_hall',
    subTypes: ['amount', 'reading', 'payment'],
    answerHours: 3 * 24 + 48,
    firstHours: 24,
  },
  {
    category: 'illegal_use',
    department: 'inspection',
    subTypes: ['water', 'electricity'],
    answerHours: 9 * 24 + 96,
    firstHours: null,
  },
];

const TEXTS: Record<TCategory, string[]> = {
  fault: [
    '楼道里水管漏水，地面积水。',
    '整栋楼突然停电，电梯也停了。',
    '早上起来水龙头没有水。',
    '高层水压太低，热水器打不着火。',
    '电表显示屏不亮了。',
  ],
  complaint: [
    '营业厅排队时间太长，窗口只开了一个。',
    '抄表员没有敲门就进了院子。',
    '自来水有异味，烧开后有白色沉淀。',
    '晚上经常短暂停电，家里电器受影响。',
  ],
  billing_query: [
    '本月水费比上月高了一倍，家里没有多用水。',
    '账单上的读数和我家水表不一致。',
    '已经在支付宝缴费，但账单还显示欠费。',
  ],
  illegal_use: ['小区门口的洗车店疑似私接消防栓用水。', '隔壁工地私拉电线接到路灯上。'],
};
const ANSWERS: Record<TCategory, string> = {
  fault: '抢修人员已到场处理，现已恢复正常。如再有问题请随时报修。',
  complaint: '已核实情况并对相关人员进行了批评教育，感谢您的监督。',
  billing_query: '经复核，本月读数正确，用水量增加是因为上月为估抄。明细已在账单中说明。',
  illegal_use: '稽查人员已到现场核实并依法处理，感谢您的举报。',
};

type TCase = {
  category: TCategory;
  subType: string;
  department: string;
  filedBy: string | null;
  ownAccount: boolean;
  description: string;
  location: string | null;
  createdAt: Date;
  firstDue: Date | null;
  answerDue: Date;
  firstRespondedAt: Date | null;
  closedAt: Date | null;
  rating: number | null;
  escalatedAt: Date | null;
  /**
   * Where a case without an account happened: the n-th district (modulo their number; -1:
   * none named) and the utility, so its service point is that district's 供电所 or 供水所
   * (ADR 015).
   */
  place: { districtIndex: number; utility: 'water' | 'electricity' };
};

export function demoComplaints(now: Date): TCase[] {
  const random = new Random(20261126);
  // A stream of its own, so placing the cases leaves every other demo figure as it was.
  const placing = new Random(20261127);
  const cases: TCase[] = [];
  const make = (
    kindIndex: number,
    createdAt: Date,
    answered: 'on_time' | 'late' | 'open',
    rated: boolean,
  ): TCase => {
    const kind = KINDS[kindIndex % KINDS.length]!;
    const subType = kind.subTypes[random.int(0, kind.subTypes.length - 1)]!;
    const texts = TEXTS[kind.category];
    const firstDue =
      kind.firstHours === null ? null : new Date(createdAt.getTime() + kind.firstHours * HOUR);
    const answerDue = new Date(createdAt.getTime() + kind.answerHours * HOUR);
    const span = answerDue.getTime() - createdAt.getTime();
    const closedAt =
      answered === 'open'
        ? null
        : new Date(
            createdAt.getTime() +
              (answered === 'on_time'
                ? span * (0.3 + random.next() * 0.6)
                : span * (1.2 + random.next())),
          );
    const firstRespondedAt =
      firstDue && closedAt
        ? new Date(
            Math.min(
              closedAt.getTime(),
              createdAt.getTime() + (firstDue.getTime() - createdAt.getTime()) * 0.6,
            ),
          )
        : null;
    const ratingRoll = random.next();
    return {
      category: kind.category,
      subType,
      department: kind.department,
      filedBy: null,
      ownAccount: false,
      place: {
        // A quarter of the reports name no district: they stay unassigned.
        districtIndex:
          kind.category === 'illegal_use' && placing.next() < 0.25 ? -1 : placing.int(0, 99),
        utility:
          kind.category === 'illegal_use'
            ? (subType as 'water' | 'electricity')
            : subType === 'no_power' || placing.next() < 0.4
              ? 'electricity'
              : 'water',
      },
      description: texts[random.int(0, texts.length - 1)]!,
      location: kind.category === 'illegal_use' ? '幸福里小区东门' : null,
      createdAt,
      firstDue,
      answerDue,
      firstRespondedAt,
      closedAt,
      rating:
        closedAt && rated
          ? answered === 'late'
            ? ratingRoll < 0.5
              ? 3
              : 2
            : ratingRoll < 0.6
              ? 5
              : ratingRoll < 0.9
                ? 4
                : 3
          : null,
      escalatedAt: null,
    };
  };
  // Eleven past months: 10–16 answered cases each, spread over the departments.
  for (let monthsAgo = 11; monthsAgo >= 1; monthsAgo--) {
    const perMonth = 10 + random.int(0, 6);
    for (let i = 0; i < perMonth; i++) {
      const createdAt = new Date(
        now.getTime() -
          monthsAgo * 30 * DAY +
          random.int(0, 27) * DAY +
          random.int(8, 20) * HOUR -
          12 * HOUR,
      );
      const roll = random.next();
      cases.push(
        make(
          i,
          createdAt,
          roll < 0.85 - monthsAgo * 0.01 ? 'on_time' : 'late',
          random.next() < 0.65,
        ),
      );
    }
  }
  // This month: answered ones, and open ones — some overdue (escalated by the job on start).
  for (let i = 0; i < 12; i++) {
    const createdAt = new Date(now.getTime() - random.int(2, 20) * DAY - random.int(0, 8) * HOUR);
    cases.push(make(i, createdAt, i < 7 ? 'on_time' : 'open', i < 5));
  }
  for (let i = 0; i < 4; i++) {
    const createdAt = new Date(now.getTime() - random.int(10, 50) * MINUTE);
    cases.push(make(0, createdAt, 'open', false));
  }
  // The demo resident's own cases.
  const resident = DEMO_RESIDENT.id;
  const fault = make(0, new Date(now.getTime() - 20 * MINUTE), 'open', false);
  cases.push({
    ...fault,
    subType: 'no_water',
    filedBy: resident,
    ownAccount: true,
    description: '今天上午起家里没有水，邻居家也一样。',
  });
  const closed = make(1, new Date(now.getTime() - 3 * DAY), 'on_time', false);
  cases.push({
    ...closed,
    subType: 'service',
    filedBy: resident,
    ownAccount: true,
    closedAt: new Date(now.getTime() - DAY),
    description: '营业厅工作人员没有解释清楚阶梯水价怎么算。',
  });
  const query = make(2, new Date(now.getTime() - 8 * DAY), 'open', false);
  cases.push({
    ...query,
    subType: 'amount',
    filedBy: resident,
    ownAccount: true,
    firstRespondedAt: new Date(now.getTime() - 7 * DAY),
    description: '十月的水费比九月高很多，想请核实一下读数。',
    escalatedAt: query.answerDue,
  });
  return cases.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

function reference(year: number, n: number) {
  return `WJ-${year}-${String(n).padStart(6, '0')}`;
}

/**
 * Writes the cases in three statements (cases, their events, the reference counters) from
 * JSON, so seeding stays fast on PGlite too.
 */
export async function writeDemoComplaints(query: TQuery, now = new Date()): Promise<number> {
  const agent = DEMO_STAFF.find((s) => s.role === 'agent');
  const supervisor = DEMO_STAFF.find((s) => s.role === 'supervisor');
  if (agent) {
    await query(
      `INSERT INTO complaint_department_members (user_id, department) VALUES ($1, 'service_centre'), ($1, 'repair')`,
      [agent.id],
    );
  }
  if (supervisor) {
    await query(
      `INSERT INTO complaint_department_members (user_id, department) VALUES ($1, 'service_centre')`,
      [supervisor.id],
    );
  }
  const counters = new Map<number, number>();
  const shanghaiYear = (d: Date) => new Date(d.getTime() + 8 * HOUR).getUTCFullYear();
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const cases: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  for (const c of demoComplaints(now)) {
    const year = shanghaiYear(c.createdAt);
    const n = (counters.get(year) ?? 0) + 1;
    counters.set(year, n);
    const ref = reference(year, n);
    const closed = c.closedAt !== null;
    const handled = closed || c.firstRespondedAt !== null;
    cases.push({
      reference: ref,
      category: c.category,
      sub_type: c.subType,
      filed_by: c.filedBy,
      own_account: c.ownAccount,
      district_index: c.place.districtIndex,
      utility: c.place.utility,
      location: c.location,
      description: c.description,
      status: closed ? 'closed' : c.firstRespondedAt ? 'in_progress' : 'new',
      department: c.department,
      assignee: handled ? (agent?.id ?? null) : null,
      first_due: iso(c.firstDue),
      first_responded: iso(c.firstRespondedAt),
      answer_due: iso(c.answerDue),
      next_due: closed ? null : iso(c.firstRespondedAt ? c.answerDue : (c.firstDue ?? c.answerDue)),
      escalated: iso(c.escalatedAt),
      closed_at: iso(c.closedAt),
      on_time: closed ? (c.closedAt as Date) <= c.answerDue : null,
      rating: c.rating,
      rated_at: c.rating && c.closedAt ? iso(new Date(c.closedAt.getTime() + 2 * HOUR)) : null,
      created_at: iso(c.createdAt),
    });
    const event = (
      kind: string,
      actor: string | null,
      body: string | null,
      at: Date,
      detail: Record<string, unknown>,
    ) => events.push({ reference: ref, kind, actor, body, at: at.toISOString(), detail });
    event('filed', c.filedBy, null, c.createdAt, {});
    if (c.firstRespondedAt)
      event(
        'reply',
        agent?.id ?? null,
        '您好，已收到您反映的情况，正在安排处理。',
        c.firstRespondedAt,
        {},
      );
    if (c.escalatedAt) event('escalated', null, null, c.escalatedAt, { deadline: 'answer' });
    if (c.closedAt)
      event('closed', agent?.id ?? null, ANSWERS[c.category], c.closedAt, {
        from: 'in_progress',
        to: 'closed',
      });
    if (c.rating && c.closedAt)
      event('rated', c.filedBy, null, new Date(c.closedAt.getTime() + 2 * HOUR), {
        rating: c.rating,
      });
  }
  await query(
    `INSERT INTO complaints (reference, category, sub_type, filed_by_user_id, account_id, premises_id,
       district_id, service_point_id, location, description, status, department, assignee_user_id,
       first_response_due_at, first_responded_at, answer_due_at, next_due_at, escalated_at,
       answer_escalated_at, first_closed_at, answered_on_time, closed_at, rating, rated_at,
       created_at, updated_at)
     SELECT r.reference, r.category::complaint_category, r.sub_type, r.filed_by, sa.id,
            sa.premises_id, coalesce(p.district_id, hd.id), sp.id, r.location, r.description, r.status::complaint_status,
            r.department::complaint_department, r.assignee, r.first_due, r.first_responded,
            r.answer_due, r.next_due, r.escalated, r.escalated, r.closed_at, r.on_time, r.closed_at,
            r.rating, r.rated_at, r.created_at, r.created_at
       FROM json_to_recordset($1::json) AS r(reference text, category text, sub_type text,
              filed_by text, own_account boolean, district_index int, utility text, location text, description text, status text,
              department text, assignee text, first_due timestamptz, first_responded timestamptz,
              answer_due timestamptz, next_due timestamptz, escalated timestamptz,
              closed_at timestamptz, on_time boolean, rating smallint, rated_at timestamptz,
              created_at timestamptz)
       LEFT JOIN service_accounts sa ON r.own_account AND sa.id = (
         SELECT account_id FROM account_links WHERE user_id = r.filed_by ORDER BY account_id LIMIT 1)
       LEFT JOIN premises p ON p.id = sa.premises_id
       -- A case without an account happened in the district it names.
       LEFT JOIN LATERAL (
         SELECT d.id FROM districts d ORDER BY d.id
         OFFSET greatest(r.district_index, 0) % greatest((SELECT count(*) FROM districts), 1) LIMIT 1) hd
         ON sa.id IS NULL AND r.district_index >= 0
       -- The case's service point: its district's office of the account's utility (a report:
       -- of the utility reported).
       LEFT JOIN service_points sp ON sp.district_id = coalesce(p.district_id, hd.id)
             AND sp.utility::text = CASE WHEN r.category = 'illegal_use' THEN r.sub_type
                                         ELSE coalesce(sa.utility::text, r.utility) END
      ORDER BY r.created_at`,
    [JSON.stringify(cases)],
  );
  await query(
    `INSERT INTO complaint_events (complaint_id, kind, resident_visible, actor_user_id, body, created_at, detail)
     SELECT c.id, e.kind::complaint_event_kind, true, e.actor, e.body, e.at, e.detail
       FROM json_to_recordset($1::json) AS e(reference text, kind text, actor text, body text,
              at timestamptz, detail jsonb)
       JOIN complaints c ON c.reference = e.reference
      ORDER BY e.at`,
    [JSON.stringify(events)],
  );
  for (const [year, last] of counters)
    await query(
      `INSERT INTO complaint_reference_counters (year, last) VALUES ($1, $2)
       ON CONFLICT (year) DO UPDATE SET last = greatest(complaint_reference_counters.last, excluded.last)`,
      [year, last],
    );
  return cases.length;
}
