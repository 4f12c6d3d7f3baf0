/** 淄博市重污染天气应急预案 (淄政办字〔2017〕147号) as data. Every rule cites its clause; see schema.ts. */
import { countsOf, declareKeyedTable } from './check.ts';
import type { LevelInput, PlanInput } from './schema.ts';

const ISSUED = '2017-11-14';
const OFFICE = 'hq-office';

/** Annex 3 items 一 to 十八, in order: id, number, name, English, duty (verbatim). */
const MEMBERS: [string, string, string, string, string][] = [
  [
    'city-propaganda',
    '一',
    '市委宣传部',
    'Publicity Department of the City Committee',
    '编制本部门重污染天气应急响应专项实施方案;负责做好重污染天气应急宣传工作;负责组织报社、电台、电视台等媒体,根据重污染天气预警等级及时准确向公众发布相应等级的预警、应急信息,并督导落实;根据市重污染天气应急指挥部或指挥部办公室的安排,组织新闻发布会,由相关部门向公众发布重污染天气应急响应有关信息;完成市重污染天气应急指挥部交办的其他事项。',
  ],
  [
    'supervision',
    '二',
    '市监察局',
    'City Supervision Bureau',
    '负责监督市重污染天气应急指挥部成员单位应对重污染天气履职情况,因工作不力,效率低下、履职缺位等导致未能有效应对重污染天气的,依法依规严肃追究责任;完成市重污染天气应急指挥部交办的其他事项。',
  ],
  [
    'inspection',
    '三',
    '市政府督查室',
    'City Government Inspection Office',
    '牵头负责重污染天气应急响应工作的督导检查,确保市重污染天气应急指挥部各项指令的贯彻落实;对工作不到位或违反通知要求的有关单位和个人进行通报,造成恶劣影响的,提出追责问责建议;完成市重污染天气应急指挥部交办的其他事项。',
  ],
  [
    'emergency-office',
    '四',
    '市政府应急办',
    'City Government Emergency Office',
    '负责督导各区县及时完成重污染天气应急预案的制定及修编工作;组织相关培训、演练工作;协助做好重污染天气期间的督导检查工作;完成市重污染天气应急指挥部交办的其他事项。',
  ],
  [
    'city-development',
    '五',
    '市发展改革委',
    'City Development and Reform Commission',
    '编制本部门重污染天气应急响应专项实施方案;负责落实应急响应情况下的能源保障工作;参与督促各区县应采取停产限产措施的企业采取相应的措施;完成市重污染天气应急指挥部交办的其他事项。',
  ],
  [
    'economy',
    '六',
    '市经济和信息化委',
    'City Economy and Information Technology Commission',
    '编制本部门重污染天气应急响应专项实施方案;负责牵头编制重点工业企业冬季错峰生产调控实施方案,并组织落实;参与督促各区县落实应采取停产限产措施的企业采取相应措施;负责落实应急响应情况下的电力保障工作;完成市重污染天气应急指挥部交办的其他事项。',
  ],
  [
    'city-education',
    '七',
    '市教育局',
    'City Education Bureau',
    '编制本部门重污染天气应急响应专项实施方案;负责指导和督促市及各区县教育机构做好健康防护工作;负责组织开展针对学生重污染天气应急预防与改善个人环境行为的环保知识普及教育;完成市重污染天气应急指挥部交办的其他事项。',
  ],
  [
    'city-police',
    '八',
    '市公安局',
    'City Public Security Bureau',
    '编制本部门重污染天气应急响应专项实施方案;负责统筹全市及各区县制定重污染天气应急情况下车辆限行具体措施,保障公众出行顺利;督促各区县制定高排放车辆禁行限行方案,并督查落实;负责依法查处违规上路行驶的渣土车、排放黑烟等不达标车辆和违规进入限行区域的车辆;完成市重污染天气应急指挥部交办的其他事项。',
  ],
  [
    'city-finance',
    '九',
    '市财政局',
    'City Finance Bureau',
    '编制本部门重污染天气应急响应专项实施方案;负责做好重污染天气预警与应急工作所需经费保障;完成市重污染天气应急指挥部交办的其他事项。',
  ],
  [
    'land',
    '十',
    '市国土资源局',
    'City Land and Resources Bureau',
    '编制本部门重污染天气应急响应专项实施方案;负责督导检查各区县落实重污染天气应急时露天矿山开采、矿石破碎等作业扬尘污染防治措施;完成市重污染天气应急指挥部交办的其他事项。',
  ],
  [
    'city-housing',
    '十一',
    '市住房城乡建设局',
    'City Housing and Urban-Rural Development Bureau',
    '编制本部门重污染天气应急响应专项实施方案;负责监督和落实建筑施工、市政工程、园林绿化、拆迁施工工地等扬尘污染控制工作,责令施工工地停工,督导检查各类施工工地落实应急响应措施情况;负责督导检查以柴油为燃料的非道路移动机械等应急响应措施落实;负责督促各区县落实建筑工地和室外喷涂、粉刷、切割、护坡喷浆作业挥发性有机物控制措施;负责城区主要道路的清扫和冲洗保洁;完成市重污染天气应急指挥部交办的其他事项。',
  ],
  [
    'city-transport',
    '十二',
    '市交通运输局',
    'City Transport Bureau',
    '编制本部门重污染天气应急响应专项实施方案;负责公共交通运输力保障;负责国道、省道干线道路的清扫和湿式保洁,督导各区县落实应急响应措施;配合审查各区县机动车限行方案,配合查处国道、省道干线公路路面货物抛洒等违法行为;完成市重污染天气应急指挥部交办的其他事项。',
  ],
  [
    'city-health',
    '十三',
    '市卫生计生委',
    'City Health and Family Planning Commission',
    '编制本部门重污染天气应急响应专项实施方案;负责组织市及各区县医疗机构落实有针对性的医疗救治工作,并督导检查;组织开展重污染天气人体健康影响的防病知识宣传;建立健全市及各区县重污染天气所致疾病突发事件卫生应急专家库;完成市重污染天气应急指挥部交办的其他事项。',
  ],
  [
    'environment',
    '十四',
    '市环保局',
    'City Environmental Protection Bureau',
    '编制本部门重污染天气应急响应专项实施方案;建立并完善环境空气质量监测、预测、预报、预警系统,联合气象部门开展重污染天气会商,提出预警建议;负责督导检查工业企业落实强制性减排措施情况;配合督导各区县落实企业停产、限产、错峰生产等应急响应措施;配合督导各区县落实高排放机动车控制措施;完成市重污染天气应急指挥部交办的其他事项。',
  ],
  [
    'urban',
    '十五',
    '市城管执法局',
    'City Urban Management and Law Enforcement Bureau',
    '编制本部门重污染天气应急响应专项实施方案;负责禁止露天烧烤、焚烧生活垃圾、焚烧枯枝落叶等行为的督导落实;完成市重污染天气应急指挥部交办的其他事项。',
  ],
  [
    'city-weather',
    '十六',
    '市气象局',
    'City Meteorological Bureau',
    '编制本部门重污染天气应急响应专项实施方案;负责提供有关气象预报预警的服务,联合市环保局共同进行空气污染预报会商;依据有关规定联合提出预警建议;完成市重污染天气应急指挥部交办的其他事项。',
  ],
  [
    'power',
    '十七',
    '国网淄博供电公司',
    'State Grid Zibo Power Supply Company',
    '协调配合开展重污染天气应急期间电力系统减排和电力保障工作;负责对有关企业或单位按要求落实限电、停电措施,并督导检查 and 落实;完成市重污染天气应急指挥部交办的其他事项。',
  ],
];
const MEDIA_DUTY =
  '利用本单位平台,及时准确向公众发布相应等级的预警、应急信息;配合做好应急响应期间的健康防护提示、倡导性和强制性减排措施的发布,以及重污染天气应急知识的宣传和正确的舆论引导等工作;完成市重污染天气应急指挥部交办的其他事项。';
const MEDIA: [string, string, string][] = [
  ['zibo-daily', '淄博日报社', 'Zibo Daily'],
  ['broadcasting', '淄博市广播电视台', 'Zibo Radio and Television'],
  ['city-unicom', '中国联通淄博市分公司', 'China Unicom Zibo'],
  ['city-mobile', '淄博移动通信公司', 'China Mobile Zibo'],
  ['city-telecom', '淄博电信公司', 'China Telecom Zibo'],
  ['cable', '山东广电网络有限公司淄博分公司', 'Shandong Broadcast Network, Zibo'],
];
const COUNTY_DUTY =
  '编制本辖区重污染天气应急预案;全面负责本辖区内环境空气污染应急处置工作,具体落实应急响应措施;完成市重污染天气应急指挥部交办的其他事项。';
const COUNTIES: [string, string, string][] = [
  ['zhangdian', '张店区政府', 'Zhangdian District Government'],
  ['zichuan', '淄川区政府', 'Zichuan District Government'],
  ['boshan', '博山区政府', 'Boshan District Government'],
  ['zhoucun', '周村区政府', 'Zhoucun District Government'],
  ['linzi', '临淄区政府', 'Linzi District Government'],
  ['huantai', '桓台县政府', 'Huantai County Government'],
  ['gaoqing', '高青县政府', 'Gaoqing County Government'],
  ['yiyuan', '沂源县政府', 'Yiyuan County Government'],
  ['hitech', '高新区管委会', 'Hi-tech Zone Administration'],
  ['econ-dev', '经济开发区管委会', 'Economic Development Zone Administration'],
  ['wenchanghu', '文昌湖旅游度假区管委会', 'Wenchang Lake Resort Administration'],
];
/**
 * Annex 2 (as of 2017) by unit id: person, post exactly as the table gives it, the words that place them
 * there, and — where the annex names one — the person's place in the headquarters (指挥长, 副指挥长, 办公室
 * 主任/副主任). The leaders who head no member unit (the mayor, the vice-mayors, the secretary-general, the
 * general office's deputy directors, the research office's director) are filed under the HQ office, the one
 * unit that stands for the headquarters (see the 附件2 reading). Declared to checkPlan below, which refuses a
 * key that names no unit (a name filed there would attach to nothing).
 */
