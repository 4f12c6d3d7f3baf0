/** 博山区扫雪除冰应急预案 (博政办字〔2020〕14号) as data. Every rule cites its clause; see schema.ts. */
import type { PlanInput } from './schema.ts';

/** 2.4.1 专业扫雪除冰力量 */
const PROFESSIONAL = ['sanitation', 'housing', 'transport', 'highway'];
const TOWNS = [
  'chengdong',
  'chengxi',
  'shantou',
  'yucheng',
  'baita',
  'badou',
  'shima',
  'yuanquan',
  'chishang',
  'boshan-town',
];
const MEMBERS = [
  'renwubu',
  'propaganda',
  'police',
  'education',
  'finance',
  'housing',
  'transport',
  'agriculture',
  'commerce',
  'culture-tourism',
  'health',
  'market',
  'emergency',
  'enforcement',
  'sanitation',
  'traffic-police',
  'weather',
  'power-supply',
  'fire',
  'highway',
  'waterworks',
  'mobile',
  'unicom',
  'telecom',
];
/** members whose own 2.1.2 duties are for major snow only (see the readings below) */
const MAJOR_ONLY = ['renwubu', 'fire'];
const OPERATORS = ['mobile', 'unicom', 'telecom'];
/**
 * 6.4 "各相关单位", the subject of the clause's haulage duty and, read on, of its clearance limits: the
 * professional forces (2.4.1) and the towns and streets, which answer for the roads of their area (2.3).
 */
const CLEARANCE = [...PROFESSIONAL, ...TOWNS];

const member = (id: string, name: string, en: string, duty: string) => ({
  id,
  name,
  en,
  kind: 'department' as const,
  duty: { text: duty, clause: '2.1.2' },
});
const town = (id: string, name: string, en: string) => ({
  id,
  name,
  en,
  kind: 'town' as const,
  duty: {
    text: '负责辖区内主次干道、桥梁、村（社区）街巷及桥梁、坡道的扫雪除冰工作；负责辖区内因雪灾引发的各类灾情救援的组织指挥。',
    clause: '2.3',
  },
});
/** 5: the response starts on the weather warning, with no signature */
const ON_WARNING = {
  body: { zh: '区扫雪除冰应急指挥部（接气象预警即启动）', en: 'District HQ, on the weather warning' },
  signer: null,
  clause: '5',
  quote: '各镇（街道）及各相关单位接到预警信息后，要迅速启动应急响应',
};
/** the plan names no one who ends a response: read as the HQ's command (see readings) */
const BY_HQ = {
  body: { zh: '区扫雪除冰应急指挥部', en: 'District snow-removal HQ' },
  signer: null,
  clause: '2.1.1',
  quote: '负责组织指挥全区扫雪除冰工作',
};
const OPERATOR_DUTY =
  '负责向市民免费发送降雪量等信息，提醒广大市民注意出行安全；组织人员清除基站（塔）积雪冰冻，消除安全隐患，确保通信畅通。';

