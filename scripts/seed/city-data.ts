/**
 * Place and people names for the demo city, modelled on Jinan (济南, ~650,000 water households
 * in the source articles): its real districts and counties, main roads, and the commonest
 * Chinese surnames and given names. The pinyin is written the way street signs print it.
 */

export type TStreet = { zh: string; en: string };

export type TDistrictSpec = {
  code: string;
  /** Civil-affairs area code, used in 低保 certificate numbers. */
  areaCode: string;
  nameZh: string;
  nameEn: string;
  rural: boolean;
  /** Relative share of the city's households. */
  weight: number;
  streets: readonly TStreet[];
  /** Rural districts: towns (镇) with their villages (村). */
  towns?: readonly { zh: string; en: string; villages: readonly TStreet[] }[];
};

const s = (zh: string, en: string): TStreet => ({ zh, en });

export const DISTRICTS: readonly TDistrictSpec[] = [
  {
    code: 'LX',
    areaCode: '370102',
    nameZh: '历下区',
    nameEn: 'Lixia District',
    rural: false,
    weight: 16,
    streets: [
      s('泉城路', 'Quancheng Rd'),
      s('经十路', 'Jingshi Rd'),
      s('解放路', 'Jiefang Rd'),
      s('历山路', 'Lishan Rd'),
      s('燕子山路', 'Yanzishan Rd'),
      s('文化东路', 'Wenhua East Rd'),
      s('山大路', 'Shanda Rd'),
    ],
  },
  {
    code: 'SZ',
    areaCode: '370103',
    nameZh: '市中区',
    nameEn: 'Shizhong District',
    rural: false,
    weight: 15,
    streets: [
      s('经四路', 'Jingsi Rd'),
      s('纬二路', 'Weier Rd'),
      s('英雄山路', 'Yingxiongshan Rd'),
      s('玉函路', 'Yuhan Rd'),
      s('舜耕路', 'Shungeng Rd'),
      s('二七新村南路', 'Erqi Xincun South Rd'),
    ],
  },
  {
    code: 'HY',
    areaCode: '370104',
    nameZh: '槐荫区',
    nameEn: 'Huaiyin District',
    rural: false,
    weight: 12,
    streets: [
      s('经七路', 'Jingqi Rd'),
      s('纬十二路', 'Weishier Rd'),
      s('阳光新路', 'Yangguang Xin Rd'),
      s('张庄路', 'Zhangzhuang Rd'),
      s('济齐路', 'Jiqi Rd'),
    ],
  },
  {
    code: 'TQ',
    areaCode: '370105',
    nameZh: '天桥区',
    nameEn: 'Tianqiao District',
    rural: false,
    weight: 12,
    streets: [
      s('北园大街', 'Beiyuan St'),
      s('无影山路', 'Wuyingshan Rd'),
      s('堤口路', 'Dikou Rd'),
      s('明湖北路', 'Minghu North Rd'),
      s('清河北路', 'Qinghe North Rd'),
    ],
  },
  {
    code: 'LC',
    areaCode: '370112',
    nameZh: '历城区',
    nameEn: 'Licheng District',
    rural: false,
    weight: 17,
    streets: [
      s('花园路', 'Huayuan Rd'),
      s('工业北路', 'Gongye North Rd'),
      s('华信路', 'Huaxin Rd'),
      s('二环东路', 'Erhuan East Rd'),
      s('祝舜路', 'Zhushun Rd'),
      s('港沟路', 'Ganggou Rd'),
    ],
  },
  {
    code: 'CQ',
    areaCode: '370113',
    nameZh: '长清区',
    nameEn: 'Changqing District',
    rural: false,
    weight: 7,
    streets: [
      s('大学路', 'Daxue Rd'),
      s('峰山路', 'Fengshan Rd'),
      s('五峰路', 'Wufeng Rd'),
      s('清河街', 'Qinghe St'),
    ],
  },
  {
    code: 'ZQ',
    areaCode: '370114',
    nameZh: '章丘区',
    nameEn: 'Zhangqiu District',
    rural: true,
    weight: 8,
    streets: [
      s('明水大街', 'Mingshui St'),
      s('汇泉路', 'Huiquan Rd'),
      s('百脉泉路', 'Baimaiquan Rd'),
    ],
    towns: [
      {
        zh: '相公庄街道',
        en: 'Xianggongzhuang Subdistrict',
        villages: [s('东坡村', 'Dongpo Village'), s('梭庄村', 'Suozhuang Village')],
      },
      {
        zh: '官庄街道',
        en: 'Guanzhuang Subdistrict',
        villages: [s('石匣村', 'Shixia Village'), s('朱家峪村', 'Zhujiayu Village')],
      },
    ],
  },
  {
    code: 'JY',
    areaCode: '370115',
    nameZh: '济阳区',
    nameEn: 'Jiyang District',
    rural: true,
    weight: 5,
    streets: [s('纬三路', 'Weisan Rd'), s('开元大街', 'Kaiyuan St')],
    towns: [
      {
        zh: '崔寨街道',
        en: 'Cuizhai Subdistrict',
        villages: [s('王家村', 'Wangjia Village'), s('大街村', 'Dajie Village')],
      },
      {
        zh: '曲堤街道',
        en: 'Qudi Subdistrict',
        villages: [s('前街村', 'Qianjie Village'), s('韩家村', 'Hanjia Village')],
      },
    ],
  },
  {
    code: 'PY',
    areaCode: '370124',
    nameZh: '平阴县',
    nameEn: 'Pingyin County',
    rural: true,
    weight: 4,
    streets: [s('青龙路', 'Qinglong Rd'), s('锦东路', 'Jindong Rd')],
    towns: [
      {
        zh: '孝直镇',
        en: 'Xiaozhi Town',
        villages: [s('前屯村', 'Qiantun Village'), s('孝直村', 'Xiaozhi Village')],
      },
      {
        zh: '玫瑰镇',
        en: 'Meigui Town',
        villages: [s('玫瑰村', 'Meigui Village'), s('黄河村', 'Huanghe Village')],
      },
    ],
  },
  {
    code: 'SH',
    areaCode: '370126',
    nameZh: '商河县',
    nameEn: 'Shanghe County',
    rural: true,
    weight: 4,
    streets: [s('商中路', 'Shangzhong Rd'), s('鑫源路', 'Xinyuan Rd')],
    towns: [
      {
        zh: '玉皇庙镇',
        en: 'Yuhuangmiao Town',
        villages: [s('店子村', 'Dianzi Village'), s('牛家村', 'Niujia Village')],
      },
      {
        zh: '白桥镇',
        en: 'Baiqiao Town',
        villages: [s('北街村', 'Beijie Village'), s('刘家村', 'Liujia Village')],
      },
    ],
  },
];