type Named = [person: string, post: string, quote: string, role?: string];
const NAMED: Record<string, Named[]> = {
  'city-propaganda': [['傅斌', '市委宣传部副部长', '傅斌市委宣传部副部长']],
  supervision: [['穆若英', '市纪委常务副书记,市监察局局长', '穆若英市纪委常务副书记,市监察局局长']],
  inspection: [['范桂君', '市政府督查室主任', '范桂君市政府督查室主任']],
  'city-development': [['陈思林', '市发展改革委主任', '陈思林市发展改革委主任']],
  economy: [['王克海', '市经济和信息化委主任', '王克海市经济和信息化委主任']],
  'city-education': [['于军', '市教育局局长', '于军市教育局局长']],
  'city-police': [
    ['申延军', '副市长,市公安局局长', '申延军副市长,市公安局局长', '副指挥长'],
    ['于洪德', '市公安局党委副书记,副局长', '于洪德市公安局党委'],
  ],
  'city-finance': [['卜德兰', '市财政局局长', '卜德兰市财政局局长']],
  land: [['孙中华', '市国土资源局局长', '孙中华市国土资源局局长']],
  'city-housing': [['王树银', '市住房城乡建设局局长', '王树银市住房城乡建设局局长']],
  'city-transport': [['翟乃利', '市交通运输局局长', '翟乃利市交通运输局局长']],
  'city-health': [['宋晓东', '市卫生计生委主任', '宋晓东市卫生计生委主任']],
  environment: [['于照春', '市环保局局长', '于照春市环保局局长', '指挥部办公室副主任']],
  urban: [['刘丙伦', '市城管执法局局长', '刘丙伦市城管执法局局长']],
  'city-weather': [['臧传花', '市气象局局长', '臧传花市气象局局长']],
  'zibo-daily': [['潘海涛', '淄博日报社社长', '潘海涛淄博日报社社长']],
  broadcasting: [['徐和峰', '市广播电视台台长', '徐和峰市广播电视台台长']],
  'city-unicom': [['刘培建', '中国联通淄博市分公司总经理', '刘培建中国联通淄博市分公司总经理']],
  'city-mobile': [['李华杰', '淄博移动通信公司总经理', '李华杰淄博移动通信公司总经理']],
  'city-telecom': [['郎明', '淄博电信公司总经理', '郎明淄博电信公司总经理']],
  power: [['李建鹏', '淄博供电公司总经理', '李建鹏淄博供电公司总经理']],
  cable: [['潘乐义', '山东广电网络有限公司淄博分公司总经理', '潘乐义山东广电网络有限公司淄博分公司总经理']],
  zhangdian: [['王金栋', '张店区委副书记,区长', '王金栋张店区委副书记,区长']],
  zichuan: [['闫桂新', '淄川区委副书记,区长', '闫桂新淄川区委副书记,区长']],
  boshan: [['聂玉彬', '博山区委副书记,区长', '聂玉彬博山区委副书记,区长']],
  zhoucun: [['刘伟', '周村区委副书记,区长', '刘伟周村区委副书记,区长']],
  linzi: [['白平和', '临淄区委副书记,区长', '白平和临淄区委副书记,区长']],
  huantai: [['边江风', '桓台县委副书记,县长', '边江风桓台县委副书记,县长']],
  gaoqing: [['杨新胜', '高青县委副书记,县长', '杨新胜高青县委副书记,县长']],
  yiyuan: [['田晨光', '沂源县委副书记,县长', '田晨光沂源县委副书记,县长']],
  hitech: [['魏玉蛟', '高新区工委副书记、管委会常务副主任', '魏玉蛟高新区工委副书记、管委会常务副主任']],
  'econ-dev': [
    ['张承友', '淄博经济开发区工委副书记、管委会主任', '张承友淄博经济开发区工委副书记、管委会主任'],
  ],
  wenchanghu: [
    ['汪德法', '文昌湖旅游度假区工委副书记、管委会主任', '汪德法文昌湖旅游度假区工委副书记、管委会主任'],
  ],
  [OFFICE]: [
    ['于海田', '市委副书记,市长', '指挥长:于海田市委副书记,市长', '指挥长'],
    ['杨洪涛', '市委常委,副市长', '副指挥长:杨洪涛市委常委,副市长', '副指挥长'],
    [
      '刘荣喜',
      '副市长,市文昌湖旅游度假区工委书记',
      '刘荣喜副市长,市文昌湖旅游度假区工委书记',
      '副指挥长、指挥部办公室主任',
    ],
    ['董云波', '市政府秘书长', '董云波市政府秘书长'],
    ['张苍安', '市政府办公厅副主任', '张苍安市政府办公厅副主任', '指挥部办公室副主任'],
    ['翟国梁', '市政府办公厅副主任', '翟国梁市政府办公厅副主任'],
    ['周洪刚', '市政府研究室主任', '周洪刚市政府研究室主任', '指挥部办公室副主任'],
  ],
};

declareKeyedTable({
  planId: 'heavy-pollution',
  what: '附件2 names',
  clause: '附件2',
  counts: countsOf(NAMED),
});

const contacts = (unitId: string) =>
  (NAMED[unitId] ?? []).map(([person, post, quote, role]) => ({
    label: `${role ?? '指挥部成员'}（附件2，2017年）`,
    person,
    post,
    asOf: ISSUED,
    clause: '附件2',
    quote,
  }));

const MEMBER_IDS = [...MEMBERS.map(([id]) => id), ...MEDIA.map(([id]) => id)];
const COUNTY_IDS = COUNTIES.map(([id]) => id);
const EVERYONE = [...MEMBER_IDS, ...COUNTY_IDS];
const OPERATORS = ['city-mobile', 'city-unicom', 'city-telecom'];
/** Annex 3 items 一–十六: the city's own departments (各部门). */
const DEPARTMENTS = MEMBERS.map(([id]) => id).filter((id) => id !== 'power');
/**
 * 四(三) "各区县、市直有关部门(单位)", the subject of both "立即启动相应专项预案" and the 16:00 report: the
 * counties and zones of annex 3 item 十九, the departments of items 一–十六, and the two city-owned media of
 * item 十八 (淄博日报社, 淄博市广播电视台). Not the grid company (十七) nor the operators and the cable company
 * (十八), which are branches of outside companies, not 市直 units. See the 四(三) reading.
 */
const CITY_MEDIA = ['zibo-daily', 'broadcasting'];
const NOTIFIED = [...DEPARTMENTS, ...CITY_MEDIA, ...COUNTY_IDS];

const WINTER_LABEL = {
  zh: '冬季采暖季（11月15日—次年3月15日）',
  en: 'Winter heating season (15 Nov – 15 Mar)',
};
const WINTER = {
  kind: 'season' as const,
  from: '11-15',
  to: '03-15',
  label: WINTER_LABEL,
  clause: '五(五)1',
  quote: '冬季采暖季(每年11月15日—次年3月15日,下同)',
};
/** 五(五)1(1): the coking rule has a window of its own, 1 October to 31 March */
const COKING_SEASON = {
  kind: 'season' as const,
  from: '10-01',
  to: '03-31',
  label: { zh: '焦化企业10月1日至次年3月31日', en: 'Coking plants, 1 Oct – 31 Mar' },
  clause: '五(五)1(1)',
  quote: '焦化企业自10月1日至次年3月31日',
};

const directorSigns = {
  body: { zh: '指挥部办公室主任签发', en: 'Signed by the HQ office director' },
  signer: 'director' as const,
  clause: '四(三)',
  quote: '橙色、黄色、蓝色预警由指挥部办公室主任签发',
};
const directorLifts = {
  body: { zh: '指挥部办公室审批解除', en: 'Lifted with the HQ office’s approval' },
  signer: 'director' as const,
  clause: '三(二)',
  quote: '负责重污染天气蓝色、黄色、橙色等3个等级预警发布(解除)报告的审批',
};

/**
 * A measure of 五(五). `detail` carries the measure's whole sentence(s) from its clause. A higher measure
 * `supersedes` a lower one only where it restates that same measure more strictly; a measure a higher level
 * repeats word for word, or does not restate, stays in force as the lower level's task (五(五)3–5: "在…级
 * 响应基础上应当至少采取以下措施").
 */
interface Measure {
  id: string;
  level: 'blue' | 'yellow' | 'orange' | 'red';
  title: [zh: string, en: string];
  clause: string;
  quote: string;
  detail: string;
  units: string[];
  supersedes?: string[];
  /** standing in the heating season (五(五)1) */
  winter?: true;
  /** a window of the measure's own, where its sentence gives one */
  season?: typeof COKING_SEASON;
}

const HEALTH = ['city-health', 'city-education', 'city-propaganda'];
const ADVICE = ['city-propaganda', 'city-transport'];
const EMITTERS = ['city-propaganda', 'environment', 'city-housing'];
const INDUSTRY = ['environment', 'economy', 'city-development', 'power', ...COUNTY_IDS];
const ADVICE_OPENING = '倡导公众及大气污染物排放单位自觉采取措施,减少污染排放。主要包括:';

