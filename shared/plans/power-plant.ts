/** 淄博市发电企业生产安全事故应急预案 (淄政办字〔2021〕35号) as data. Every rule cites its clause; see schema.ts. */
import type { PlanInput } from './schema.ts';

const COUNTY = 'incident-county';
const PLANT = 'plant';
const REPORTERS = [COUNTY, 'city-development'];
/** 8.3 "各发电企业": every plant in the city, not only the one where an accident happened */
const PLANTS = 'power-plants';
/** 2.2 the on-site HQ's member units (its commander is the city's deputy secretary-general; experts join it) */
const ONSITE_HQ = ['city-development', 'city-emergency', COUNTY];
/** 4.5.4, whole */
const RESCUER_SAFETY =
  '在生产安全事故应急救援过程中,发现可能直接危及应急救援人员生命安全的紧急情况时,现场指挥部或者统一指挥应急救援的区县政府应当立即采取相应措施消除隐患,降低或者化解风险,必要时可以暂时撤离应急救援人员.';

/** The city's districts, counties and zones: the bodies "事故发生地区县政府" can be. */
const COUNTIES: [string, string, string][] = [
  ['zhangdian', '张店区', 'Zhangdian District'],
  ['zichuan', '淄川区', 'Zichuan District'],
  ['boshan', '博山区', 'Boshan District'],
  ['linzi', '临淄区', 'Linzi District'],
  ['zhoucun', '周村区', 'Zhoucun District'],
  ['huantai', '桓台县', 'Huantai County'],
  ['gaoqing', '高青县', 'Gaoqing County'],
  ['yiyuan', '沂源县', 'Yiyuan County'],
  ['hitech', '高新区', 'Hi-tech Zone'],
  ['econ-dev', '经济开发区', 'Economic Development Zone'],
  ['wenchanghu', '文昌湖区', 'Wenchang Lake District'],
];

const MEMBERS: [string, string, string, string][] = [
  [
    'city-propaganda',
    '市委宣传部',
    'Publicity Department of the City Committee',
    '负责指导协调事故信息发布和舆情应对工作,协调有关部门和单位及时组织新闻发布.',
  ],
  [
    'cac',
    '市委网信办',
    'Cyberspace Affairs Office of the City Committee',
    '负责指导协调事故信息发布和舆情应对工作,协调有关部门和单位及时组织新闻发布.',
  ],
  [
    'city-development',
    '市发展改革委',
    'City Development and Reform Commission',
    '负责会同有关部门和单位协调抢险救援设备、物资、器材和食品的供应.',
  ],
  [
    'city-police',
    '市公安局',
    'City Public Security Bureau',
    '负责做好发电企业救援期间警戒保卫和交通疏导工作,保证救援车辆优先通行. 会同有关部门和单位积极预防和妥善处置因事故引发的群体性事件.',
  ],
  [
    'city-civil-affairs',
    '市民政局',
    'City Civil Affairs Bureau',
    '负责指导协调区县政府组织群众转移安置和生活救助工作,做好伤亡人员家属安抚.',
  ],
  [
    'union',
    '市总工会',
    'City Federation of Trade Unions',
    '负责指导协调区县政府组织群众转移安置和生活救助工作,做好伤亡人员家属安抚.',
  ],
  [
    'city-finance',
    '市财政局',
    'City Finance Bureau',
    '负责事故救援中应由市级财政承担的经费保障,确保应急救援工作所需经费及时到位.',
  ],
  [
    'hrss',
    '市人力资源社会保障局',
    'City Human Resources and Social Security Bureau',
    '负责指导协调生产安全事故中因工伤亡人员的工伤保险等相关事务.',
  ],
  [
    'city-ecology',
    '市生态环境局',
    'City Ecology and Environment Bureau',
    '负责开展环境危害的监测工作,调查事故对环境造成的污染情况,提出处置的建议或方案,预防环境污染.',
  ],
  [
    'city-transport',
    '市交通运输局',
    'City Transport Bureau',
    '负责协调事故应急救援有关道路运输车辆保障工作,协调做好应急救援人员、物资公路运输通道的畅通保障.',
  ],
  [
    'city-health',
    '市卫生健康委',
    'City Health Commission',
    '负责组织生产安全事故医疗救援,联系、安排市医疗急救指挥中心和有关医院,组织急救车辆、医疗器械和医护人员,开展事故现场伤员抢救和卫生防疫.',
  ],
  [
    'city-emergency',
    '市应急局',
    'City Emergency Management Bureau',
    '负责参与事故应急救援、处置、保障和调查工作,统筹协调部门和单位联动救援力量、救援专家和社会力量参加救援,指导事故发生地区县政府做好因事故紧急转移群众的临时安置和必要生活救助.',
  ],
  ['city-market', '市市场监管局', 'City Market Supervision Bureau', '负责组织特种设备事故应急救援处置.'],
  [
    'city-weather',
    '市气象局',
    'City Meteorological Bureau',
    '负责提供气象监测和预报支持,提供抢险救援期间天气、气候情况,提出有关预防可能发生的灾害性天气及极端气候事件的措施建议.',
  ],
  [
    'city-fire',
    '市消防救援支队',
    'City Fire and Rescue Detachment',
    '负责组织协调生产安全事故综合性消防救援;负责迅速控制灾情,营救受害人员,灭火和洗消等工作.',
  ],
  ['city-unicom', '中国联通淄博分公司', 'China Unicom Zibo', '负责组织通信队伍,保障救援的通信畅通.'],
  ['city-mobile', '中国移动淄博分公司', 'China Mobile Zibo', '负责组织通信队伍,保障救援的通信畅通.'],
  ['city-telecom', '淄博电信公司', 'China Telecom Zibo', '负责组织通信队伍,保障救援的通信畅通.'],
];