/** Residential compounds (小区) appended to urban addresses. */
export const COMPOUNDS: readonly TStreet[] = [
  s('阳光花园', 'Yangguang Garden'),
  s('泉景小区', 'Quanjing Estate'),
  s('鲁能康桥', 'Luneng Kangqiao'),
  s('燕山小区', 'Yanshan Estate'),
  s('七里山小区', 'Qilishan Estate'),
  s('建设里', 'Jianshe Li'),
  s('山水家园', 'Shanshui Homes'),
  s('和平新村', 'Heping Xincun'),
  s('金泰小区', 'Jintai Estate'),
  s('舜华园', 'Shunhua Yuan'),
];

/** Commonest surnames with their rough share (per cent of the population). */
export const SURNAMES: readonly { value: string; weight: number }[] = [
  { value: '王', weight: 7.1 },
  { value: '李', weight: 7.0 },
  { value: '张', weight: 6.8 },
  { value: '刘', weight: 5.4 },
  { value: '陈', weight: 4.5 },
  { value: '杨', weight: 3.1 },
  { value: '赵', weight: 2.3 },
  { value: '黄', weight: 2.2 },
  { value: '周', weight: 2.1 },
  { value: '吴', weight: 2.0 },
  { value: '徐', weight: 1.7 },
  { value: '孙', weight: 1.5 },
  { value: '马', weight: 1.5 },
  { value: '朱', weight: 1.3 },
  { value: '胡', weight: 1.3 },
  { value: '郭', weight: 1.2 },
  { value: '何', weight: 1.2 },
  { value: '高', weight: 1.1 },
  { value: '林', weight: 1.1 },
  { value: '于', weight: 0.9 },
  { value: '韩', weight: 0.8 },
];

export const GIVEN_NAMES: readonly string[] = [
  '秀英',
  '桂英',
  '秀兰',
  '玉兰',
  '桂兰',
  '建国',
  '建华',
  '志强',
  '国强',
  '海燕',
  '丽娟',
  '文静',
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '霞',
  '平',
  '刚',
  '红梅',
  '春梅',
  '晓东',
  '振华',
];