const MEASURES: Measure[] = [
  // ── 五(五)1 冬季错峰生产调控和错峰运输: standing in the heating season, beneath every level ──
  {
    id: 'w-steel',
    level: 'blue',
    title: ['错峰生产：钢铁限产50%，铸造停产', 'Winter: steel output −50%, foundries stopped'],
    clause: '五(五)1(1)',
    quote: '钢铁企业限产50%,以高炉生产能力计',
    detail:
      '钢铁焦化铸造行业。钢铁企业限产50%,以高炉生产能力计。铸造企业除满足达标排放要求的电炉、天然气炉外,采暖季全部实施停产。',
    units: ['economy', ...COUNTY_IDS],
    winter: true,
  },
  {
    id: 'w-coking',
    level: 'blue',
    title: [
      '错峰生产：焦化企业10月1日至3月31日出焦时间延长至48小时以上',
      'Coking plants: coking time 48 h or more from 1 Oct to 31 Mar',
    ],
    clause: '五(五)1(1)',
    quote: '焦化企业自10月1日至次年3月31日,出焦时间延长至48小时以上',
    detail: '焦化企业自10月1日至次年3月31日,出焦时间延长至48小时以上。',
    units: ['economy', ...COUNTY_IDS],
    season: COKING_SEASON,
  },
  {
    id: 'w-building',
    level: 'blue',
    title: ['错峰生产：水泥、砖瓦窑、陶瓷等建材行业停产', 'Winter: cement, brick, ceramics and similar stop'],
    clause: '五(五)1(2)',
    quote: '石膏板等建材行业,采暖季全部实施停产',
    detail:
      '建材行业。水泥(含粉磨站)、砖瓦窑、陶瓷(不含以电、天然气为燃料)、玻璃棉(不含以天然气为燃料)、岩棉(不含电炉)、石膏板等建材行业,采暖季全部实施停产。水泥、砖瓦窑承担居民供暖、协同处置城市垃圾和危险废物等保民生任务的,要根据承担任务量核定最大允许生产负荷,报市政府批准。',
    units: ['economy', ...COUNTY_IDS],
    winter: true,
  },
  {
    id: 'w-chemical',
    level: 'blue',
    title: [
      '错峰生产：氧化铝限产30%，炭素停产，有色再生熔铸限产50%，原料药、农药VOCs工序停产',
      'Winter: alumina −30%, carbon plants stop, secondary-metal smelting −50%, pharma and pesticide VOC steps stop',
    ],
    clause: '五(五)1(3)',
    quote: '氧化铝企业限产30%,以生产线计',
    detail:
      '有色化工医药行业。氧化铝企业限产30%,以生产线计,停产生产线产能应当超过企业总产能的30%。炭素企业全部停产。有色再生行业熔铸工序,限产50%。涉及原料药生产的医药企业VOCs排放工序、生产过程中使用有机溶剂的农药企业VOCs排放工序,在采暖季原则上实施停产,由于民生等需求存在特殊情况确需生产的,应报省政府批准。',
    units: ['economy', ...COUNTY_IDS],
    winter: true,
  },
  {
    id: 'w-deficient',
    level: 'blue',
    title: ['错峰生产：治理设施不完善企业列清单停产', 'Winter: list and stop plants with deficient controls'],
    clause: '五(五)1(4)',
    quote: '列出清单,冬季采暖季实施停产',
    detail:
      '污染治理设施不完善企业。对存在未落实无组织排放治理要求、污染物超标排放、挥发性有机物治理设施不完善等问题的企业,列出清单,冬季采暖季实施停产。',
    units: ['environment', ...COUNTY_IDS],
    winter: true,
  },
  {
    id: 'w-haulage',
    level: 'blue',
    title: ['错峰运输：大宗物料“一厂一策”', 'Winter: staggered bulk haulage, one plan per plant'],
    clause: '五(五)1(5)',
    quote: '制定“一厂一策”错峰运输实施方案',
    detail:
      '大宗物料实施错峰运输。钢铁、焦化、有色、电力、化工等涉及大宗原材料及产品运输的重点用车企业,按照产能与原材料运输比例结构,制定“一厂一策”错峰运输实施方案,提前做好生产物资储备。合理安排运力,封存企业自有车队中排放较高的车辆,优先选择排放控制水平较好的国Ⅳ和国Ⅴ标准车辆承担运输任务,保证采暖季国Ⅳ及以上排放标准运输车辆比例达到80%以上。',
    units: ['economy', ...COUNTY_IDS],
    winter: true,
  },
  {
    id: 'w-sites',
    level: 'blue',
    title: ['采暖季建筑工地停止土石方作业', 'Winter: building sites stop earthworks'],
    clause: '五(五)1(6)',
    quote: '城市建成区内基本停止各类建设工程土石方作业、房屋拆迁(拆除)施工',
    detail:
      '建筑工地采暖季停工。采暖季期间,城市建成区内基本停止各类建设工程土石方作业、房屋拆迁(拆除)施工;停止道路工程、水利工程等土石方作业。对于重大民生工程和重点项目涉及土石方作业,确实无法停工的,报市政府同意后实施,各相关部门将其作为检查重点,严格监管。',
    units: ['city-housing', ...COUNTY_IDS],
    winter: true,
  },

  // ── 五(五)2 Ⅳ级 (blue) ──
  {
    id: 'b-health',
    level: 'blue',
    title: ['健康防护：提示易感人群减少户外活动', 'Health: sensitive groups cut outdoor activity'],
    clause: '五(五)2(1)',
    quote: '提示儿童、老年人和易感人群减少户外活动,特别敏感人群停止户外活动',
    detail: '提示儿童、老年人和易感人群减少户外活动,特别敏感人群停止户外活动,外出采取防护措施。',
    units: HEALTH,
  },
  {
    id: 'b-advocacy',
    level: 'blue',
    title: ['倡议：乘坐公共交通出行', 'Advice: take public transport'],
    clause: '五(五)2(2)',
    quote: '倡导公众选择乘坐公共交通工具出行',
    detail: '倡导公众选择乘坐公共交通工具出行。',
    units: ADVICE,
  },
  {
    id: 'b-industry',
    level: 'blue',
    title: [
      '强制减排：废气排放企业提高治污设施运行效率，超标排放责令整改',
      'Mandatory: emitters run their controls at full efficiency; hourly exceedances are ordered corrected',
    ],
    clause: '五(五)2(3)①',
    quote: '废气排放企业提高治污设施运行效率,确保稳定达标排放',
    detail: '废气排放企业提高治污设施运行效率,确保稳定达标排放,凡出现小时超标排放的依法责令整改。',
    units: ['environment', ...COUNTY_IDS],
  },
  {
    id: 'b-dust',
    level: 'blue',
    title: [
      '强制减排：强化工地、裸地、堆场扬尘控制',
      'Mandatory: tighter dust control on sites, bare ground and stockpiles',
    ],
    clause: '五(五)2(3)②',
    quote: '强化施工工地、裸露地面、物料堆场扬尘控制措施',
    detail: '强化施工工地、裸露地面、物料堆场扬尘控制措施。',
    units: ['city-housing', ...COUNTY_IDS],
  },

  // ── 五(五)3 Ⅲ级 (yellow) ──
  {
    id: 'y-health',
    level: 'yellow',
    title: [
      '健康防护：易感人群停止户外活动，中小学幼儿园停止户外活动',
      'Health: sensitive groups stay in; schools stop outdoor activity',
    ],
    clause: '五(五)3(1)',
    quote: '提醒儿童、老年人和患病等易感人群停止户外活动',
    detail:
      '提醒儿童、老年人和患病等易感人群停止户外活动;建议一般人群减少户外活动和室外作业时间,确需外出要采取防护措施;建议中小学及幼儿园停止户外活动。',
    units: HEALTH,
    supersedes: ['b-health'],
  },
  {
    id: 'y-advocacy',
    level: 'yellow',
    title: ['倡议：乘坐公共交通，减少小汽车上路', 'Advice: public transport, fewer car trips'],
    clause: '五(五)3(2)',
    quote: '尽量乘坐公共交通工具出行,减少小汽车上路行驶',
    detail: `${ADVICE_OPENING}①尽量乘坐公共交通工具出行,减少小汽车上路行驶。`,
    units: ADVICE,
    supersedes: ['b-advocacy'],
  },
  {
    id: 'y-advocacy-emitters',
    level: 'yellow',
    title: [
      '倡议：排污企事业单位、工地自觉调整生产周期',
      'Advice: emitters and sites adjust their production cycle',
    ],
    clause: '五(五)3(2)',
    quote: '自觉调整生产周期,减少工业和扬尘污染的排放',
    detail: `${ADVICE_OPENING}②生产过程中排放大气污染物的企事业单位、各类工地等,自觉调整生产周期,减少工业和扬尘污染的排放。`,
    units: EMITTERS,
  },
  {
    id: 'y-industry',
    level: 'yellow',
    title: ['强制减排：铸造行业熔铸工序停产', 'Mandatory: foundry melting stops'],
    clause: '五(五)3(3)①',
    quote: '铸造行业熔铸工序实施停产',
    detail: '铸造行业熔铸工序实施停产。',
    units: INDUSTRY,
  },
  {
    id: 'y-ceramics',
    level: 'yellow',
    title: [
      '强制减排：陶瓷、耐火、钙业限产50%（电炉除外）',
      'Mandatory: ceramics, refractories and lime −50% (electric kilns excepted)',
    ],
    clause: '五(五)3(3)①',
    quote: '陶瓷、耐火、钙业等行业(电炉除外)限产50%',
    detail: '陶瓷、耐火、钙业等行业(电炉除外)限产50%,以停产生产线数量或企业实际用电量计。',
    units: INDUSTRY,
  },
  {
    id: 'y-pvc',
    level: 'yellow',
    title: ['强制减排：PVC手套限产20%', 'Mandatory: PVC gloves −20%'],
    clause: '五(五)3(3)①',
    quote: 'PVC手套行业限产20%,以停产生产线数量计',
    detail: 'PVC手套行业限产20%,以停产生产线数量计。',
    units: INDUSTRY,
  },
  {
    id: 'y-glass',
    level: 'yellow',
    title: ['强制减排：玻璃限产或限排10%', 'Mandatory: glass output or emissions −10%'],
    clause: '五(五)3(3)①',
    quote: '玻璃行业限产或限排10%',
    detail: '玻璃行业限产或限排10%,以用电量或主要污染物排放量计。',
    units: INDUSTRY,
  },
  {
    id: 'y-dust-control',
    level: 'yellow',
    title: [
      '强制减排：施工、交通、堆场扬尘规范化管理',
      'Mandatory: regulated control of site, traffic and stockpile dust',
    ],
    clause: '五(五)3(3)②',
    quote: '加强施工扬尘、交通扬尘和堆场扬尘等污染源的规范化管理',
    detail: '加强施工扬尘、交通扬尘和堆场扬尘等污染源的规范化管理。',
    units: ['city-housing', 'city-transport', ...COUNTY_IDS],
  },
  {
    id: 'y-dust',
    level: 'yellow',
    title: ['强制减排：停止露天矿山开采、石材加工', 'Mandatory: open-pit quarrying and stone working stop'],
    clause: '五(五)3(3)②',
    quote: '停止所有露天矿山开采、石材加工等作业环节',
    detail: '停止所有露天矿山开采、石材加工等作业环节。',
    units: ['land', ...COUNTY_IDS],
  },
  {
    id: 'y-roads',
    level: 'yellow',
    title: ['强制减排：道路保洁适当增加洒水降尘', 'Mandatory: more road wetting'],
    clause: '五(五)3(3)②',
    quote: '道路保洁适当增加洒水降尘作业',
    detail: '道路保洁适当增加洒水降尘作业。',
    units: ['city-housing', 'city-transport', ...COUNTY_IDS],
  },
  {
    id: 'y-spoil',
    level: 'yellow',
    title: ['强制减排：禁止运输建筑垃圾、渣土、砂石', 'Mandatory: no haulage of rubble, spoil or sand'],
    clause: '五(五)3(3)②',
    quote: '建筑垃圾、渣土、砂石等易起扬尘物质禁止运输作业',
    detail: '建筑垃圾、渣土、砂石等易起扬尘物质禁止运输作业。',
    units: ['city-housing', 'city-police', 'city-transport', ...COUNTY_IDS],
  },
  {
    id: 'y-mobile',
    level: 'yellow',
    title: [
      '强制减排：建成区划定重型柴油车禁限行区域',
      'Mandatory: heavy-diesel no-go zones in the built-up area',
    ],
    clause: '五(五)3(3)③',
    quote: '建成区内划定重型柴油车辆禁限行区域,严格执行相关禁限行规定',
    detail: '建成区内划定重型柴油车辆禁限行区域,严格执行相关禁限行规定。',
    units: ['city-police', 'environment', ...COUNTY_IDS],
  },
  {
    id: 'y-machinery',
    level: 'yellow',
    title: ['强制减排：建成区禁用冒黑烟工程机械', 'Mandatory: no smoky machinery in the built-up area'],
    clause: '五(五)3(3)③',
    quote: '建成区内禁止使用冒黑烟高排放工程机械',
    detail: '建成区内禁止使用冒黑烟高排放工程机械(含挖掘机、装载机、平地机、铺路机、压路机、叉车等)。',
    units: ['city-housing', 'environment', ...COUNTY_IDS],
  },
  {
    id: 'y-gate',
    level: 'yellow',
    title: [
      '强制减排：重点用车企业进出厂区重型车辆减少50%',
      'Mandatory: heavy lorries at key plants’ gates −50%',
    ],
    clause: '五(五)3(3)③',
    quote: '每日进出厂区的重型车辆减少50%以上',
    detail:
      '重点用车企业实施错峰运输,每日进出厂区的重型车辆减少50%以上(保证安全生产运行的运输车辆除外),以车辆数量计。',
    units: ['environment', 'economy', ...COUNTY_IDS],
  },

  // ── 五(五)4 Ⅱ级 (orange) ──
  {
    id: 'o-health',
    level: 'orange',
    title: [
      '健康防护：易感人群留在室内，中小学幼儿园弹性教学',
      'Health: sensitive groups indoors; schools teach flexibly',
    ],
    clause: '五(五)4(1)',
    quote: '建议中小学及幼儿园可采取弹性教学,停止室外课程及活动',
    detail:
      '提醒儿童、老年人和患病等易感人群应当留在室内,避免体力消耗;建议一般人群应避免户外活动,确需外出要采取防护措施;室外工作、执勤、作业、活动等人员可以采取佩戴口罩、缩短户外工作时间等必要的防护措施;建议中小学及幼儿园可采取弹性教学,停止室外课程及活动。',
    units: HEALTH,
    supersedes: ['y-health'],
  },
  {
    id: 'o-advocacy',
    level: 'orange',
    title: ['倡议：绿色出行、绿色消费、弹性工作制', 'Advice: green travel, green buying, flexible hours'],
    clause: '五(五)4(2)',
    quote:
      '倡导企事业单位可根据重污染天气实际情况、应急强制响应措施,采取调休、错峰上下班、远程办公等弹性工作制',
    detail: `${ADVICE_OPENING}①倡导公众绿色出行,尽量乘坐公共交通工具或电动汽车等方式出行;驻车及时熄火,减少车辆原地怠速运行时间。②倡导公众绿色消费,单位和公众尽量减少含挥发性有机物的涂料、油漆、溶剂等原材料及产品的使用。③倡导企事业单位可根据重污染天气实际情况、应急强制响应措施,采取调休、错峰上下班、远程办公等弹性工作制。`,
    units: ADVICE,
  },
  {
    id: 'o-advocacy-emitters',
    level: 'orange',
    title: [
      '倡议：排污企事业单位、工地加强管理，主动减排',
      'Advice: emitters and sites manage tighter and cut on their own',
    ],
    clause: '五(五)4(2)',
    quote: '加强管理,主动减排,可在排放达标的基础上提高污染治理设施效率',
    detail: `${ADVICE_OPENING}④生产过程中排放大气污染物的企事业单位、各类工地等加强管理,主动减排,可在排放达标的基础上提高污染治理设施效率,调整有大气污染排放的生产工艺的生产时间。`,
    units: EMITTERS,
    supersedes: ['y-advocacy-emitters'],
  },
  {
    id: 'o-industry',
    level: 'orange',
    title: [
      '强制减排：陶瓷耐火钙业停产（电炉除外），连续窑炉错峰停产超60天',
      'Mandatory: ceramics, refractories and lime stop (electric kilns excepted); continuous kilns stop 60+ days in winter',
    ],
    clause: '五(五)4(3)①',
    quote: '陶瓷、耐火、钙业等行业实施停产(电炉除外)',
    detail:
      '陶瓷、耐火、钙业等行业实施停产(电炉除外),陶瓷、耐火材料行业中连续生产的窑炉确实无法立即停产的,由区县制定区域性错峰生产方案,确保相关企业冬季采暖季停产超过60天。',
    units: INDUSTRY,
    supersedes: ['y-ceramics'],
  },
  {
    id: 'o-pvc',
    level: 'orange',
    title: ['强制减排：PVC手套限产50%', 'Mandatory: PVC gloves −50%'],
    clause: '五(五)4(3)①',
    quote: 'PVC手套行业限产50%,以停产生产线数量计',
    detail: 'PVC手套行业限产50%,以停产生产线数量计。',
    units: INDUSTRY,
    supersedes: ['y-pvc'],
  },
  {
    id: 'o-vocs',
    level: 'orange',
    title: [
      '强制减排：涂装、家具、印刷未全面改用水性原料的VOCs生产线停产',
      'Mandatory: coating, furniture and printing lines not fully on water-based materials stop',
    ],
    clause: '五(五)4(3)①',
    quote: '未全面改用水性漆、水性胶、水性涂料或水性墨的企业有挥发性有机物产生的生产线实施停产',
    detail:
      '工业表面涂装、家具制造、包装印刷等行业中未全面改用水性漆、水性胶、水性涂料或水性墨的企业有挥发性有机物产生的生产线实施停产。',
    units: INDUSTRY,
  },
  {
    id: 'o-gasifier',
    level: 'orange',
    title: [
      '强制减排：煤气发生炉停产（化工行业除外）',
      'Mandatory: coal gasifiers stop (chemical industry excepted)',
    ],
    clause: '五(五)4(3)①',
    quote: '除化工行业外,全市在用的煤气发生炉实施停产',
    detail: '除化工行业外,全市在用的煤气发生炉实施停产。',
    units: INDUSTRY,
  },
  {
    id: 'o-glass',
    level: 'orange',
    title: ['强制减排：玻璃限产或限排20%', 'Mandatory: glass output or emissions −20%'],
    clause: '五(五)4(3)①',
    quote: '玻璃行业限产或限排20%',
    detail: '玻璃行业限产或限排20%,以用电量或主要污染物排放量计。',
    units: INDUSTRY,
    supersedes: ['y-glass'],
  },
  {
    id: 'o-dust',
    level: 'orange',
    title: [
      '强制减排：全市工地停工，搅拌站、拌合站停止作业',
      'Mandatory: every building site and mixing plant stops',
    ],
    clause: '五(五)4(3)②',
    quote: '全市范围内停止所有建筑、道路、拆迁、绿化、市政等工地的施工作业',
    detail:
      '全市范围内停止所有建筑、道路、拆迁、绿化、市政等工地的施工作业。混凝土搅拌站、拌合站等停止作业。',
    units: ['city-housing', 'city-transport', ...COUNTY_IDS],
  },
  {
    id: 'o-roads',
    level: 'orange',
    title: ['强制减排：增加道路保洁和洒水频次', 'Mandatory: clean and wet roads more often'],
    clause: '五(五)4(3)②',
    quote: '增加道路保洁和洒水降尘作业频次',
    detail: '增加道路保洁和洒水降尘作业频次。',
    units: ['city-housing', 'city-transport', ...COUNTY_IDS],
    supersedes: ['y-roads'],
  },
  {
    id: 'o-stockpiles',
    level: 'orange',
    title: ['强制减排：未全密闭物料堆场停止装卸运输', 'Mandatory: open stockpiles stop loading and haulage'],
    clause: '五(五)4(3)②',
    quote: '未实施全密闭作业的物料堆场停止装卸、运输等作业环节',
    detail: '未实施全密闭作业的物料堆场停止装卸、运输等作业环节。',
    units: ['environment', 'city-housing', ...COUNTY_IDS],
  },
  {
    id: 'o-mobile',
    level: 'orange',
    title: [
      '强制减排：建成区及国省道禁行国Ⅲ及以下重型柴油货车',
      'Mandatory: China III-or-older heavy diesel lorries banned',
    ],
    clause: '五(五)4(3)③',
    quote: '建成区及国省道禁止国 III(含)及以下排放标准的本市及本市企业使用的重型柴油货运车辆上路行驶',
    detail: '建成区及国省道禁止国III(含)及以下排放标准的本市及本市企业使用的重型柴油货运车辆上路行驶。',
    units: ['city-police', 'city-transport', 'environment', ...COUNTY_IDS],
  },
  {
    id: 'o-machinery',
    level: 'orange',
    title: ['强制减排：全市禁用冒黑烟工程机械', 'Mandatory: no smoky machinery anywhere in the city'],
    clause: '五(五)4(3)③',
    quote: '全市范围内禁止使用冒黑烟高排放工程机械',
    detail: '全市范围内禁止使用冒黑烟高排放工程机械(含挖掘机、装载机、平地机、铺路机、压路机、叉车等)。',
    units: ['city-housing', 'environment', ...COUNTY_IDS],
    supersedes: ['y-machinery'],
  },
  {
    id: 'o-gate',
    level: 'orange',
    title: ['强制减排：重点用车企业禁止重型货车进出厂区', 'Mandatory: no heavy lorries at key plants’ gates'],
    clause: '五(五)4(3)③',
    quote: '禁止重型货运车辆进出厂区(保证安全生产运行的运输车辆除外)',
    detail: '重点用车企业实施错峰运输,禁止重型货运车辆进出厂区(保证安全生产运行的运输车辆除外)。',
    units: ['environment', 'economy', ...COUNTY_IDS],
    supersedes: ['y-gate'],
  },

  // ── 五(五)5 Ⅰ级 (red) ──
  {
    id: 'r-health',
    level: 'red',
    title: [
      '健康防护：中小学幼儿园停课，停止大型户外活动，医疗机构24小时值班',
      'Health: schools close, no large outdoor events, clinics on 24-hour duty',
    ],
    clause: '五(五)5(1)',
    quote: '建议中小学及幼儿园停课;停止举办各类大型群众性户外活动',
    detail:
      '提醒儿童、老年人和患病等易感人群应当留在室内,避免体力消耗;建议一般人群应避免户外活动,确需外出要采取防护措施;室外工作、执勤、作业、活动等人员可以采取佩戴口罩、缩短户外工作时间等必要的防护措施;建议中小学及幼儿园停课;停止举办各类大型群众性户外活动;各医疗卫生机构增设相关疾病门诊,增加医务人员,24小时值班。',
    units: [...HEALTH, ...COUNTY_IDS],
    supersedes: ['o-health'],
  },
  {
    id: 'r-industry',
    level: 'red',
    title: ['强制减排：PVC手套行业停产', 'Mandatory: PVC gloves stop'],
    clause: '五(五)5(3)①',
    quote: 'PVC 手套行业实施停产',
    detail: 'PVC手套行业实施停产。',
    units: INDUSTRY,
    supersedes: ['o-pvc'],
  },
  {
    id: 'r-vocs',
    level: 'red',
    title: [
      '强制减排：涂装、家具、印刷未改用水性原料的VOCs生产线停产',
      'Mandatory: coating, furniture and printing lines not on water-based materials stop',
    ],
    clause: '五(五)5(3)①',
    quote: '未改用水性漆、水性涂料或水性墨的企业有挥发性有机物产生的生产线实施停产',
    detail:
      '工业表面涂装、家具制造、包装印刷等行业中未改用水性漆、水性涂料或水性墨的企业有挥发性有机物产生的生产线实施停产。',
    units: INDUSTRY,
  },
  {
    id: 'r-steel',
    level: 'red',
    title: [
      '强制减排：钢铁球团、烧结、高炉、转炉停产（保障供暖的按负荷限产）',
      'Mandatory: steel pelletising, sintering and furnaces stop (heat suppliers limited to the heating load)',
    ],
    clause: '五(五)5(3)①',
    quote: '钢铁企业球团、烧结、高炉、转炉等工序全面实施停产',
    detail:
      '除保障民生供暖外,钢铁企业球团、烧结、高炉、转炉等工序全面实施停产,保障民生供暖的,按供暖负荷限产。',
    units: INDUSTRY,
  },
  {
    id: 'r-boilers',
    level: 'red',
    title: [
      '强制减排：工业用非电锅炉停产（集中供热、石化除外）',
      'Mandatory: industrial non-electric boilers stop (district heating and petrochemicals excepted)',
    ],
    clause: '五(五)5(3)①',
    quote: '全市在用的工业用非电锅炉',
    detail:
      '除保障居民集中供热和石化行业外,全市在用的工业用非电锅炉(含燃煤锅炉、高效煤粉锅炉、生物质锅炉、燃油锅炉、醇基燃料锅炉,不含天然气、液化气锅炉)实施停产。',
    units: INDUSTRY,
  },
  {
    id: 'r-glass',
    level: 'red',
    title: ['强制减排：玻璃限产或限排30%', 'Mandatory: glass output or emissions −30%'],
    clause: '五(五)5(3)①',
    quote: '玻璃行业限产或限排 30%',
    detail: '玻璃行业限产或限排30%,以用电量或主要污染物排放量计。',
    units: INDUSTRY,
    supersedes: ['o-glass'],
  },
  {
    id: 'r-mobile',
    level: 'red',
    title: [
      '强制减排：建成区及国省道禁行国Ⅲ及以下中型、重型柴油货车',
      'Mandatory: China III-or-older medium and heavy diesel lorries banned',
    ],
    clause: '五(五)5(3)③',
    quote: '禁止国 III(含)及以下排放标准的本市及本市企业使用的中型、重型柴油货运车辆上路行驶',
    detail: '建成区及国省道禁止国III(含)及以下排放标准的本市及本市企业使用的中型、重型柴油货运车辆上路行驶。',
    units: ['city-police', 'city-transport', 'environment', ...COUNTY_IDS],
    supersedes: ['o-mobile'],
  },
  {
    id: 'r-solvents',
    level: 'red',
    title: [
      '其他减排：停止室外喷涂、粉刷、切割、护坡喷浆',
      'Other: stop outdoor spraying, painting, cutting and slope grouting',
    ],
    clause: '五(五)5(3)④',
    quote: '停止所有室外喷涂、粉刷、切割、护坡喷浆等使用有机溶剂作业环节',
    detail: '停止所有室外喷涂、粉刷、切割、护坡喷浆等使用有机溶剂作业环节。',
    units: ['city-housing', ...COUNTY_IDS],
  },
];