const byCounty = {
  body: {
    zh: '事故发生地区县政府（非市指挥部）',
    en: 'The county government where it happened (not the city HQ)',
  },
  signer: null,
  clause: '4.1',
  quote: '由事故发生地区县政府启动和实施生产安全事故应急救援预案',
};
const byHq = {
  body: { zh: '市发电企业应急救援指挥部（总指挥）', en: 'The city power-plant rescue HQ (commander)' },
  signer: 'commander' as const,
  clause: '4.1',
  quote: '由应急救援指挥部启动本预案',
};
const hqEnds = {
  body: { zh: '经总指挥批准，由应急救援指挥部宣布', en: 'Declared by the HQ once the commander approves' },
  signer: 'commander' as const,
  clause: '4.6',
  quote: '经总指挥批准,由应急救援指挥部宣布解除应急状态',
};

const people = { zh: '人', en: 'people' };
const criterion = (id: string, quote: string, zh: string, en: string, when: object) => ({
  id,
  clause: '4.1',
  quote,
  text: { zh, en },
  when,
});

export const powerPlant = {
  id: 'power-plant',
  title: {
    zh: '淄博市发电企业生产安全事故应急预案',
    en: 'Zibo Power-Plant Production-Safety Accident Emergency Plan',
  },
  docNumber: '淄政办字〔2021〕35号',
  issuer: '淄博市人民政府办公室',
  issuedOn: '2021-04-16',
  sourceFile: '淄政办字〔2021〕35号.txt',
  scope: {
    text: {
      zh: '较大及以上发电企业生产安全事故，超出区县政府应急处置能力的事故，及其他可能产生严重后果或重大社会影响的事故',
      en: 'Power-plant accidents that are major or worse, beyond a county’s capacity, or of grave consequence',
    },
    clause: '1.3',
    quote: '本预案适用于本市下列发电企业生产安全事故的应对工作',
  },
  tiering: {
    clause: '4.5.3',
    quote: '应急救援预案启动后,事故发生地区县政府、市有关部门和单位应当根据预案规定的职责要求',
  },
  boundaryRule: { clause: '9.3', quote: '本预案各数据范围的表述中,“以上”含本数,“以下”不含本数.' },
  indicators: [
    {
      key: 'deaths',
      kind: 'number',
      name: { zh: '死亡人数（含可能）', en: 'Deaths (actual or likely)' },
      unit: people,
      min: 0,
      max: 100_000,
      integer: true,
    },
    {
      key: 'injured',
      kind: 'number',
      name: { zh: '中毒、重伤人数', en: 'Poisoned or seriously injured' },
      unit: people,
      min: 0,
      max: 100_000,
      integer: true,
    },
    {
      key: 'severeSocialImpact',
      kind: 'boolean',
      name: { zh: '社会影响特别重大', en: 'Exceptionally grave social impact' },
    },
  ],
  levels: [
    {
      id: 'IV',
      name: { zh: 'Ⅳ级（一般）', en: 'Level IV (ordinary)' },
      color: 'blue',
      clause: '4.1',
      quote: '一般(IV级)',
      criteria: [
        criterion('iv-deaths', '造成或可能造成3人以下死亡', '死亡3人以下', 'Fewer than 3 deaths', {
          indicator: 'deaths',
          lt: 3,
        }),
        criterion(
          'iv-injured',
          '或造成10人以下中毒、重伤',
          '中毒、重伤10人以下',
          'Fewer than 10 poisoned or injured',
          { indicator: 'injured', lt: 10 },
        ),
      ],
      declare: byCounty,
      lift: { ...byCounty, body: { zh: '事故发生地区县政府', en: 'The county government' } },
    },
    {
      id: 'III',
      name: { zh: 'Ⅲ级（较大）', en: 'Level III (major)' },
      color: 'yellow',
      clause: '4.1',
      quote: '较大 (III级)',
      criteria: [
        criterion('iii-deaths', '造成或可能造成3人以上10人以下死亡', '死亡3至9人', '3 to 9 deaths', {
          indicator: 'deaths',
          gte: 3,
          lt: 10,
        }),
        criterion(
          'iii-injured',
          '或造成10人以上50人以下中毒、重伤',
          '中毒、重伤10至49人',
          '10 to 49 poisoned or injured',
          { indicator: 'injured', gte: 10, lt: 50 },
        ),
      ],
      declare: byHq,
      lift: hqEnds,
    },
    {
      id: 'II',
      name: { zh: 'Ⅱ级（重大）', en: 'Level II (grave)' },
      color: 'orange',
      clause: '4.1',
      quote: '重大 (II级)',
      criteria: [
        criterion('ii-deaths', '造成或可能造成10人以上30人以下死亡', '死亡10至29人', '10 to 29 deaths', {
          indicator: 'deaths',
          gte: 10,
          lt: 30,
        }),
        criterion(
          'ii-injured',
          '或造成50人以上100人以下中毒、重伤',
          '中毒、重伤50至99人',
          '50 to 99 poisoned or injured',
          { indicator: 'injured', gte: 50, lt: 100 },
        ),
      ],
      declare: byHq,
      lift: hqEnds,
    },
    {
      id: 'I',
      name: { zh: 'Ⅰ级（特别重大）', en: 'Level I (exceptionally grave)' },
      color: 'red',
      clause: '4.1',
      quote: '特别重大(I级)',
      criteria: [
        criterion('i-deaths', '造成或可能造成30人以上死亡', '死亡30人以上', '30 or more deaths', {
          indicator: 'deaths',
          gte: 30,
        }),
        criterion(
          'i-injured',
          '或造成100人以上中毒、重伤',
          '中毒、重伤100人以上',
          '100 or more poisoned or injured',
          { indicator: 'injured', gte: 100 },
        ),
        criterion(
          'i-impact',
          '或社会影响特别重大的',
          '社会影响特别重大',
          'Exceptionally grave social impact',
          { indicator: 'severeSocialImpact', is: true },
        ),
      ],
      declare: byHq,
      lift: hqEnds,
    },
  ],
  units: [
    ...MEMBERS.map(([id, name, en, text]) => ({
      id,
      name,
      en,
      kind: 'department' as const,
      duty: { text, clause: '2.3' },
    })),
    ...COUNTIES.map(([id, name, en]) => ({ id, name, en, kind: 'county' as const })),
    {
      id: COUNTY,
      name: '事故发生地区县政府',
      en: 'The county government where it happened',
      kind: 'role',
      bindsTo: COUNTIES.map(([id]) => id),
    },
    {
      id: PLANT,
      name: '事故发生单位',
      en: 'The power plant where it happened',
      kind: 'role',
      party: 'enterprise',
    },
    { id: 'experts', name: '技术专家', en: 'Technical experts', kind: 'role', party: 'expert' },
    { id: 'insurers', name: '有关保险机构', en: 'The insurers concerned', kind: 'role', party: 'insurer' },
    { id: PLANTS, name: '各发电企业', en: 'Every power plant', kind: 'role', party: 'enterprise' },
  ],
  groups: [
    {
      id: 'rescue',
      name: '抢险救援组',
      en: 'Rescue group',
      lead: [PLANT, 'city-fire'],
      clause: '2.1.4(1)',
      quote: '抢险救援组:由事故发生单位、市消防救援支队等有关部门和单位人员组成',
    },
    {
      id: 'technical',
      name: '技术保障组',
      en: 'Technical support group',
      lead: ['experts', PLANT],
      clause: '2.1.4(2)',
      quote: '技术保障组:由技术专家和事故发生单位技术负责人组成',
    },
    {
      id: 'security',
      name: '警戒保卫组',
      en: 'Cordon and security group',
      lead: ['city-police'],
      clause: '2.1.4(3)',
      quote: '警戒保卫组:由市公安局牵头',
    },
    {
      id: 'medical',
      name: '医疗救护组',
      en: 'Medical group',
      lead: ['city-health'],
      clause: '2.1.4(4)',
      quote: '医疗救护组:由市卫生健康委牵头',
    },
    {
      id: 'logistics',
      name: '后勤保障组',
      en: 'Logistics group',
      lead: [COUNTY],
      members: ['city-development', 'city-emergency', 'city-transport', PLANT],
      clause: '2.1.4(5)',
      quote:
        '后勤保障组:由事故发生地区县政府牵头,市发展改革委、市应急局、市交通运输局等有关部门和单位以及事故发生单位参加',
    },
    {
      id: 'publicity',
      name: '新闻宣传组',
      en: 'Publicity group',
      lead: ['city-propaganda'],
      members: ['city-emergency', 'cac'],
      clause: '2.1.4(6)',
      quote: '新闻宣传组:由市委宣传部牵头,市应急局、市委网信办等有关部门和单位参加',
    },
    {
      id: 'aftermath',
      name: '善后处理组',
      en: 'Aftermath group',
      lead: [COUNTY],
      members: ['city-civil-affairs', 'hrss', 'union', 'insurers'],
      clause: '2.1.4(7)',
      quote: '善后处理组:由事故发生地区县政府牵头,市民政局、市人力资源社会保障局、市总工会及有关保险机构参加',
    },
    {
      id: 'investigation',
      name: '调查评估组',
      en: 'Investigation and evaluation group',
      lead: ['city-development', 'city-police', 'city-emergency', 'union'],
      clause: '2.1.4(8)',
      quote: '调查评估组:由市发展改革委、市公安局、市应急局、市总工会等部门和单位组成调查组',
    },
  ],
  actions: [
    {
      id: 'plant-self-rescue',
      level: 'IV',
      title: { zh: '事故单位立即自救互救、撤离避险', en: 'The plant starts self-rescue and evacuates' },
      detail:
        '事故发生后,事故发生单位根据现场情况,立即组织开展自救、互救,迅速带领现场人员安全撤离或选择合适地点避险,并通知就近的专业救援队伍.',
      clause: '4.4.1',
      quote: '立即组织开展自救、互救,迅速带领现场人员安全撤离或选择合适地点避险,并通知就近的专业救援队伍',
      units: [PLANT],
    },
    {
      id: 'plant-measures',
      level: 'IV',
      title: {
        zh: '发电企业启动本企业预案并采取应急措施',
        en: 'The plant starts its own plan and takes the listed measures',
      },
      detail:
        '发生生产安全事故后,发电企业应当立即启动生产安全事故应急救援预案,采取下列应急救援措施,并按照有关规定报告事故情况:(1)迅速控制危险源,组织抢救遇险人员;(2)根据事故危害程度,组织现场人员撤离或者采取可能的应急措施后撤离;(3)及时通知可能受到事故影响的单位和人员;(4)采取必要措施,防止事故危害扩大和次生、衍生灾害发生;(5)根据需要请求邻近应急救援队伍参加救援,并向参加救援的应急救援队伍提供相关技术资料、信息和处置方法;(6)维护事故现场秩序,保护事故现场和相关证据;(7)法律、法规规定的其他应急救援措施.',
      clause: '4.5.1',
      quote: '发电企业应当立即启动生产安全事故应急救援预案,采取下列应急救援措施',
      units: [PLANT],
    },
    {
      id: 'plant-report',
      level: 'IV',
      title: {
        zh: '企业负责人如实报告当地政府和发改部门',
        en: 'The plant reports to the local government and DRC',
      },
      detail:
        '发电企业主要负责人接到事故报告后,应迅速组织企业开展抢险工作,并在省、市规定时间内迅速将事故情况如实报告当地政府和发展改革等相关部门和单位.',
      clause: '4.2.2',
      quote: '并在省、市规定时间内迅速将事故情况如实报告当地政府和发展改革等相关部门和单位',
      units: [PLANT],
    },
    {
      id: 'county-start',
      level: 'IV',
      title: {
        zh: '区县政府启动专项应急响应，制定初期救援方案',
        en: 'The county starts its response and first rescue plan',
      },
      detail:
        '事故发生地区县政府或发电企业根据生产安全事故性质,迅速启动专项应急响应,制定生产安全事故初期救援方案并组织实施.',
      clause: '4.4.2',
      quote: '迅速启动专项应急响应,制定生产安全事故初期救援方案并组织实施',
      units: [COUNTY],
    },
    {
      id: 'county-escalate',
      level: 'IV',
      upTo: 'IV',
      title: {
        zh: '不能有效控制时报市政府，建议启动市级预案',
        en: 'If it cannot be controlled, ask the city to start its plan',
      },
      detail:
        '事故发生地区县政府不能有效控制事故的,应当在采取必要措施控制事故灾情的同时,及时向市政府报告,提出启动市级事故应急救援预案的建议.',
      clause: '4.5.2',
      quote: '事故发生地区县政府不能有效控制事故的,应当在采取必要措施控制事故灾情的同时,及时向市政府报告',
      units: [COUNTY],
    },
    {
      id: 'rescuer-safety-county',
      level: 'IV',
      upTo: 'IV',
      title: {
        zh: '危及救援人员生命时区县政府立即消除隐患，必要时暂时撤离救援人员',
        en: 'If rescuers’ lives are directly threatened, the county removes the hazard and may withdraw them',
      },
      detail: RESCUER_SAFETY,
      clause: '4.5.4',
      quote:
        '统一指挥应急救援的区县政府应当立即采取相应措施消除隐患,降低或者化解风险,必要时可以暂时撤离应急救援人员',
      units: [COUNTY],
    },
    {
      id: 'development-report',
      level: 'IV',
      title: { zh: '市发展改革委按程序向市政府及上级报告', en: 'The city DRC reports up the line' },
      detail: '市发展改革委接到事故报告后,按程序向市政府及上级有关部门和单位报告.',
      clause: '4.2.2',
      quote: '市发展改革委接到事故报告后,按程序向市政府及上级有关部门和单位报告',
      units: ['city-development'],
    },
    {
      id: 'information-release',
      level: 'IV',
      title: { zh: '第一时间发布信息、引导舆论', en: 'Release information at once and guide opinion' },
      detail:
        '事故发生地区县政府或应急指挥机构要在事故发生后的第一时间通过新闻宣传部门按照“及时准确、公开透明、客观统一”的原则,加强信息发布和舆论引导,配合有关部门和单位主动向社会发布生产安全事故相关信息和应对工作情况,提示相关注意事项和安保措施. 加强舆情收集分析,及时回应社会关切,澄清不实信息,正确引导社会舆论,稳定公众情绪.',
      clause: '5',
      quote: '要在事故发生后的第一时间通过新闻宣传部门按照“及时准确、公开透明、客观统一”的原则',
      units: [COUNTY, 'city-propaganda'],
    },
    {
      id: 'members-to-scene',
      level: 'III',
      title: {
        zh: '通知成员单位赴现场，成立现场指挥部和各救援小组',
        en: 'Send members to the scene; set up the on-site HQ and groups',
      },
      detail:
        '确需启动本预案应急响应的,由应急救援指挥部发布命令,应急救援指挥部办公室立即通知成员单位赴事故灾害现场,成立现场指挥部和各救援小组,并按各自分工开展救援工作.',
      clause: '4.2.2',
      quote: '应急救援指挥部办公室立即通知成员单位赴事故灾害现场,成立现场指挥部和各救援小组',
      units: ['city-development'],
    },
    {
      id: 'onsite-hq',
      level: 'III',
      title: {
        zh: '现场指挥部组织制定并实施现场救援方案',
        en: 'On-site HQ draws up and runs the rescue plan',
      },
      detail:
        '根据应急救援指挥部的指示,负责召集参与应急救援的部门和单位现场负责人,组织制定并实施生产安全事故现场应急救援方案;明确职责分工,协调、指挥有关单位和人员参加现场应急救援. 参加生产安全事故现场应急救援的单位和人员应当服从现场指挥部的统一指挥. 主要职责:(1)指挥、协调事故现场的应急救援工作;(2)核实人员伤亡和经济损失情况,及时向应急救援指挥部汇报抢险救援工作情况;(3)组织划定事故现场范围,依法实施必要的交通管制及其他强制性措施.',
      clause: '2.2',
      quote: '负责召集参与应急救援的部门和单位现场负责人,组织制定并实施生产安全事故现场应急救援方案',
      units: ONSITE_HQ,
    },
    {
      id: 'expert-group',
      level: 'III',
      title: { zh: '通知专家赴现场，成立技术专家组', en: 'Call the experts to the scene' },
      detail:
        '应急救援指挥部启动本应急预案响应时,应急救援指挥部办公室应立即通知有关专家奔赴事故灾害现场,成立技术专家组. 专家组根据事故现场和救援队伍反馈情况,认真分析研究,制定科学合理的救援方案和安全技术措施,并根据事故现场变化情况及时调整救援方案.',
      clause: '4.3',
      quote: '应急救援指挥部办公室应立即通知有关专家奔赴事故灾害现场,成立技术专家组',
      units: ['city-development'],
    },
    {
      id: 'office-measures',
      level: 'III',
      title: { zh: '指挥部办公室采取应急救援措施', en: 'The HQ office takes the rescue measures' },
      detail:
        '应急救援指挥部办公室接到生产安全事故报告后,启动相应的生产安全事故应急救援预案,并按照应急救援预案的规定采取应急救援措施:(1)组织抢救遇险人员,救治受伤人员,研判事故发展趋势以及可能造成的危害;(2)通知可能受到事故影响的单位和人员,隔离事故现场,划定警戒区域,疏散受到威胁的人员,实施交通管制;(3)采取必要措施,防止事故危害扩大和次生、衍生灾害发生,避免或者减少事故对环境造成的危害;(4)依法发布调用和征用应急资源的决定;(5)依法向应急救援队伍下达救援命令;(6)维护事故现场秩序,组织安抚遇险人员和遇险遇难人员亲属;(7)依法发布有关事故情况和应急救援工作信息;(8)法律、法规规定的其他应急救援措施.',
      clause: '4.5.2',
      quote: '应急救援指挥部办公室接到生产安全事故报告后,启动相应的生产安全事故应急救援预案',
      units: ['city-development'],
    },
    {
      id: 'progress-reports',
      level: 'III',
      title: { zh: '随时报告救援进展', en: 'Report rescue progress throughout' },
      detail: '事故灾害救援过程中,随时向市政府、山东能源监管办、山东省能源局报告救援进展和事态发展情况等.',
      clause: '4.2.2',
      quote: '随时向市政府、山东能源监管办、山东省能源局报告救援进展和事态发展情况',
      units: ['city-development'],
    },
    {
      id: 'member-duties',
      level: 'III',
      title: { zh: '成员单位按职责到岗，服从统一指挥', en: 'Members take their posts under unified command' },
      detail:
        '应急救援预案启动后,事故发生地区县政府、市有关部门和单位应当根据预案规定的职责要求,服从应急救援指挥部的统一指挥,立即到达规定岗位,采取相应控制措施.',
      clause: '4.5.3',
      quote: '服从应急救援指挥部的统一指挥,立即到达规定岗位,采取相应控制措施',
      units: MEMBERS.map(([id]) => id),
    },
    {
      id: 'county-logistics',
      level: 'III',
      title: { zh: '区县政府为救援人员提供后勤保障', en: 'The county supports the rescuers' },
      detail:
        '事故发生地区县政府应当为应急救援人员提供必需的后勤保障,并组织通信、交通运输、医疗卫生、气象、电力、供水等部门和单位协助应急救援.',
      clause: '4.5.3',
      quote: '事故发生地区县政府应当为应急救援人员提供必需的后勤保障',
      units: [COUNTY],
    },
    {
      id: 'rescuer-safety-onsite',
      level: 'III',
      title: {
        zh: '危及救援人员生命时现场指挥部立即消除隐患，必要时暂时撤离救援人员',
        en: 'If rescuers’ lives are directly threatened, the on-site HQ removes the hazard and may withdraw them',
      },
      detail: RESCUER_SAFETY,
      clause: '4.5.4',
      quote:
        '现场指挥部或者统一指挥应急救援的区县政府应当立即采取相应措施消除隐患,降低或者化解风险,必要时可以暂时撤离应急救援人员',
      units: ONSITE_HQ,
    },
    ...(
      [
        [
          'rescue',
          '抢险救援组：先期到达现场，实施抢险方案',
          'Rescue group: first on scene, carries out the rescue plan',
          '2.1.4(1)',
          '主要负责先期到达事故现场',
          '主要负责先期到达事故现场,根据救援实际情况,报请应急救援指挥部调动和指挥各种救援力量、装备、物资,实施指挥部制定的抢险救灾方案和安全技术措施.',
        ],
        [
          'technical',
          '技术保障组：制定抢救技术方案',
          'Technical group: draws up the technical rescue plan',
          '2.1.4(2)',
          '主要负责研究制定抢救技术方案和措施',
          '主要负责研究制定抢救技术方案和措施,解决事故救援过程中遇到的技术难题,汇总事故发生单位和抢险救灾有关图纸、技术资料等.',
        ],
        [
          'security',
          '警戒保卫组：警戒保卫和交通疏导',
          'Security group: cordon and traffic',
          '2.1.4(3)',
          '负责做好救援期间警戒保卫和交通疏导工作',
          '以当地公安部门为主,负责做好救援期间警戒保卫和交通疏导工作,保证救援车辆优先通行. 会同有关部门和单位积极预防和妥善处置因事故引发的群体性事件.',
        ],
        [
          'medical',
          '医疗救护组：现场伤员救护',
          'Medical group: treat the injured',
          '2.1.4(4)',
          '负责组织医疗队伍对事故现场受伤人员进行应急处置和紧急救护',
          '负责组织医疗队伍对事故现场受伤人员进行应急处置和紧急救护.',
        ],
        [
          'logistics',
          '后勤保障组：设备物资供应和运输',
          'Logistics group: supplies and transport',
          '2.1.4(5)',
          '主要负责协调应急抢险救援设备、物资、器材和食品的供应',
          '主要负责协调应急抢险救援设备、物资、器材和食品的供应,道路修护、车辆调度、组织运送人员及物资等后勤保障工作.',
        ],
        [
          'publicity',
          '新闻宣传组：组织新闻发布，引导舆论',
          'Publicity group: press releases and opinion',
          '2.1.4(6)',
          '负责协调有关部门和单位及时组织新闻发布,加强舆论引导',
          '负责协调有关部门和单位及时组织新闻发布,加强舆论引导;积极做好媒体记者的登记接待和服务引导.',
        ],
        [
          'aftermath',
          '善后处理组：家属安抚、理赔',
          'Aftermath group: families and claims',
          '2.1.4(7)',
          '负责事故伤亡人员家属安抚、理赔等善后处理和社会稳定工作',
          '负责事故伤亡人员家属安抚、理赔等善后处理和社会稳定工作.',
        ],
        [
          'investigation',
          '调查评估组：保护证据，收集全过程信息',
          'Investigation group: evidence and records',
          '2.1.4(8)',
          '负责事故现场有关证据的保护、提取',
          '负责事故现场有关证据的保护、提取,对有关涉嫌犯罪人员依法采取控制措施,收集事故救援和应对处置全过程信息资料,对应急救援和现场处置工作进行科学评估,并提交总结评估报告.',
        ],
      ] as const
    ).map(([group, zh, en, clause, quote, detail]) => ({
      id: `group-${group}`,
      level: 'III',
      title: { zh, en },
      detail,
      clause,
      quote,
      group,
    })),
    {
      id: 'national-guidance',
      level: 'II',
      title: {
        zh: '在国家及省应急指挥机构指导下组织处置',
        en: 'Respond under national and provincial guidance',
      },
      detail: '由应急救援指挥部启动本预案,在国家及省应急指挥机构指导下,组织应急处置.',
      clause: '4.1',
      quote: '在国家及省应急指挥机构指导下,组织应急处置',
      units: ['city-development'],
    },
    {
      id: 'province-request',
      level: 'II',
      title: {
        zh: '必要时请示启动省级预案、请求增援',
        en: 'If needed, ask the province to start its plan and send help',
      },
      detail: '必要时,向省政府请示启动省级重特大事故应急救援预案,请求上级或周边应急救援队伍援助.',
      clause: '2.1.1(5)',
      quote: '必要时,向省政府请示启动省级重特大事故应急救援预案,请求上级或周边应急救援队伍援助',
      units: ['city-development'],
    },
    {
      id: 'aftermath-plan',
      level: 'IV',
      phase: 'after',
      title: {
        zh: '区县政府制订并实施善后工作方案',
        en: 'The county draws up and carries out the aftermath plan',
      },
      detail:
        '事故发生地区县政府要及时组织制订善后工作方案并组织实施. 保险机构要及时开展相关理赔工作,尽快消除生产安全事故影响.',
      clause: '6.3',
      quote: '事故发生地区县政府要及时组织制订善后工作方案并组织实施',
      units: [COUNTY, 'insurers'],
    },
    {
      id: 'evaluation-report',
      level: 'III',
      phase: 'after',
      title: {
        zh: '评估处置过程，形成处置评估报告',
        en: 'Evaluate the response and write the evaluation report',
      },
      detail:
        '生产安全事故应急响应终止后,要及时组织对事故处置过程进行评估,总结经验教训,分析查找问题,提出改进措施,形成处置评估报告. 评估报告一般包括事件发生原因和经过、造成的直接损失和影响、处置过程、经验教训以及改进建议等,必要时可开展第三方评估.',
      clause: '6.1',
      quote: '要及时组织对事故处置过程进行评估,总结经验教训,分析查找问题,提出改进措施,形成处置评估报告',
      group: 'investigation',
    },
    {
      id: 'accident-investigation',
      level: 'III',
      phase: 'after',
      title: { zh: '成立调查组进行事故调查', en: 'Set up the accident investigation' },
      detail:
        '生产安全事故发生之后,应急救援指挥部根据有关规定成立调查组进行事故调查. 事故发生地区县政府、有关部门和单位要认真配合调查组的工作,客观、公正、准确地查明事故原因、性质、影响范围、经济损失等情况,提出防范、整改措施和处理建议.',
      clause: '6.2',
      quote: '应急救援指挥部根据有关规定成立调查组进行事故调查',
      units: ['city-development', COUNTY],
    },
  ],
  clocks: [
    {
      id: 'phone-city-10min',
      level: 'IV',
      title: {
        zh: '事发10分钟内电话报市委、市政府值班室和市应急局',
        en: 'Phone the city duty rooms and emergency bureau within 10 minutes',
      },
      clause: '4.2.2',
      quote: '要在事发后10分钟内将初步情况电话报告市委值班室、市委信息调研室和市政府值班室,同时报市应急局',
      owedBy: REPORTERS,
      beforeLevel: true,
      start: { kind: 'after', milestone: 'occurred', offset: { minutes: 10 } },
    },
    {
      id: 'phone-province-30min',
      level: 'IV',
      title: {
        zh: '事发30分钟内电话报省政府总值班室和省应急厅',
        en: 'Phone the provincial duty room within 30 minutes',
      },
      clause: '4.2.2',
      quote: '在事发后30分钟内将初步情况电话报告省政府总值班室,同时报省应急厅',
      owedBy: REPORTERS,
      beforeLevel: true,
      start: { kind: 'after', milestone: 'occurred', offset: { minutes: 30 } },
    },
    {
      id: 'written-50min',
      level: 'IV',
      title: { zh: '事发50分钟内书面报告初步核实概况', en: 'Written preliminary report within 50 minutes' },
      clause: '4.2.2',
      quote: '事发后50分钟内(省政府要求市报送时间不超过1小时),必须书面报告初步核实的概况',
      owedBy: REPORTERS,
      beforeLevel: true,
      start: { kind: 'after', milestone: 'occurred', offset: { minutes: 50 } },
      note: { zh: '省政府要求市级报送不超过1小时', en: 'The province allows the city at most 1 hour' },
    },
    {
      id: 'verify-phone-15min',
      level: 'IV',
      title: { zh: '核报要求后15分钟内电话反馈', en: 'Phone back a verification within 15 minutes' },
      clause: '4.2.2',
      quote: '电话反馈初步核实情况时间不超过15分钟(省政府要求市报送时间不超过20分钟)',
      owedBy: REPORTERS,
      beforeLevel: true,
      start: { kind: 'after', milestone: 'verificationRequested', offset: { minutes: 15 } },
      note: { zh: '省政府要求市级不超过20分钟', en: 'The province allows the city at most 20 minutes' },
    },
    {
      id: 'verify-written-40min',
      level: 'IV',
      title: {
        zh: '要求书面核报后40分钟内书面反馈',
        en: 'Written verification within 40 minutes of the request',
      },
      clause: '4.2.2',
      quote: '对于明确要求报送书面信息的,原则上不超过40分钟反馈(省政府要求市报送时间不超过45分钟)',
      owedBy: REPORTERS,
      beforeLevel: true,
      start: { kind: 'after', milestone: 'writtenVerificationRequested', offset: { minutes: 40 } },
      note: { zh: '省政府要求市级不超过45分钟', en: 'The province allows the city at most 45 minutes' },
    },
    {
      id: 'written-accident-24h',
      level: 'IV',
      title: { zh: '事故发生后24小时内写出事故书面报告', en: 'Written accident report within 24 hours' },
      clause: '3.3',
      quote: '并应在事故发生后24小时内写出事故书面报告,按上述程序逐级上报',
      owedBy: [PLANT, COUNTY],
      beforeLevel: true,
      start: { kind: 'after', milestone: 'occurred', offset: { hours: 24 } },
    },
    ...([1, 2] as const).map((n) => ({
      id: `drill-${n}-of-2`,
      level: 'IV',
      title: {
        zh: `每年至少2次应急救援演练（第${n}次，年底前）`,
        en: `At least 2 rescue drills a year (drill ${n} of 2, by year end)`,
      },
      clause: '8.3',
      quote: '各发电企业应根据生产实际,每年至少组织开展2次应急救援演练',
      owedBy: [PLANTS],
      start: { kind: 'yearly' as const, month: 12, day: 31 },
      note: {
        zh: '预案只规定每年至少2次，未规定日期；两次均以当年12月31日为限',
        en: 'The plan sets two a year and no dates; both are due by 31 December',
      },
    })),
  ],
  readings: [
    {
      clause: '4.1',
      quote: 'Ⅳ级响应:造成或可能造成3人以下死亡',
      reading: {
        zh: '“3人以下死亡”包含0人：凡未达到Ⅲ级条件的事故均为Ⅳ级，由事故发生地区县政府启动，本控制台只作记录、不需市级签批。',
        en: '"Fewer than 3 deaths" includes none: any accident below level III is level IV, started by the county; the console records it without a city signature.',
      },
    },
    {
      clause: '4.2.2',
      quote: '事故发生地区县政府、市有关部门和单位要在事发后10分钟内',
      reading: {
        zh: '10/30/50分钟报告由事故发生地区县政府和市有关部门（以市发展改革委为代表）承担，从事发时刻起算，不等待响应级别：接报即开始计时，定级或等待签批期间照常倒计时，各级响应均适用（原先在签批后才出现，出现时已超时）。核报反馈的15/40分钟从收到核报要求时起算（“对要求核报的信息……要迅速核实”），系针对已报信息而非针对响应级别，同样在定级前即可计时；收到核报要求的时间须由值班员记录。括号中的省级时限（1小时、20分钟、45分钟）作为备注显示。',
        en: 'The 10/30/50-minute reports are owed by the county and the city departments (the DRC for them) and run from the moment of the accident, not from a level: they count from when the incident is opened, while the level is graded or awaits a signature, at every level (they used to appear only after a signature, already overdue). The 15/40-minute verifications run from the request ("对要求核报的信息……要迅速核实"), which concerns the information reported, not the level, so they too run before any level; the duty officer records when the request came. The provincial limits in brackets are shown as notes.',
      },
    },
    {
      clause: '3.3',
      quote: '并应在事故发生后24小时内写出事故书面报告',
      reading: {
        zh: '预案未写明由谁撰写24小时书面报告；按“逐级上报”，由事故发生单位和事故发生地区县政府承担。时限从“事故发生后”起算，不从响应启动起算，故定级前即开始计时。',
        en: 'The plan does not say who writes the 24-hour report; under "report level by level" it is owed by the plant and the county. It runs "after the accident", not from a declaration, so it counts before any level is in force.',
      },
    },
    {
      clause: '4.1',
      quote: '由应急救援指挥部启动本预案,在国家及省应急指挥机构指导下',
      reading: {
        zh: 'Ⅰ级与Ⅱ级的处置措施在原文中相同，升至Ⅰ级不新增任务；工作组按2.1.4在Ⅲ级起派发，组长单位在前。',
        en: 'Levels I and II carry the same measures in the text, so raising to I adds no task; the working groups of 2.1.4 are tasked from level III, lead units first.',
      },
    },
    {
      clause: '4.5.4',
      quote: '现场指挥部或者统一指挥应急救援的区县政府应当立即采取相应措施消除隐患',
      reading: {
        zh: '“统一指挥应急救援的区县政府”指Ⅳ级：由事故发生地区县政府启动和实施预案（4.1），此项任务派给区县政府，只在Ⅳ级；Ⅲ级起由应急救援指挥部启动本预案并设现场指挥部（2.2、4.2.2），此项任务派给现场指挥部成员单位（市发展改革委、市应急局、事故发生地区县政府）。撤离救援人员是“必要时可以”的授权，不设时限，作为任务而非时钟。',
        en: '"The county directing the rescue" is level IV, where the county starts and runs the response (4.1): the task goes to the county at level IV only. From level III the city HQ starts the plan and sets up the on-site HQ (2.2, 4.2.2): the task goes to the on-site HQ’s member units (city DRC, city emergency bureau, the county). Withdrawing rescuers is a power ("必要时可以"), with no deadline: a task, not a clock.',
      },
    },
    {
      clause: '8.3',
      quote: '每年至少组织开展2次应急救援演练',
      reading: {
        zh: '“每年至少2次”规定了频次，未规定日期，编为两项年度准备时钟（第1次、第2次），均以每年12月31日为限：只用了“每年”本身的年底界限，不另设日期。按半年各1次（6月30日、12月31日）的排法更均衡，但不是原文要求，未采用。义务人为“各发电企业”（全市发电企业，不只是事故发生单位），与事件无关。',
        en: '"At least 2 a year" sets a frequency, not dates: two yearly preparedness clocks (drill 1 and drill 2), both due by 31 December — only the year boundary that "每年" itself gives, no further date. One per half-year (30 June, 31 December) would spread them better but is not in the text, so it is not encoded. They are owed by "各发电企业" (every plant in the city, not only the one where an accident happened), outside any incident.',
      },
    },
  ],
} satisfies PlanInput;
