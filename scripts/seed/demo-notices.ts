/**
 * Service notices of the demo city: a power cut in progress in the demo resident's district,
 * low-pressure supply there in three days, and this month's water-quality results for the
 * whole city. Times are relative to the moment of seeding, so the demo always has a current
 * and an upcoming notice. They count as already announced (`notified_at` set), so starting
 * the server does not mail every demo resident.
 */
const HOUR_MS = 3_600_000;

type TQuery = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

type TDemoNotice = {
  kind: 'planned_outage' | 'water_outage' | 'works' | 'low_pressure' | 'water_quality';
  utility: 'water' | 'electricity';
  titleZh: string;
  titleEn: string | null;
  bodyZh: string;
  bodyEn: string | null;
  startsAt: Date;
  endsAt: Date;
  publishedAt: Date;
  /** District ids, or 'all'. */
  districts: number[] | 'all';
};

export function demoNotices(
  now: Date,
  district: { id: number; nameZh: string; nameEn: string },
): TDemoNotice[] {
  const at = (hours: number) => new Date(now.getTime() + hours * HOUR_MS);
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) - 8 * HOUR_MS);
  return [
    {
      kind: 'planned_outage',
      utility: 'electricity',
      titleZh: `${district.nameZh}线路检修计划停电通知`,
      titleEn: `Planned power cut for line maintenance in ${district.nameEn}`,
      bodyZh:
        `为保证安全可靠供电，供电公司将对${district.nameZh}部分 10 千伏线路进行检修，检修期间该区域停电。` +
        '\n\n请提前做好准备，关闭家用电器，注意用电安全。如遇天气等原因，停电时间可能调整。',
      bodyEn:
        `To keep the supply safe and reliable, we are servicing 10 kV lines in ${district.nameEn}; ` +
        'the area is without power while the work goes on.\n\nPlease get ready in advance and switch off ' +
        'appliances. Bad weather may move the times.',
      startsAt: at(-2),
      endsAt: at(4),
      publishedAt: at(-8 * 24),
      districts: [district.id],
    },
    {
      kind: 'low_pressure',
      utility: 'water',
      titleZh: `${district.nameZh}低压片区管网改造降压供水通知`,
      titleEn: null,
      bodyZh:
        `为解决${district.nameZh}部分小区水压偏低的问题，供水公司将进行低压片区管网改造施工。` +
        '施工期间该区域降压供水，高层住户可能出现水压不足，请提前储水。' +
        '\n\n施工完成后水压将达到设计要求。',
      bodyEn: null,
      startsAt: at(3 * 24),
      endsAt: at(3 * 24 + 10),
      publishedAt: at(-24),
      districts: [district.id],
    },
    {
      kind: 'water_quality',
      utility: 'water',
      titleZh: '本月供水水质公告',
      titleEn: 'Drinking water quality this month',
      bodyZh:
        '供水公司在全市 83 处水质监测点对出厂水、管网水实行 24 小时在线监测，按国家标准检测 104 项水质指标。' +
        '\n\n本月各项指标均符合《生活饮用水卫生标准》，请放心饮用。',
      bodyEn:
        'We monitor treated and network water around the clock at 83 points across the city and test ' +
        '104 indicators to the national standard.\n\nThis month every indicator meets the drinking ' +
        'water standard.',
      startsAt: monthStart,
      endsAt: new Date(monthStart.getTime() + 45 * 24 * HOUR_MS),
      publishedAt: at(-12),
      districts: 'all',
    },
  ];
}

/** Writes the demo notices; the demo resident's district is that of household 1's premises. */
export async function writeDemoNotices(query: TQuery, now: Date = new Date()): Promise<number> {
  const { rows } = await query(
    `SELECT d.id, d.name_zh, d.name_en FROM service_accounts sa
       JOIN premises p ON p.id = sa.premises_id JOIN districts d ON d.id = p.district_id
      WHERE sa.id = 1`,
  );
  const [home] = rows;
  if (!home) return 0;
  const district = {
    id: Number(home.id),
    nameZh: String(home.name_zh),
    nameEn: String(home.name_en),
  };
  let written = 0;
  for (const notice of demoNotices(now, district)) {
    const inserted = await query(
      `INSERT INTO notices (kind, utility, title_zh, title_en, body_zh, body_en, starts_at, ends_at,
                            status, published_at, notified_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'published', $9, $9) RETURNING id`,
      [
        notice.kind,
        notice.utility,
        notice.titleZh,
        notice.titleEn,
        notice.bodyZh,
        notice.bodyEn,
        notice.startsAt.toISOString(),
        notice.endsAt.toISOString(),
        notice.publishedAt.toISOString(),
      ],
    );
    const noticeId = Number(inserted.rows[0]?.id);
    if (notice.districts === 'all') {
      await query(
        `INSERT INTO notice_targets (notice_id, district_id) SELECT $1, id FROM districts`,
        [noticeId],
      );
    } else {
      for (const districtId of notice.districts) {
        await query(`INSERT INTO notice_targets (notice_id, district_id) VALUES ($1, $2)`, [
          noticeId,
          districtId,
        ]);
      }
    }
    written += 1;
  }
  return written;
}