/**
 * 四(六) items 1–8: item, title, quote, and the item's whole sentence as the task's text (the clause's words
 * with its line breaks removed), and who carries it out.
 */
const BROADCAST: {
  item: string;
  zh: string;
  en: string;
  quote: string;
  detail: string;
  units: string[];
}[] = [
  {
    item: '1',
    zh: '网站连续发布预警信息',
    en: 'Websites carry the warning throughout',
    quote: '政府门户网站及各级、各部门相关网站在应急预警期间始终连续发布相关信息',
    detail: '政府门户网站及各级、各部门相关网站在应急预警期间始终连续发布相关信息。',
    units: EVERYONE,
  },
  {
    item: '2',
    zh: '交通诱导屏、出租车和公交广告屏滚动提示',
    en: 'Traffic, taxi and bus screens scroll the warning',
    quote: '公安交警交通诱导屏、出租车广告屏、公交车广告屏等,在预警期间滚动发布提示信息',
    detail: '公安交警交通诱导屏、出租车广告屏、公交车广告屏等,在预警期间滚动发布提示信息。',
    units: ['city-police', 'city-transport'],
  },
  {
    item: '3',
    zh: '广播电台播报或插播',
    en: 'Radio broadcasts the warning',
    quote: '各级广播电台,在预警期间播报或插播相关信息',
    detail: '各级广播电台,在预警期间播报或插播相关信息。',
    units: ['broadcasting'],
  },
  {
    item: '4',
    zh: '电视台、广电网络播发游动字幕',
    en: 'Television runs a ticker',
    quote: '各级电视台、淄博广电网络公司等,在预警期间播发游动字幕提示信息',
    detail: '各级电视台、淄博广电网络公司等,在预警期间播发游动字幕提示信息。',
    units: ['broadcasting', 'cable'],
  },
  {
    item: '5',
    zh: '接到市政府发布指令后，运营商短信、气象短信平台、各级各部门官方微博和微信公众号及时发布（一次性）',
    en: 'On the city’s order, operators’ SMS, the weather SMS platform and every department’s official accounts publish once',
    quote: '各级各部门官方微博、微信公众号等,在接到市政府应急发布指令后,及时发布相关信息(一次性)',
    detail:
      '移动、联通、电信等通信运营商手机短信,市气象局短信平台,各级各部门官方微博、微信公众号等,在接到市政府应急发布指令后,及时发布相关信息(一次性)。',
    // 各级各部门: the city departments (annex 3 一–十六, the weather bureau among them) and the counties
    units: [...OPERATORS, ...DEPARTMENTS, ...COUNTY_IDS],
  },
  {
    item: '6',
    zh: '报纸立即发布详细预警信息（特殊情况次日上午补发），预警期间每日固定版面刊登',
    en: 'Newspapers print the full warning at once (next morning only if it cannot run that day) and daily in a fixed place',
    quote: '淄博日报、淄博晚报以及市内各级报纸,立即发布详细预警信息',
    detail:
      '淄博日报、淄博晚报以及市内各级报纸,立即发布详细预警信息,包括健康防护引导措施、倡议性污染减排措施和强制性减排措施等,特殊情况当日不能发布的,于次日上午及时发布;预警期间每日在固定版面刊登。',
    units: ['zibo-daily'],
  },
  {
    item: '7',
    zh: '限行区域路口设置限行提示牌，及时公开限行信息',
    en: 'Restriction signs at junctions; restrictions made public promptly',
    quote: '公安交警部门在限行区域内主要道路口设置机动车限行信息提示牌,及时公开限行信息',
    detail: '公安交警部门在限行区域内主要道路口设置机动车限行信息提示牌,及时公开限行信息。',
    units: ['city-police'],
  },
  {
    item: '8',
    zh: '村（社区）持续宣传动员',
    en: 'Villages and communities keep people informed',
    quote: '各村(社区)等基层组织在预警期间,利用各类宣传载体,进行持续宣传动员',
    detail: '各村(社区)等基层组织在预警期间,利用各类宣传载体,进行持续宣传动员。',
    units: COUNTY_IDS,
  },
];