export const snowIce = {
  id: 'snow-ice',
  title: { zh: '博山区扫雪除冰应急预案', en: 'Boshan District Snow and Ice Removal Emergency Plan' },
  docNumber: '博政办字〔2020〕14号',
  issuer: '博山区人民政府办公室',
  issuedOn: '2020-04-03',
  sourceFile: '博政办字〔2020〕14号.txt',
  scope: {
    text: {
      zh: '全区范围内扫雪除冰工作，以高速公路连接线、对外主要交通道路、桥梁、坡道、主干道、服务场所为重点',
      en: 'Snow and ice removal throughout the district, first on expressway links, main roads, bridges, slopes and service sites',
    },
    clause: '1.3',
    quote: '本预案适用于全区范围内扫雪除冰工作',
  },
  tiering: { clause: '5.2', quote: '在中雪预警响应的基础上' },
  boundaryRule: { clause: '3', quote: '上述“以上”含本数，“以下”不含本数。' },
  indicators: [
    {
      key: 'snowfall12hMm',
      kind: 'number',
      name: { zh: '12小时降雪量（融化后水量）', en: '12-hour snowfall (melted water)' },
      unit: { zh: '毫米', en: 'mm' },
      min: 0,
      max: 200,
      integer: false,
    },
    {
      key: 'snowfall24hMm',
      kind: 'number',
      name: { zh: '24小时降雪量（融化后水量）', en: '24-hour snowfall (melted water)' },
      unit: { zh: '毫米', en: 'mm' },
      min: 0,
      max: 300,
      integer: false,
    },
    {
      key: 'snowDepthCm',
      kind: 'number',
      name: { zh: '积雪深度', en: 'Snow depth' },
      unit: { zh: '厘米', en: 'cm' },
      min: 0,
      max: 300,
      integer: false,
    },
    {
      key: 'temperatureC',
      kind: 'number',
      name: { zh: '环境温度', en: 'Air temperature' },
      unit: { zh: '℃', en: '°C' },
      min: -40,
      max: 45,
      integer: false,
    },
  ],
  levels: [
    {
      id: 'III',
      name: { zh: 'Ⅲ级 中雪（黄色预警）', en: 'Level III — moderate snow (yellow)' },
      color: 'yellow',
      clause: '3',
      quote: 'Ⅲ级：中雪，黄色预警。',
      criteria: [
        {
          id: 'iii-12h',
          clause: '3',
          quote: '12 小时降雪量达到 1—3毫米',
          text: { zh: '12小时降雪量1至3毫米', en: '12-hour snowfall 1 to 3 mm' },
          when: { indicator: 'snowfall12hMm', gte: 1, lt: 3 },
        },
        {
          id: 'iii-24h',
          clause: '3',
          quote: '24 小时降雪量达到 2.5—5 毫米',
          text: { zh: '24小时降雪量2.5至5毫米', en: '24-hour snowfall 2.5 to 5 mm' },
          when: { indicator: 'snowfall24hMm', gte: 2.5, lt: 5 },
        },
        {
          id: 'iii-depth',
          clause: '3',
          quote: '积雪深度达 3—5 厘米',
          text: { zh: '积雪深度3至5厘米', en: 'Snow depth 3 to 5 cm' },
          when: { indicator: 'snowDepthCm', gte: 3, lt: 5 },
        },
      ],
      declare: ON_WARNING,
      lift: BY_HQ,
    },
    {
      id: 'II',
      name: { zh: 'Ⅱ级 大雪（橙色预警）', en: 'Level II — heavy snow (orange)' },
      color: 'orange',
      clause: '3',
      quote: 'Ⅱ级：大雪，橙色预警。',
      criteria: [
        {
          id: 'ii-12h',
          clause: '3',
          quote: '12 小时降雪量达到 3—6毫米',
          text: { zh: '12小时降雪量3至6毫米', en: '12-hour snowfall 3 to 6 mm' },
          when: { indicator: 'snowfall12hMm', gte: 3, lt: 6 },
        },
        {
          id: 'ii-24h',
          clause: '3',
          quote: '24 小时降雪量达到 5—10 毫米',
          text: { zh: '24小时降雪量5至10毫米', en: '24-hour snowfall 5 to 10 mm' },
          when: { indicator: 'snowfall24hMm', gte: 5, lt: 10 },
        },
        {
          id: 'ii-depth',
          clause: '3',
          quote: '积雪深度达 5—8 厘米',
          text: { zh: '积雪深度5至8厘米', en: 'Snow depth 5 to 8 cm' },
          when: { indicator: 'snowDepthCm', gte: 5, lt: 8 },
        },
      ],
      declare: ON_WARNING,
      lift: BY_HQ,
    },
    {
      id: 'I',
      name: { zh: 'Ⅰ级 暴雪（红色预警）', en: 'Level I — blizzard (red)' },
      color: 'red',
      clause: '3',
      quote: 'Ⅰ级：暴雪，红色预警。',
      criteria: [
        {
          id: 'i-12h',
          clause: '3',
          quote: '12 小时降雪量（雪融化后的水量）达到 6 毫米以上',
          text: { zh: '12小时降雪量6毫米以上', en: '12-hour snowfall 6 mm or more' },
          when: { indicator: 'snowfall12hMm', gte: 6 },
        },
        {
          id: 'i-24h',
          clause: '3',
          quote: '24 小时降雪量达到 10 毫米以上',
          text: { zh: '24小时降雪量10毫米以上', en: '24-hour snowfall 10 mm or more' },
          when: { indicator: 'snowfall24hMm', gte: 10 },
        },
        {
          id: 'i-depth',
          clause: '3',
          quote: '积雪深度达 8 厘米以上',
          text: { zh: '积雪深度8厘米以上', en: 'Snow depth 8 cm or more' },
          when: { indicator: 'snowDepthCm', gte: 8 },
        },
      ],
      declare: ON_WARNING,
      lift: BY_HQ,
    },
  ],
  units: [
    member(
      'renwubu',
      '区人武部',
      'District People’s Armed Forces Department',
      '负责协调驻博部队及民兵应急分队和预备役人员，支援地方的扫雪除冰工作。',
    ),
    member(
      'propaganda',
      '区委宣传部',
      'Publicity Department of the District Committee',
      '负责协调新闻单位报道天气变化和扫雪除冰情况，对未尽义务的单位予以曝光，发挥新闻监督作用；做好扫雪除冰应急知识的宣传工作。',
    ),
    member(
      'police',
      '区公安分局',
      'District Public Security Sub-bureau',
      '负责冰雪天气的治安工作；组织力量配合做好扫雪除冰。',
    ),
    member(
      'education',
      '区教体局',
      'District Education and Sports Bureau',
      '负责组织各学校开展扫雪除冰工作，保障正常教学秩序；在出现极端降雪天气影响师生人身安全时，按照有关规定及时调整学生作息时间或短期放假。',
    ),
    member(
      'finance',
      '区财政局',
      'District Finance Bureau',
      '负责依据扫雪除冰工作主管部门的年度预算，及时落实扫雪除冰工作经费。',
    ),
    member(
      'housing',
      '区住建局',
      'District Housing and Urban-Rural Development Bureau',
      '负责组织协调所管辖新建道路、桥梁积雪的清理，天燃气保供及设施防冻工作，组织对在建工地及周边的积雪清扫和防灾救灾，依托所属企业和建筑工地组建一定数量的机械铲雪作业队伍，按照区指挥部安排对重点路段进行突击扫雪和抢险。指导监督各物业小区管理单位做好物业管理区域内扫雪除冰工作。建立城区危旧险房信息库，牵头组织所辖危旧险房的维修，防止倒塌；对因雪灾损坏、倒塌的房屋，指导督促责任部门采取临时加固、防护等措施，防止房屋损坏进一步扩大。',
    ),
    member(
      'transport',
      '区交通运输局',
      'District Transport Bureau',
      '负责所辖公交站场、客运汽车站，以及境内交通道路的扫雪除冰和清障工作。组织做好公交、客运车辆防冻防滑工作，组织安全巡视，督促检查所辖路段和区域的扫雪除冰及应急抢险工作；负责抢险救灾人员、物资运输、灾民和物资撤离等所需的运输工具，保障抢险救灾通道的畅通；保障好因雪灾滞留客运站场旅客的生活，维护站场秩序。',
    ),
    member(
      'agriculture',
      '区农业农村局',
      'District Agriculture and Rural Affairs Bureau',
      '负责加强对冬季农作物的田间管理，帮助农户做好冬季农作物的除冰工作。',
    ),
    member(
      'commerce',
      '区商务局',
      'District Commerce Bureau',
      '负责指导各大中型商场和超市制定扫雪除冰预案、准备扫雪工具、做好扫雪除冰工作。',
    ),
    member(
      'culture-tourism',
      '区文化和旅游局',
      'District Culture and Tourism Bureau',
      '负责做好全区各旅游景点管理和隐患排查，组织人员及时清扫旅游景点积雪，营造良好的景区环境。',
    ),
    member(
      'health',
      '区卫健局',
      'District Health Commission',
      '负责督促各医院开展扫雪除冰工作，保障医疗卫生场所环境清洁；组织医疗机构对受伤人员进行医疗救治。',
    ),
    member(
      'market',
      '区市场监管局',
      'District Market Supervision Bureau',
      '负责督促辖区内各大市场、大卖场及农贸市场的扫雪除冰工作。',
    ),
    member(
      'emergency',
      '区应急局',
      'District Emergency Management Bureau',
      '负责会同区综合行政执法局、区市政园林环卫服务中心组织实施《博山区扫雪除冰应急预案》。',
    ),
    member(
      'enforcement',
      '区综合行政执法局',
      'District Comprehensive Administrative Law Enforcement Bureau',
      '负责组织执法人员和区市政园林环卫服务中心职工开展扫雪除冰工作；加强大型户外广告积雪清除和隐患排查工作；组织执法人员检查、监督道路及沿街单位扫雪情况，对拒不履行市容环境卫生责任制要求，不及时清扫门前雪的单位和店家进行教育和处罚。',
    ),
    member(
      'sanitation',
      '区市政园林环卫服务中心',
      'District Municipal Landscaping and Sanitation Service Centre',
      '负责调度投入扫雪除冰专业队伍和设备上路冲、铲积雪及积雪残冰清运；确定积雪消融场所，以堆放含有融雪剂的积雪；负责所属公园、道路、绿地内扫雪除冰工作；适时组织清除绿化植物积雪，防止树木倒伏和折断伤人；及时清除倒伏树木、断裂树枝等道路障碍物防止影响交通；承担区指挥部办公室日常工作。',
    ),
    member(
      'traffic-police',
      '博山交警大队',
      'Boshan Traffic Police Brigade',
      '负责做好冰雪天气道路交通指挥，组织排障车清理交通事故车辆，及时向指挥部提供全区道路交通情况和积雪情况，并根据雪情、路况，对部分道路实行封闭（报备区指挥部）或限速行驶。引导过往车辆主动避让扫运雪人员和车辆，对造成伤害事故的，按规定及时处理。',
    ),
    member(
      'weather',
      '区气象局',
      'District Meteorological Bureau',
      '负责雪情预警信息发布；在降雪季节内，每周向区有关部门书面通报天气情况；遇有降雪天气和出现道路结冰现象，每日发送天气预报。',
    ),
    member(
      'power-supply',
      '博山供电中心',
      'Boshan Power Supply Centre',
      '负责组织力量进行设备巡查和检修，做好因冰雪灾害引发线路冰冻、电杆倒塌等事故的防范和抢险工作，保障电力设施安全运行。',
    ),
    member('fire', '区消防救援大队', 'District Fire and Rescue Brigade', '负责重大雪情抢险救灾工作。'),
    member(
      'highway',
      '博山公路事业服务中心',
      'Boshan Highway Service Centre',
      '负责管理的国道、省道的扫雪除冰和清障工作；组织安全巡视，督促检查所辖路段和区域的扫雪除冰及应急抢险工作。',
    ),
    member('waterworks', '区自来水公司', 'District Waterworks Company', '负责自来水保供及设施防冻工作。'),
    member('mobile', '博山移动公司', 'Boshan China Mobile', OPERATOR_DUTY),
    member('unicom', '博山联通公司', 'Boshan China Unicom', OPERATOR_DUTY),
    member('telecom', '博山电信公司', 'Boshan China Telecom', OPERATOR_DUTY),
    town('chengdong', '城东街道', 'Chengdong Subdistrict'),
    town('chengxi', '城西街道', 'Chengxi Subdistrict'),
    town('shantou', '山头街道', 'Shantou Subdistrict'),
    town('yucheng', '域城镇', 'Yucheng Town'),
    town('baita', '白塔镇', 'Baita Town'),
    town('badou', '八陡镇', 'Badou Town'),
    town('shima', '石马镇', 'Shima Town'),
    town('yuanquan', '源泉镇', 'Yuanquan Town'),
    town('chishang', '池上镇', 'Chishang Town'),
    town('boshan-town', '博山镇', 'Boshan Town'),
  ],
  actions: [
    {
      id: 'on-duty',
      level: 'III',
      title: { zh: '带班领导到岗，24小时值班', en: 'Leaders on duty, 24-hour watch' },
      detail:
        '市气象局或区气象局发布中雪预报后，各相关单位带班领导、人员到岗，实行24小时值班，确保通信畅通。',
      clause: '5.1',
      quote: '各相关单位带班领导、人员到岗，实行 24 小时值班，确保通信畅通',
      units: [...MEMBERS, ...TOWNS],
    },
    {
      id: 'standby-ready',
      level: 'III',
      title: { zh: '备勤点人员、装备、车辆全部到位', en: 'Standby crews, equipment and vehicles in place' },
      detail: '各备勤点扫雪除冰人员、装备、车辆全部到位，做好应急准备工作。',
      clause: '5.1',
      quote: '各备勤点扫雪除冰人员、装备、车辆全部到位',
      units: PROFESSIONAL,
    },
    {
      id: 'towns-start',
      level: 'III',
      title: {
        zh: '镇（街道）及各相关单位启动应急响应，人员到岗、调集车辆物资',
        en: 'Towns and units start their response: staff to posts, vehicles and materials ready',
      },
      detail:
        '各镇（街道）及各相关单位接到预警信息后，要迅速启动应急响应，严格落实扫雪除冰各项准备工作。相关单位立即组织本单位应急工作人员到达工作岗位，调动扫雪除冰作业所需车辆、工具和物资，特别是遇有夜间、节假日降雪预报时，要留有充足人员和后备力量，随时做好应急响应准备。',
      clause: '5',
      quote: '各镇（街道）及各相关单位接到预警信息后，要迅速启动应急响应，严格落实扫雪除冰各项准备工作',
      units: [...TOWNS, ...MEMBERS],
    },
    {
      id: 'member-duties',
      level: 'III',
      title: { zh: '按成员单位职责开展扫雪除冰', en: 'Carry out the unit’s listed duties' },
      detail: '各成员单位按照2.1.2所列本单位职责开展扫雪除冰工作。',
      clause: '2.1.2',
      quote: '区指挥部成员单位职责',
      units: MEMBERS.filter((u) => !MAJOR_ONLY.includes(u)),
    },
    {
      id: 'broadcast',
      level: 'III',
      title: { zh: '广播电视立即插播预警', en: 'Broadcast the warning at once' },
      detail:
        '市气象局或区气象局发布雪情预警信息后，区广播电台、电视台、报社、网站和通信运营单位要及时、准确地向社会公众传播预警信息。广播、电视等媒体应立即插播并滚动播报。',
      clause: '5',
      quote: '广播、电视等媒体应立即插播并滚动播报',
      units: ['propaganda'],
    },
    {
      id: 'venue-displays',
      level: 'III',
      title: { zh: '车站、景点等场所显示预警', en: 'Stations and scenic sites display the warning' },
      detail: '车站、高速公路、旅游景点等场所的管理单位应利用电子显示装置或其他方式传播预警信息。',
      clause: '5',
      quote: '车站、高速公路、旅游景点等场所的管理单位应利用电子显示装置或其他方式传播预警信息',
      units: ['transport', 'culture-tourism'],
    },
    {
      id: 'inspection-team',
      level: 'III',
      title: { zh: '组成巡查督查小组', en: 'Form the inspection team' },
      detail:
        '区应急局、区综合行政执法局、区市政园林环卫服务中心要安排专人组成巡查督查小组，加强对扫雪除冰工作完成情况的督查，对行动迟缓、工作不力、未按要求完成的给予通报、媒体曝光，督促推进各相关单位落实扫雪除冰任务。',
      clause: '7.4',
      quote: '区应急局、区综合行政执法局、区市政园林环卫服务中心要安排专人组成巡查督查小组',
      units: ['emergency', 'enforcement', 'sanitation'],
    },
    {
      id: 'pre-snow-mild',
      level: 'III',
      title: {
        zh: '雪前：车辆进入待命位置（0℃左右及以上）',
        en: 'Before snow: vehicles to standby (about 0 °C or above)',
      },
      detail:
        '遇有降雪预报时，环境温度较高（气温处于0℃左右及以上），提前将作业车辆进入各待命作业位置，确保在短时间内迅速开展作业，人行步道专业清扫作业人员和设备做好准备。',
      clause: '6.2',
      quote: '提前将作业车辆进入各待命作业位置，确保在短时间内迅速开展作业',
      units: PROFESSIONAL,
      condition: {
        kind: 'temperature',
        gte: 0,
        label: { zh: '气温0℃左右及以上', en: 'about 0 °C or above' },
        clause: '6.2',
        quote: '环境温度较高（气温处于 0℃左右及以上）',
      },
    },
    {
      id: 'pre-snow-cold',
      level: 'III',
      title: {
        zh: '雪前：车辆待命并预撒融雪剂（-5～0℃左右）',
        en: 'Before snow: standby and pre-spread de-icer (about −5 to 0 °C)',
      },
      detail:
        '遇有降雪预报时，环境温度较低（气温处于-5-0℃左右），提前将作业车辆进入各待命作业位置，确保在短时间内迅速开展作业，人行步道专业清扫作业人员和设备做好准备，责任单位按责任区域预撒融雪剂。',
      clause: '6.2',
      quote: '责任单位按责任区域预撒融雪剂',
      units: PROFESSIONAL,
      condition: {
        kind: 'temperature',
        lt: 0,
        label: { zh: '气温-5～0℃左右（更低时同样适用）', en: 'about −5 to 0 °C (applied below −5 too)' },
        clause: '6.2',
        quote: '环境温度较低（气温处于-5-0℃左右）',
      },
    },
    {
      id: 'in-snow-mild',
      level: 'III',
      title: {
        zh: '雪中：坡道桥梁少量撒融雪剂（0℃左右及以上）',
        en: 'During snow: light de-icer on bridges and ramps (about 0 °C or above)',
      },
      detail:
        '环境温度较高（气温处于0℃左右及以上）。责任单位按照责任区域在桥梁、车行道的坡道等路段处视雪情撒布少量融雪剂，必要时开展扫雪作业，其余路段依靠较高温度使积雪自然融化；及时对人行步道的坡道、地下通道台阶、桥梁台阶等处进行积雪清扫。',
      clause: '6.3',
      quote: '在桥梁、车行道的坡道等路段处视雪情撒布少量融雪剂',
      units: PROFESSIONAL,
      condition: {
        kind: 'temperature',
        gte: 0,
        label: { zh: '气温0℃左右及以上', en: 'about 0 °C or above' },
        clause: '6.3',
        quote: '环境温度较高（气温处于 0℃左右及以上）',
      },
    },
    {
      id: 'in-snow-cold',
      level: 'III',
      title: {
        zh: '雪中：积雪15毫米起“先铲后撒”（-5～0℃左右）',
        en: 'During snow: plough then spread from 15 mm (about −5 to 0 °C)',
      },
      detail:
        '环境温度较低（气温处于-5-0℃左右），积雪达到15毫米始在车行道开展“先铲后撒”机械除雪作业，作业频次应当保持在使路面积雪厚度≤10毫米频次，确保城区主干道及各高速公路连接线、进出城通道单向至少一个车道畅通。高架、桥梁、车行道的坡道等路段以融雪为主，作业频次应当保持路面不得有明显积雪。及时对人行步道及沿线行道树进行积雪清扫清除，坡道、地下通道台阶、桥梁台阶等处适量使用融雪剂。',
      clause: '6.3',
      quote: '积雪达到 15 毫米始在车行道开展“先铲后撒”机械除雪作业',
      units: PROFESSIONAL,
      condition: {
        kind: 'temperature',
        lt: 0,
        label: { zh: '气温-5～0℃左右（更低时同样适用）', en: 'about −5 to 0 °C (applied below −5 too)' },
        clause: '6.3',
        quote: '环境温度较低（气温处于-5-0℃左右）',
      },
    },
    {
      id: 'after-snow-haul',
      level: 'III',
      title: { zh: '雪后：积雪残冰运至指定消融点', en: 'After snow: haul snow and ice to the melting sites' },
      detail:
        '降雪结束后，各相关单位要将路边积雪、残冰及时运至指定倾卸消融点，不得随意堆积在路边，以免影响市容环境；不得将含有融雪剂的残雪、残冰堆积在树池、绿地内，以免盐化土壤，危害园林植物的正常生长；不得向路面扬洒积雪，避免因路面结冰造成交通安全隐患。',
      clause: '6.4',
      quote: '各相关单位要将路边积雪、残冰及时运至指定倾卸消融点',
      units: CLEARANCE,
    },
    {
      id: 'after-snow-lines',
      level: 'III',
      title: { zh: '雪后：清除管线冰雪', en: 'After snow: clear ice from lines and pipes' },
      detail: '雪后出现冰冻的，供气、供热、通讯、电力等部门要尽快清除管线冰雪，防止衍生事故发生。',
      clause: '6.4',
      quote: '雪后出现冰冻的，供气、供热、通讯、电力等部门要尽快清除管线冰雪',
      units: ['housing', 'power-supply', ...OPERATORS],
    },
    {
      id: 'heads-to-hq',
      level: 'II',
      title: { zh: '各单位负责人到区指挥部', en: 'Heads of units report to the district HQ' },
      detail: '在中雪预警响应的基础上，各镇办、各相关单位负责人到区指挥部参加扫雪除冰保障应急工作。',
      clause: '5.2',
      quote: '各镇办、各相关单位负责人到区指挥部参加扫雪除冰保障应急工作',
      units: [...MEMBERS, ...TOWNS],
    },
    {
      id: 'coordinate-forces',
      level: 'II',
      title: { zh: '协调各方面力量投入扫雪除冰', en: 'Bring in every available force' },
      detail: '协调各方面力量投入扫雪除冰，保障冰雪天道路通行条件。',
      clause: '5.2',
      quote: '同时协调各方面力量投入扫雪除冰，保障冰雪天道路通行条件',
      units: ['emergency', 'renwubu'],
    },
    {
      id: 'all-resources',
      level: 'I',
      title: { zh: '调动一切资源全力应对', en: 'Commit every resource' },
      detail:
        '在大雪预警响应的基础上，由区扫雪除冰指挥部按照区扫雪除冰应急预案，调动一切资源，确保人、财、物投入，全力应对灾害。',
      clause: '5.3',
      quote: '调动一切资源，确保人、财、物投入，全力应对灾害',
      units: ['emergency', 'enforcement', 'sanitation', 'finance'],
    },
    {
      id: 'assault-forces',
      level: 'I',
      title: { zh: '突击力量对重点地段突击扫雪', en: 'Assault forces clear key areas' },
      detail:
        '由公安、消防、驻博部队、民兵、预备役部队，区综合行政执法局下属执法人员，党政机关工作人员，以及被征用设备和人员等力量组成。在区指挥部的统一领导下，对重要区域、重点地段进行突击扫雪除冰工作。',
      clause: '2.4.2',
      quote: '对重要区域、重点地段进行突击扫雪除冰工作',
      units: ['police', 'fire', 'renwubu', 'enforcement'],
    },
    {
      id: 'fire-major',
      level: 'I',
      title: { zh: '重大雪情抢险救灾', en: 'Rescue in a major snow event' },
      detail: '区消防救援大队：负责重大雪情抢险救灾工作。',
      clause: '2.1.2',
      quote: '区消防救援大队：负责重大雪情抢险救灾工作',
      units: ['fire'],
    },
  ],
  clocks: [
    {
      id: 'operators-30min',
      level: 'III',
      title: {
        zh: '气象部门发布雪情预警后，运营商30分钟内播发',
        en: 'Operators broadcast the snow warning within 30 minutes of its issue',
      },
      clause: '5',
      quote: '移动、联通、电信、网络等媒体应在 30 分钟内播发',
      owedBy: OPERATORS,
      start: { kind: 'after', milestone: 'snowWarningIssued', offset: { minutes: 30 } },
      beforeLevel: true,
      note: {
        zh: '自“市气象局或区气象局发布雪情预警信息”时起算，不自响应启动起算；发布时间由值班员记录',
        en: 'Counted from the weather bureau’s snow warning, not from the declaration; the duty officer records when it was issued',
      },
    },
    {
      id: 'daily-forecast',
      level: 'III',
      title: {
        zh: '降雪、道路结冰期间区气象局每日发送天气预报',
        en: 'The weather bureau sends a forecast every day of snowfall or road icing',
      },
      clause: '2.1.2',
      quote: '遇有降雪天气和出现道路结冰现象，每日发送天气预报',
      owedBy: ['weather'],
      start: { kind: 'daily', time: '23:59' },
      beforeLevel: true,
      note: {
        zh: '预案未规定钟点，以当日结束（23:59）为限',
        en: 'The plan gives no hour: due by the end of each day (23:59)',
      },
    },
    {
      id: 'clear-moderate-12h',
      level: 'III',
      upTo: 'III',
      title: {
        zh: '中雪结束12小时内完成城区道路积雪清除',
        en: 'Clear urban roads within 12 h after moderate snow ends',
      },
      clause: '6.4',
      quote: '中雪降雪结束12小时内',
      owedBy: CLEARANCE,
      start: { kind: 'after', milestone: 'snowfallEnded', offset: { hours: 12 } },
    },
    {
      id: 'clear-heavy-24h',
      level: 'II',
      title: {
        zh: '大雪以上结束24小时内完成城区道路积雪清除',
        en: 'Clear urban roads within 24 h after heavy snow or worse ends',
      },
      clause: '6.4',
      quote: '大雪以上降雪结束 24 小时内',
      owedBy: CLEARANCE,
      start: { kind: 'after', milestone: 'snowfallEnded', offset: { hours: 24 } },
    },
    {
      id: 'stockpile-dec-1',
      level: 'III',
      title: {
        zh: '每年12月1日前储备物资、保养车辆',
        en: 'Stock materials and service vehicles by 1 December',
      },
      clause: '4.3',
      quote: '在每年 12 月 1 日前要储备充足的扫雪除冰和防滑料等物资',
      owedBy: [...PROFESSIONAL, ...TOWNS],
      start: { kind: 'yearly', month: 12, day: 1 },
    },
  ],
  readings: [
    {
      clause: '3',
      quote: '12 小时降雪量达到 3—6毫米',
      reading: {
        zh: '区间“3—6毫米”按“以上含本数，以下不含本数”读作 3 ≤ x < 6；6 毫米归Ⅰ级。',
        en: 'A range "3–6 mm" reads 3 ≤ x < 6 under the plan’s boundary rule; 6 mm is level I.',
      },
    },
    {
      clause: '6.4',
      quote: '小雪降雪结束 6小时内',
      reading: {
        zh: '小雪不是本预案的预警等级，6小时时限无从触发，未编为时钟；中雪12小时，大雪及暴雪（“大雪以上”）24小时。',
        en: 'Light snow is not a level of this plan, so its 6-hour limit has no trigger and is not a clock; moderate snow 12 h, heavy snow and blizzard ("大雪以上") 24 h.',
      },
    },
    {
      clause: '6.4',
      quote: '降雪结束后，各相关单位要将路边积雪、残冰及时运至指定倾卸消融点',
      reading: {
        zh: '6.4的清除时限句（“中雪降雪结束12小时内，大雪以上降雪结束24小时内，完成城区内道路积雪清除工作”）没有另写主语，读作承接本段开头的“各相关单位”，与同段的积雪残冰清运任务同一组单位：2.4.1的专业扫雪除冰力量（区市政园林环卫服务中心、区住建局、区交通运输局、博山公路事业服务中心）和各镇（街道），后者按2.3“负责辖区内主次干道、桥梁、村（社区）街巷及桥梁、坡道的扫雪除冰工作”。各单位对其负责路段中的城区道路承担时限；控制台不区分哪个镇（街道）有城区道路，十个镇（街道）都派发，由其按实际报告。（原读法：只由四个专业单位承担。）',
        en: 'The clearance limits of 6.4 ("moderate snow within 12 h, heavy snow or worse within 24 h, clear the snow from the roads of the urban area") have no subject of their own; they are read as continuing the paragraph’s "各相关单位", the same units as the haulage duty in the same clause: the professional forces of 2.4.1 (sanitation centre, housing bureau, transport bureau, highway centre) and the towns and streets, which under 2.3 answer for "the main and secondary roads, bridges, village lanes and slopes of their area". Each owes the limit for the urban roads within its charge; the console does not know which towns have urban roads, so all ten are given it and report as the case is. (Before: only the four professional units owed it.)',
      },
    },
    {
      clause: '6.2',
      quote: '环境温度较低（气温处于-5-0℃左右）',
      reading: {
        zh: '“0℃左右及以上”取 ≥0℃，“-5-0℃左右”取 <0℃；低于-5℃时预案未作规定，沿用低温措施并在任务上注明。未录入气温时两组措施都列出，由值班员判断。',
        en: '"About 0 °C or above" is read as ≥ 0 °C and "about −5 to 0 °C" as < 0 °C; below −5 °C the plan is silent and the cold-weather measures are kept. Without a temperature reading both sets are listed for the officer to judge.',
      },
    },
    {
      clause: '2.1.1',
      quote: '负责组织指挥全区扫雪除冰工作',
      reading: {
        zh: '预案未规定由谁解除响应；视为区指挥部组织指挥职责的一部分，由值班员代区指挥部解除，不需签批。',
        en: 'The plan names no one who ends a response; it is read as part of the district HQ’s command, ended by the duty officer for the HQ without a signature.',
      },
    },
    {
      clause: '2.1.2',
      quote: '区消防救援大队：负责重大雪情抢险救灾工作',
      reading: {
        zh: '区消防救援大队、区人武部在2.1.2中的本单位职责——消防“负责重大雪情抢险救灾”、人武部“协调驻博部队及民兵应急分队和预备役人员，支援地方的扫雪除冰工作”——分别在Ⅰ级（暴雪）和Ⅱ级（“协调各方面力量”）起派发，不随中雪的“按成员单位职责开展扫雪除冰”任务派发。两单位作为成员单位，仍承担5、5.1派给全部成员单位的中雪任务（启动应急响应、带班领导到岗24小时值班）和5.2的负责人到区指挥部。',
        en: 'The two units’ own 2.1.2 duties — the fire brigade’s "rescue in major snow events" and the armed-forces department’s "coordinate troops, militia and reservists in support" — are tasked from level I (blizzard) and level II ("bring in every force") respectively, not with the moderate-snow task "carry out the unit’s listed duties". As member units they still get the moderate-snow tasks that 5 and 5.1 give every member unit (start the response; leaders on duty, 24-hour watch) and, from level II, heads to the HQ (5.2).',
      },
    },
    {
      clause: '5',
      quote: '市气象局或区气象局发布雪情预警信息后',
      reading: {
        zh: '运营商“30分钟内播发”自气象部门发布雪情预警时起算（值班员记录发布时间），不自响应启动起算；接报即可计时，不等定级。原先另有一项内容相同的任务（通信运营商30分钟内播发预警），与此时钟重复，已并入此时钟，只保留一项义务。“网络等媒体”不是成员单位，由三家运营商承担。',
        en: 'The operators’ "broadcast within 30 minutes" runs from the weather bureau’s snow warning (the duty officer records when it was issued), not from the declaration; it can run as soon as the incident is opened, before any level. A separate task with the same content (operators broadcast within 30 minutes) duplicated this clock and is folded into it: one obligation, not two. "Online media" are not member units; the three operators owe it.',
      },
    },
    {
      clause: '2.1.2',
      quote: '遇有降雪天气和出现道路结冰现象，每日发送天气预报',
      reading: {
        zh: '区气象局“每日发送天气预报”编为每日时钟：降雪或道路结冰的日子即本事件存续的日子，自接报当日起每天一次，响应终止即止。原文未给钟点，以当日结束（23:59）为限，不另设更早的钟点。同条“在降雪季节内，每周向区有关部门书面通报天气情况”为每周义务，本控制台没有每周时钟，未编入。',
        en: 'The weather bureau’s "daily forecast" is a daily clock: the days of snowfall or road icing are the days the incident is open, from the day it is reported until the response ends. The text gives no hour, so each is due by the end of its day (23:59), no earlier hour invented. The weekly written briefing in the snow season (same clause) is weekly; the console has no weekly clock, so it is not encoded.',
      },
    },
    {
      clause: '5',
      quote: '各镇（街道）及各相关单位接到预警信息后，要迅速启动应急响应',
      reading: {
        zh: '此段的主语是“各镇（街道）及各相关单位”，任务派给各镇（街道）和全部成员单位（与5.1“各相关单位”一致），不只派给镇（街道）；镇（街道）的辖区职责另见2.3，不并入此任务。',
        en: 'The subject of this paragraph is "every town and every unit concerned": the task goes to the towns and all member units (as "各相关单位" in 5.1), not to the towns alone; the towns’ own duties in 2.3 are not mixed into it.',
      },
    },
  ],
} satisfies PlanInput;