const level = (
  id: 'blue' | 'yellow' | 'orange' | 'red',
  zh: string,
  en: string,
  response: [string, string],
  criteria: LevelInput['criteria'],
  declare: LevelInput['declare'],
  lift: LevelInput['lift'],
  targets: NonNullable<LevelInput['targets']>,
): LevelInput => ({
  id,
  name: { zh, en },
  response: { zh: response[0], en: response[1] },
  color: id,
  clause: '四(一)',
  quote: zh,
  criteria,
  declare,
  lift,
  targets,
});

const TARGETS_CLAUSE = { clause: '五(三)' };

export const heavyPollution = {
  id: 'heavy-pollution',
  title: { zh: '淄博市重污染天气应急预案', en: 'Zibo Heavy Air Pollution Emergency Plan' },
  docNumber: '淄政办字〔2017〕147号',
  issuer: '淄博市人民政府办公厅',
  issuedOn: ISSUED,
  sourceFile: '淄政办字〔2017〕147号.txt',
  scope: {
    text: {
      zh: '淄博市行政区域内AQI大于200（重度污染及以上）、需要由市政府负责组织协调的重污染天气应对工作（沙尘暴天气除外）',
      en: 'Heavy pollution in Zibo with AQI above 200 (heavy or worse) that the city government must coordinate; dust storms excepted',
    },
    clause: '一',
    quote: '本预案适用于在淄博市行政区域内',
  },
  tiering: { clause: '五(五)3', quote: '在IV级响应基础上应当至少采取以下措施' },
  indicators: [
    {
      key: 'aqiForecast',
      kind: 'series',
      name: {
        zh: '预测AQI日均值（按日，首日在前）',
        en: 'Forecast daily mean AQI (by day, first day first)',
      },
      unit: { zh: 'AQI', en: 'AQI' },
      min: 0,
      max: 500,
      maxItems: 10,
    },
  ],
  levels: [
    level(
      'blue',
      '蓝色预警',
      'Blue warning',
      ['Ⅳ级应急响应', 'Level IV response'],
      [
        {
          id: 'blue-1day',
          clause: '四(一)1',
          quote: '预测 AQI 日均值(或连续 24 小时) >200 ,且未达到高级别预警条件',
          text: { zh: '预测AQI日均值>200', en: 'Forecast daily AQI above 200' },
          when: { indicator: 'aqiForecast', runAbove: 200, days: 1 },
        },
      ],
      directorSigns,
      {
        body: { zh: '空气质量好转时自动解除', en: 'Lapses by itself when the air improves' },
        signer: null,
        automatic: {
          zh: '预测或监测空气质量改善到轻度污染及以下，且预测持续36小时以上',
          en: 'Air forecast or measured at light pollution or better for 36 hours or more',
        },
        clause: '四(四)',
        quote: '蓝色预警不设解除审批程序,空气质量好转时自动解除',
      },
      [
        {
          text: { zh: '全社会PM和VOCs减排5%以上', en: 'PM and VOCs cut by 5% or more' },
          ...TARGETS_CLAUSE,
          quote: '蓝色预警级别全社会PM和VOCs减排比例均应达到5%以上',
        },
      ],
    ),
    level(
      'yellow',
      '黄色预警',
      'Yellow warning',
      ['Ⅲ级应急响应', 'Level III response'],
      [
        {
          id: 'yellow-2days',
          clause: '四(一)2',
          quote: '预测 AQI 日均值(或连续 24 小时) >200 将持续 2 天(或连续 48 小时)及以上',
          text: { zh: 'AQI>200持续2天及以上', en: 'AQI above 200 for 2 days or more' },
          when: { indicator: 'aqiForecast', runAbove: 200, days: 2 },
        },
      ],
      directorSigns,
      directorLifts,
      [
        {
          text: { zh: 'SO₂、NOₓ、PM减排10%以上，VOCs减排10%以上', en: 'SO₂, NOₓ and PM cut 10%+, VOCs 10%+' },
          ...TARGETS_CLAUSE,
          quote: '在黄色、橙色和红色预警级别的减排比例应分别达到10%、20%、30%以上',
        },
      ],
    ),
    level(
      'orange',
      '橙色预警',
      'Orange warning',
      ['Ⅱ级应急响应', 'Level II response'],
      [
        {
          id: 'orange-3days-300',
          clause: '四(一)3',
          quote: '>200 将持续 3 天(或连续 72 小时)及以上,且预测 AQI 日均值(或连续 24 小时) >300',
          text: {
            zh: 'AQI>200持续3天及以上，且有日均值>300',
            en: 'AQI above 200 for 3+ days with a day above 300',
          },
          when: {
            all: [
              { indicator: 'aqiForecast', runAbove: 200, days: 3 },
              { indicator: 'aqiForecast', runAbove: 300, days: 1 },
            ],
          },
        },
      ],
      directorSigns,
      directorLifts,
      [
        {
          text: { zh: 'SO₂、NOₓ、PM减排20%以上，VOCs减排15%以上', en: 'SO₂, NOₓ and PM cut 20%+, VOCs 15%+' },
          ...TARGETS_CLAUSE,
          quote: '挥发性有机物(VOCs)减排比例分别达到10%、15%和20%以上',
        },
      ],
    ),
    level(
      'red',
      '红色预警',
      'Red warning',
      ['Ⅰ级应急响应', 'Level I response'],
      [
        {
          id: 'red-4days-300x2',
          clause: '四(一)4',
          quote:
            '预测 AQI 日均值 >200 将持续 4 天(或连续 96 小时)及以上,且预测 AQI 日均值 >300 将持续 2 天(或连续 48 小时)及以上',
          text: {
            zh: 'AQI>200持续4天及以上，且>300持续2天及以上',
            en: 'AQI above 200 for 4+ days and above 300 for 2+ days',
          },
          when: {
            all: [
              { indicator: 'aqiForecast', runAbove: 200, days: 4 },
              { indicator: 'aqiForecast', runAbove: 300, days: 2 },
            ],
          },
        },
        {
          id: 'red-500',
          clause: '四(一)4',
          quote: '或预测 AQI 日均值(或连续 24 小时)达到 500',
          text: { zh: '预测AQI日均值达到500', en: 'Forecast daily AQI reaches 500' },
          when: { indicator: 'aqiForecast', anyAtLeast: 500 },
        },
      ],
      {
        body: { zh: '指挥长签发', en: 'Signed by the commander' },
        signer: 'commander',
        clause: '四(三)',
        quote: '红色预警由市重污染天气应急指挥部指挥长签发',
      },
      {
        body: { zh: '指挥部审批解除', en: 'Lifted with the HQ’s approval' },
        signer: 'commander',
        clause: '三(一)',
        quote: '负责全市重污染天气红色预警发布、解除报告的审批',
      },
      [
        {
          text: { zh: 'SO₂、NOₓ、PM减排30%以上，VOCs减排20%以上', en: 'SO₂, NOₓ and PM cut 30%+, VOCs 20%+' },
          ...TARGETS_CLAUSE,
          quote: '在黄色、橙色和红色预警级别的减排比例应分别达到10%、20%、30%以上',
        },
      ],
    ),
  ],
  units: [
    {
      id: OFFICE,
      name: '市重污染天气应急指挥部办公室',
      en: 'City heavy-pollution HQ office',
      kind: 'department',
      duty: {
        text: '负责重污染天气应急日常工作;在启动重污染天气应急期间,监督各级各有关部门工作职责落实情况和任务完成情况,组织有关执法部门,依法督导检查;组织应急管理培训和重污染天气应急演练;协调各成员单位建立重污染天气应急联动机制;负责重污染天气蓝色、黄色、橙色等3个等级预警发布(解除)报告的审批;完成市重污染天气应急指挥部交办的其他事项。',
        clause: '三(二)',
      },
      contacts: contacts(OFFICE),
    },
    ...MEMBERS.map(([id, item, name, en, text]) => ({
      id,
      name,
      en,
      kind: 'department' as const,
      duty: { text, clause: `附件3-${item}` },
      contacts: contacts(id),
    })),
    ...MEDIA.map(([id, name, en]) => ({
      id,
      name,
      en,
      kind: 'media' as const,
      duty: { text: MEDIA_DUTY, clause: '附件3-十八' },
      contacts: contacts(id),
    })),
    ...COUNTIES.map(([id, name, en]) => ({
      id,
      name,
      en,
      kind: 'county' as const,
      duty: { text: COUNTY_DUTY, clause: '附件3-十九' },
      contacts: contacts(id),
    })),
  ],
  actions: [
    {
      id: 'issue-warning',
      level: 'blue',
      title: {
        zh: '发布预警并通知各区县和市直部门',
        en: 'Publish the warning; notify counties and departments',
      },
      detail:
        '应急预警的启动由市政府发布,市重污染天气应急指挥部办公室负责实施,通过媒体公布,并通知各区县政府和市直有关部门(单位)。',
      clause: '四(三)',
      quote:
        '应急预警的启动由市政府发布,市重污染天气应急指挥部办公室负责实施,通过媒体公布,并通知各区县政府和市直有关部门(单位)',
      units: [OFFICE],
    },
    {
      id: 'start-special-plans',
      level: 'blue',
      title: {
        zh: '接到预警通知后立即启动相应专项预案',
        en: 'On the warning notice, start the unit’s own special plan at once',
      },
      detail:
        '接到预警通知后,各区县、市直有关部门(单位)按照各自职责立即启动相应专项预案,并于每日16:00前向指挥部办公室报告进展情况。',
      clause: '四(三)',
      quote: '接到预警通知后,各区县、市直有关部门(单位)按照各自职责立即启动相应专项预案',
      units: NOTIFIED,
    },
    {
      id: 'member-duties',
      level: 'blue',
      title: {
        zh: '按附件3职责落实本职工作',
        en: 'Carry out the unit’s annex-3 duties',
      },
      detail:
        '预警信息发布后,按预警信息中规定的时间要求启动相应等级的应急响应,指挥部成员单位按照职责分工落实本职工作(见附件3)。',
      clause: '五(二)',
      quote: '指挥部成员单位按照职责分工落实本职工作(见附件3)',
      units: EVERYONE,
    },
    {
      id: 'daily-consultation',
      level: 'blue',
      title: { zh: '应急期间每日会商', en: 'Consult daily during the response' },
      detail: '日常期间每周至少会商一次,应急期间每日会商,重污染天气已经出现时,实时会商。',
      clause: '四(二)',
      quote: '应急期间每日会商,重污染天气已经出现时,实时会商',
      units: ['environment', 'city-weather'],
    },
    {
      id: 'inspection-team',
      level: 'blue',
      title: { zh: '成立督导组督导检查', en: 'Form the inspection team' },
      detail:
        '重污染天气应急启动期间,市政府督查室牵头成立督导组,对各区县、各部门工作落实情况以及各企业、各单位应急响应措施落实情况进行督导检查。',
      clause: '八(八)',
      quote: '重污染天气应急启动期间,市政府督查室牵头成立督导组',
      units: ['inspection'],
    },
    ...BROADCAST.map(({ item, zh, en, quote, detail, units }) => ({
      id: `broadcast-${item}`,
      level: 'blue',
      title: { zh: `预警播发：${zh}`, en: `Warning: ${en}` },
      detail,
      clause: `四(六)${item}`,
      quote,
      units,
    })),
    ...MEASURES.map(({ title: [zh, en], winter, season, supersedes, ...m }) => ({
      ...m,
      title: { zh, en },
      ...(winter ? { condition: WINTER } : season ? { condition: season } : {}),
      ...(supersedes ? { supersedes } : {}),
    })),
    {
      id: 'process-summary',
      level: 'yellow',
      phase: 'after',
      title: { zh: '对应急过程进行总结评估', en: 'Review the response' },
      detail:
        '各区县政府和市重污染天气应急指挥部办公室,对每次重污染天气应急(Ⅳ级响应除外)过程进行总结评估,内容包括:重污染天气应急预警发布情况,各部门、单位响应情况,应急措施落实情况等。',
      clause: '六(三)',
      quote: '对每次重污染天气应急',
      units: [OFFICE, ...COUNTY_IDS],
    },
  ],
  clocks: [
    {
      id: 'progress-16',
      level: 'blue',
      title: {
        zh: '每日16:00前向指挥部办公室报告进展',
        en: 'Report progress to the HQ office by 16:00 daily',
      },
      clause: '四(三)',
      quote: '并于每日 16:00 前向指挥部办公室报告进展情况',
      owedBy: NOTIFIED,
      start: { kind: 'daily', time: '16:00' },
    },
    {
      id: 'newspaper-next-morning',
      level: 'blue',
      title: {
        zh: '补发（仅特殊情况当日不能发布时）：次日上午发布详细预警信息',
        en: 'Fallback, only if it could not run the same day: print the full warning the next morning',
      },
      clause: '四(六)6',
      quote: '特殊情况当日不能发布的,于次日上午及时发布',
      owedBy: ['zibo-daily'],
      start: { kind: 'nextDayBy', milestone: 'declared', time: '12:00' },
      note: {
        zh: '本项是“立即发布”的补救，只在特殊情况当日不能发布时适用；当日已发布的，报告已发布即可。原文只写“次日上午”，未给钟点：以上午结束（12:00）为限，是本控制台的读法。',
        en: 'A fallback for the duty to print at once (broadcast-6), owed only where, exceptionally, the warning could not run the same day; if it ran, report that. The text says "the next morning" and gives no hour: the console reads the morning as ending at 12:00 noon.',
      },
    },
    {
      id: 'regional-4h',
      level: 'blue',
      title: {
        zh: '接到区域预警后4小时内发布预警',
        en: 'Issue the warning within 4 h of a regional warning',
      },
      clause: '四(五)',
      quote: '按照接到的预警等级 4 小时之内无条件发布预警信息',
      owedBy: [OFFICE],
      start: { kind: 'after', milestone: 'regionalWarningReceived', offset: { hours: 4 } },
      beforeLevel: true,
    },
    {
      id: 'summary-3-working-days',
      level: 'yellow',
      title: {
        zh: '响应终止3个工作日内报送工作信息（Ⅳ级除外）',
        en: 'Report within 3 working days after the response (not level IV)',
      },
      clause: '六(一)',
      quote: '其他应急响应终止 3 个工作日内',
      owedBy: EVERYONE,
      start: { kind: 'after', milestone: 'terminated', offset: { workingDays: 3 } },
    },
    {
      id: 'plan-review-may',
      level: 'blue',
      title: { zh: '每年5月底前完成预案评估', en: 'Review the plan by the end of May' },
      clause: '六(三)',
      quote: '评估工作于5月底前完成',
      owedBy: [OFFICE, ...COUNTY_IDS],
      start: { kind: 'yearly', month: 5, day: 31 },
    },
    {
      id: 'list-revision-september',
      level: 'blue',
      title: { zh: '每年9月底前完成减排清单修订', en: 'Revise the reduction list by the end of September' },
      clause: '六(三)',
      quote: '清单修订工作于9月底前完成',
      owedBy: [OFFICE, ...COUNTY_IDS],
      start: { kind: 'yearly', month: 9, day: 30 },
    },
  ],
  readings: [
    {
      clause: '四(四)',
      quote:
        '当预测发生前后两次重污染过程,且间隔时间不足以完全清除前一次的污染过程,未达到解除预警条件时,应按一次重污染过程从严启动预警',
      reading: {
        zh: '预测序列先按解除条件切分为重污染过程：解除条件是“改善到轻度污染及以下级别（AQI≤150），且预测将持续36小时以上”；按日均值，连续2天及以上AQI≤150（48小时）才满足，两段之间只有1天（24小时）或夹有中度污染日（151–200）的，按一次过程。每个预警级别的全部条件须在同一次过程内满足，“AQI>N持续M天”计该过程内AQI>N的天数（过程内未达N的日子不中断过程，从严）；取各次过程中最高的级别。（原读法：取整个序列最长的连续超标天数、各条件分别在全序列判断，会把相隔1天的两段低判，把已满足解除条件的两段高判。）“或连续24/48/72/96小时”的小时值未建模，只读日均值。',
        en: 'The forecast is first cut into pollution processes by the lifting condition: air "improved to light pollution or better (AQI ≤ 150) and forecast to stay so for 36 hours or more". On daily means that takes 2 or more consecutive days at AQI ≤ 150 (48 h); two episodes separated by a single such day (24 h) or by moderate days (151–200) are one process. All conditions of a level must hold within one process, and "AQI > N for M days" counts the days above N in that process (a day below N inside a process does not end it: strictly); the level is the highest any process reaches. (Before: the longest consecutive run over the whole series, each condition judged separately over the whole series, which under-graded two episodes one day apart and over-graded episodes already separated by the lifting condition.) The hourly alternatives ("or 24/48/72/96 consecutive hours") are not modelled; only daily means are read.',
      },
    },
    {
      clause: '五(五)4',
      quote: '在III级响应基础上应当至少采取以下措施',
      reading: {
        zh: '响应措施逐级累加（“在…级响应基础上应当至少采取”）。高一级措施仅在以更严的要求重述同一项措施时取代低一级该项（如PVC手套限产20%→50%→停产、玻璃10%→20%→30%、陶瓷耐火钙业限产50%→停产、洒水、冒黑烟工程机械由建成区扩至全市、进出厂区重型车辆减50%→禁止、国Ⅲ重型→中型和重型柴油货车、健康防护、企事业单位自觉减排倡议）；高一级逐字重复的措施（提高治污设施运行效率、铸造熔铸停产、露天矿山和石材加工停止、渣土砂石禁运、Ⅰ级的倡议和扬尘措施）沿用低一级任务；高一级未重述的措施（Ⅰ级未提的煤气发生炉停产、Ⅲ级的重型柴油车禁限行区域和扬尘规范化管理、Ⅳ级的裸露地面扬尘控制、Ⅲ级“减少小汽车上路行驶”倡议）继续有效。一项低级任务中只有部分被重述的，拆分为多项任务。（原读法：高一级同类措施整体取代低一级，任务说明只截取半句，导致橙色、红色丢失多项措施。）',
        en: 'Responses are cumulative ("在…级响应基础上应当至少采取"). A higher measure replaces a lower one only where it restates that same measure more strictly (PVC gloves −20% → −50% → stop, glass −10/20/30%, ceramics −50% → stop, road wetting, smoky machinery from the built-up area to the whole city, plant-gate lorries −50% → banned, China III heavy → medium and heavy lorries, health advice, the emitters’ voluntary cuts). A measure a higher level repeats word for word (controls at full efficiency, foundry melting stop, quarry and stone-working stop, spoil haulage ban, level I’s advice and dust measures) stays as the lower level’s task; a measure the higher level does not restate (the gasifier stop, which level I does not mention; level III’s heavy-diesel zones and dust management; level IV’s bare-ground dust control; level III’s "fewer car trips") stays in force. A lower task only partly restated is split. (Before: a higher measure of the same kind replaced the whole lower one and task texts were half-sentence fragments, so orange and red lost many measures.)',
      },
    },
    {
      clause: '五(五)5(3)①',
      quote: '未改用水性漆、水性涂料或水性墨的企业有挥发性有机物产生的生产线实施停产',
      reading: {
        zh: 'Ⅰ级的涂装、家具、印刷VOCs停产条款写作“未改用水性漆、水性涂料或水性墨”，比Ⅱ级“未全面改用水性漆、水性胶、水性涂料或水性墨”窄，不是更严的重述；Ⅱ级条款在Ⅰ级继续有效，Ⅰ级条款另列任务。',
        en: 'Level I’s VOC clause ("not switched to water-based paint, coating or ink") is narrower than level II’s ("not fully switched to water-based paint, glue, coating or ink"), so it does not restate it more strictly; level II’s stays in force at level I and level I’s is a task of its own.',
      },
    },
    {
      clause: '四(三)',
      quote:
        '接到预警通知后,各区县、市直有关部门(单位)按照各自职责立即启动相应专项预案,并于每日 16:00 前向指挥部办公室报告进展情况',
      reading: {
        zh: '这一句只有一个主语“各区县、市直有关部门(单位)”，即前一句受通知的“各区县政府和市直有关部门(单位)”；“立即启动相应专项预案”和“每日16:00前报告进展”都由它承担，两项任务派给同一组单位：附件3第十九项各区县（含三个管委会）、第一至十六项市直部门，以及第十八项中的淄博日报社和淄博市广播电视台（市属单位，“市直有关部门(单位)”中的“单位”可涵盖）。附件3是否写有“编制专项实施方案”不作为判断依据：第二、三、四项（市监察局、市政府督查室、市政府应急办）也没有，仍是市直部门，“按照各自职责”承担。第十七项国网淄博供电公司和第十八项中的通信运营商、山东广电网络有限公司淄博分公司是中央或省属企业在淄博的分支机构，不是市直单位，不承担这两项，但仍按五(二)落实附件3职责、按六(一)报送总结。（原读法：16:00报告只派给第一至十六项和各区县，以“附件3未给专项实施方案”为由排除第十七、十八项，与第二至四项不一致；“立即启动相应专项预案”则并入五(二)的任务派给全部成员单位。）',
        en: 'The sentence has one subject, "各区县、市直有关部门(单位)", the counties and city units notified in the sentence before; both "start the corresponding special plan at once" and "report progress by 16:00 every day" are theirs, so both tasks go to the same units: the counties and zones of annex 3 item 19, the city departments of items 1–16, and, of item 18, 淄博日报社 and 淄博市广播电视台, which are city-owned units that "市直有关部门(单位)" ("units") covers. Whether annex 3 gives a unit a special plan is not the test: items 2, 3 and 4 (supervision bureau, inspection office, emergency office) have none and are still city departments, acting "按照各自职责". The grid company (item 17) and, of item 18, the telecom operators and the cable company are local branches of central or provincial companies, not city units: they owe neither, but still carry out their annex-3 duties (五(二)) and the summary of 六(一). (Before: the 16:00 report went to items 1–16 and the counties, excluding items 17 and 18 because annex 3 gives them no special plan, inconsistently with items 2–4; and "start the special plan" was spliced into the 五(二) task and given to every member unit.)',
      },
    },
    {
      clause: '四(五)',
      quote: '当接到上级重污染天气应急指挥机构发布区域性预警或提示性信息时',
      reading: {
        zh: '接到上级区域性预警后4小时内发布预警的时限，从接到区域预警时起算，此时我市尚无预警生效；故该时限自事件建立（接报）起即运行，在蓝色及以上各级均有效，不等待我市预警签发。（原读法：须待我市预警生效后才开始计时。）',
        en: 'The 4-hour limit for issuing the city’s warning after a regional warning runs from receipt of the regional warning, when no city warning is yet in force; so the clock runs from the moment the incident is opened (接报) and holds at blue and every level above, without waiting for the city’s own warning to be signed. (Before: it could not start until the city’s warning was in force.)',
      },
    },
    {
      clause: '五(五)1',
      quote:
        '冬季采暖季(每年11月15日—次年3月15日,下同)期间,重点工业企业应当采取冬季错峰生产调控和错峰运输措施',
      reading: {
        zh: '冬季错峰生产是采暖季的常态措施，响应在其基础上加码；本控制台在采暖季内发布任一级预警时一并派发，用于核查落实。五(五)1(1)中焦化企业“自10月1日至次年3月31日”延长出焦，原文给了自己的时段，单列一项任务，按10月1日至3月31日（含首尾日）派发，不受采暖季限制。（原读法：焦化写在钢铁任务中，随采暖季派发，10月1日至11月14日和3月16日至31日不显示。）',
        en: 'Winter staggered production is a standing measure of the heating season that responses build on; the console tasks it with any warning issued in the season so that it is checked. The coking rule of 五(五)1(1) gives its own window, "from 1 October to 31 March": it is a task of its own, given from 1 Oct to 31 Mar inclusive, not bound to the heating season. (Before: it was part of the steel task and followed the heating season, so it was missing from 1 Oct to 14 Nov and from 16 to 31 Mar.)',
      },
    },
    {
      clause: '四(三)',
      quote: '并于每日 16:00 前向指挥部办公室报告进展情况',
      reading: {
        zh: '每日16:00报告从预警生效后的第一个16:00起算（16:00后发布则从次日起）；预警解除后不再产生新的报告。',
        en: 'The 16:00 report starts with the first 16:00 after the warning takes effect (the next day if issued after 16:00) and stops when the warning is lifted.',
      },
    },
    {
      clause: '六(一)',
      quote: '其他应急响应终止 3 个工作日内',
      reading: {
        zh: '按响应期间达到的最高级别判断是否“Ⅳ级以外”；工作日按国务院办公厅公布的节假日安排计算（法定节假日不计，调休上班日计入；数据来自 chinese-days 数据包，尚未收录的年份按周一至周五计算），截止到第3个工作日24:00。',
        en: 'Whether a response was "other than level IV" follows the highest level it reached; working days follow the holidays the State Council announces (holidays do not count, weekend days worked in their place do; from the chinese-days data package, and Monday to Friday for a year it does not hold yet), ending at midnight of the third.',
      },
    },
    {
      clause: '附件2',
      quote: '淄博市重污染天气应急指挥部成员名单',
      reading: {
        zh: '附件2的41人全部按2017年名单录入，职务照原文抄录（不改写、不合并），并标注“2017年”；原文未给出任何电话，电话一律缺失。各部门、区县、企业负责人挂在其本单位下。不属于任何成员单位的指挥部领导——指挥长于海田、副指挥长杨洪涛和刘荣喜、成员董云波（市政府秘书长）、翟国梁和张苍安（市政府办公厅副主任）、周洪刚（市政府研究室主任）——挂在代表指挥部的“市重污染天气应急指挥部办公室”下，这是本控制台的安排：本预案中没有代表指挥部本身的单位，办公室是指挥部的常设机构。指挥部中的身份（指挥长、副指挥长、指挥部办公室主任/副主任，后者见名单末段“刘荣喜兼任办公室主任，周洪刚、张苍安、于照春兼任办公室副主任”）写在联系人的标签中，不写入职务。（原读法：于海田、杨洪涛、董云波、翟国梁未录入；刘荣喜的职务被改写为“副市长;指挥部办公室主任”。）',
        en: 'All 41 people of annex 2 are entered as of 2017, each post copied as the table gives it (not rewritten or merged) and marked 2017; the plan gives no phone numbers, so every phone is missing. Heads of departments, counties and companies are attached to their own units. The headquarters leaders who belong to no member unit — the commander 于海田, the deputy commanders 杨洪涛 and 刘荣喜, and the members 董云波 (secretary-general), 翟国梁 and 张苍安 (deputy directors of the general office) and 周洪刚 (director of the research office) — are attached to the HQ office unit, the console’s arrangement: the plan has no unit for the headquarters itself, and the office is its standing body. Each person’s place in the headquarters (commander, deputy commander, office director or deputy, the latter from the annex’s last paragraph) is given in the contact’s label, not mixed into the post. (Before: 于海田, 杨洪涛, 董云波 and 翟国梁 were missing, and 刘荣喜’s post was rewritten as "副市长;指挥部办公室主任".)',
      },
    },
    {
      clause: '四(六)6',
      quote: '特殊情况当日不能发布的,于次日上午及时发布',
      reading: {
        zh: '报纸的主要义务是“立即发布详细预警信息”（任务broadcast-6）；“次日上午及时发布”只是特殊情况当日不能发布时的补救，时钟标题和说明注明这一点。原文只写“次日上午”，未给钟点；本控制台以上午结束即中午12:00为限，这是读法，不是原文的钟点。',
        en: 'The newspapers’ duty is to print the full warning at once (task broadcast-6); "the next morning" is only the fallback where, exceptionally, it could not run the same day, and the clock’s title and note say so. The text says "the next morning" and gives no hour; the console reads the morning as ending at 12:00 noon, which is a reading, not an hour the text gives.',
      },
    },
    {
      clause: '四(六)5',
      quote: '各级各部门官方微博、微信公众号等,在接到市政府应急发布指令后,及时发布相关信息(一次性)',
      reading: {
        zh: '“各级各部门官方微博、微信公众号”派给附件3第一至十六项市直部门和各区县（含三个管委会）；通信运营商发短信，市气象局（第十六项）发短信平台并有官方账号。报社、电视台的发布另见第3、4、6项。',
        en: '"Every level’s and every department’s official Weibo and WeChat accounts" go to the city departments of annex 3 items 1–16 and to the counties and zones; the operators send the SMS, and the weather bureau (item 16) runs the SMS platform besides its accounts. The newspaper and broadcaster publish under items 3, 4 and 6.',
      },
    },
  ],
} satisfies PlanInput;
