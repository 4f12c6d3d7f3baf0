/** 博山区农村供水突发事件应急预案 (博政办字〔2023〕8号) as data. Every rule cites its clause; see schema.ts. */
import type { PlanInput } from './schema.ts';

const ISSUED = '2023-03-03';
const TOWNS: [string, string, string, string][] = [
  ['chishang', '池上镇', 'Chishang Town', '0533-4880007'],
  ['yuanquan', '源泉镇', 'Yuanquan Town', '0533-4810046'],
  ['boshan-town', '博山镇', 'Boshan Town', '0533-4578011'],
  ['shima', '石马镇', 'Shima Town', '0533-4569530'],
  ['badou', '八陡镇', 'Badou Town', '0533-4518212'],
  ['baita', '白塔镇', 'Baita Town', '0533-4682589'],
  ['yucheng', '域城镇', 'Yucheng Town', '0533-4657201'],
  ['shantou', '山头街道', 'Shantou Subdistrict', '0533-4408766'],
  ['chengdong', '城东街道', 'Chengdong Subdistrict', '0533-4182606'],
  ['chengxi', '城西街道', 'Chengxi Subdistrict', '0533-4110555'],
  ['devzone', '博山经济开发区', 'Boshan Economic Development Zone', '0533-4910107'],
];
const SUPPLIERS: [string, string, string, string][] = [
  ['jinyuan', '博山区津源供水有限责任公司', 'Boshan Jinyuan Water Supply Co., Ltd.', '0533-4251111'],
  ['guorun', '淄博国润水业有限公司', 'Zibo Guorun Water Co., Ltd.', '0533-4682511'],
];
const DEPARTMENTS: [number, string, string, string][] = [
  [1, 'emergency', '区应急管理局', 'District Emergency Management Bureau'],
  [2, 'water', '区水利局', 'District Water Resources Bureau'],
  [3, 'propaganda', '区委宣传部', 'Publicity Department of the District Committee'],
  [4, 'development', '区发展和改革委员会', 'District Development and Reform Commission'],
  [5, 'police', '区公安分局', 'District Public Security Sub-bureau'],
  [6, 'civil-affairs', '区民政局', 'District Civil Affairs Bureau'],
  [7, 'finance', '区财政局', 'District Finance Bureau'],
  [8, 'ecology', '区生态环境分局', 'District Ecology and Environment Sub-bureau'],
  [9, 'housing', '区住房和城乡建设局', 'District Housing and Urban-Rural Development Bureau'],
  [10, 'transport', '区交通运输局', 'District Transport Bureau'],
  [11, 'commerce', '区商务局', 'District Commerce Bureau'],
  [12, 'health', '区卫生健康局', 'District Health Commission'],
  [13, 'fire', '区消防救援大队', 'District Fire and Rescue Brigade'],
  [14, 'market', '区市场监督管理局', 'District Market Supervision Bureau'],
  [15, 'enforcement', '区综合行政执法局', 'District Comprehensive Administrative Law Enforcement Bureau'],
  [16, 'power-supply', '博山供电中心', 'Boshan Power Supply Centre'],
];
/** Annex 2 duties, verbatim, by row. */
const DUTIES: Record<number, string> = {
  1: '贯彻执行农村供水应急指挥部的各项工作部署，负责协调供水突发事件应急处置工作，指导做好供水突发事件应急救援工作；参与供水突发事件调查处理，协调做好伤残或死亡人员的善后处理工作；做好受灾群众生活救助工作。',
  2: '贯彻执行农村供水应急指挥部的各项工作部署，指导、协调农村供水突发事件的应急处理工作；组织区级农村供水突发事件应急预案的修订；督导各镇（街道）、各供水企业供水应急预案的编制和演练；为农村供水突发事件处置提供雨情、水情和工情信息；贯彻执行取水许可证制度。',
  3: '贯彻执行农村供水应急指挥部的各项工作部署，负责协调、指导农村供水应急突发事件通知信息和通知发布，牵头处置涉农村供水事项的舆情信息。',
  4: '贯彻执行农村供水应急指挥部的各项工作部署，参与协调现场救援处置工作，负责应急输水、调水和供水工程项目的审批工作。',
  5: '贯彻执行农村供水应急指挥部的各项工作部署，维护现场治安，保障交通秩序，协调现场救援处置工作，负责供水突发事件现场治安疏导，保障应急抢险工作顺利开展。',
  6: '贯彻执行农村供水应急指挥部的各项工作部署，做好困难群众救助工作。',
  7: '贯彻执行农村供水应急指挥部的各项工作部署，负责筹备供水突发事件应急处置工作所必需的资金，建立相关管理、监督和专用账户制度，做到专款专用。',
  8: '贯彻执行农村供水应急指挥部的各项工作部署，负责污染源排查，组织水源周围环境检测，划定水资源保护区及设立保护标志，及时作出水源污染评估，制定水源污染应急处理方案，强化水源周围污染源防控。',
  9: '贯彻执行农村供水应急指挥部的各项工作部署，参与协调现场救援处置工作，为应急抢险提供有关地下管线资料，负责因供水突发事件造成损坏的供热、燃气等设施的抢修和恢复工作。',
  10: '贯彻执行农村供水应急指挥部的各项工作部署，保障应急响应期间交通道路通行，负责应急响应后期处置道路恢复重建工作。',
  11: '贯彻执行农村供水应急指挥部的各项工作部署，负责协调做好区内重点保供企业的生活必需品物资储备监测预警和应急期间的生活必需品物资调配工作。',
  12: '贯彻执行农村供水应急指挥部的各项工作部署，负责对农村饮用水水源、水厂供水和用水点的水质监测，并严格按照规定进行查处；组织和指导做好医疗救治工作。',
  13: '贯彻执行农村供水应急指挥部的各项工作部署，负责组织消防车辆定点送水。',
  14: '贯彻执行农村供水应急指挥部的各项工作部署，负责农村供水突发事件发生期间哄抬价格等违法行为的查处。',
  15: '贯彻执行农村供水应急指挥部的各项工作部署，负责协调供水突发事件发生期间市政车辆定点送水。',
  16: '贯彻执行农村供水应急指挥部的各项工作部署，负责为供水突发事件应急抢修提供电力保障。',
  17: '贯彻执行农村供水应急指挥部的各项工作部署，负责成立农村供水突发事件抢险队伍及应急专家组；负责调度农村供水水源，启动应急和备用水源；制定应急送水、集中供水、企业错峰用水方案；农村供水突发事件发生时，按照供水企业事故应急预案进行先期处置，并按照规定程序上报；做好抢修设备、物资储备工作；按指挥部指令向社会发布紧急停水公告、水质信息和抢险进展等信息。',
  18: '贯彻执行农村供水应急指挥部的各项工作部署，组织应对本辖区内农村供水突发事件应急处置。',
};

const duty = (row: number) => ({ text: DUTIES[row] ?? '', clause: `附件2-${row}` });
const phone = (label: string, name: string, number: string) => ({
  label,
  phone: number,
  asOf: ISSUED,
  clause: '附件1',
  quote: `${name}\t${number}`,
});

const SUPPLIER = 'incident-supplier';
const TOWN = 'incident-town';
const VILLAGE = 'village';

/**
 * 3.2(3), 3.3(1): the village plan's lead bodies start a village response; the console records it. An
 * inference, not an express rule of the text: see the 3.3(1) reading.
 */
const villageStarts = {
  body: {
    zh: '相关村（社区）、供水企业（村级预案主责单位；按3.2(3)与“逐级启动”推定由其启动，值班员记录，不需区级签批）',
    en: 'The village and the supplier, the village plan’s lead bodies (inferred from 3.2(3) and “tier by tier”; recorded by the duty officer; no district signature)',
  },
  signer: null,
  clause: '3.2(3)',
  quote: '由各村（社区）、供水企业分别负责编制，报镇（街道）备案，并作为预案响应工作的主责单位',
};
/**
 * 3.2(2), 3.3(1): the town government starts a town response; the console records it. An inference, not an
 * express rule of the text: see the 3.3(1) reading.
 */
const townStarts = {
  body: {
    zh: '事故发生地镇政府（街道办事处）（镇级预案主责单位；按3.2(2)与“逐级启动”推定由其启动，值班员记录，不需区级签批）',
    en: 'The town government, the town plan’s lead body (inferred from 3.2(2) and “tier by tier”; recorded by the duty officer; no district signature)',
  },
  signer: null,
  clause: '3.2(2)',
  quote: '由各乡镇人民政府（街道办事处）负责编制，报博山区水利局备案，并作为预案响应工作的主责单位',
};
/** 3.3(1): the district response is proposed by the office and decided by the commander */
const commanderDecides = {
  body: {
    zh: '区指挥部总指挥（经办公室研判提出建议）',
    en: 'The district commander, on the office’s proposal',
  },
  signer: 'commander' as const,
  clause: '3.3(1)',
  quote: '确定事件分级，提出预案响应建议，上报区指挥部总指挥',
};
/**
 * 3.3(3): every response, village, town or district, ends when the commander or a deputy commander declares
 * it ended, after the assessment. The console's commander role stands for 总指挥或副总指挥.
 */
const commanderEnds = {
  body: {
    zh: '经有关机构、专家评估后，由总指挥或副总指挥宣布终止（控制台由总指挥角色签批）',
    en: 'Declared ended by the commander or a deputy commander after the assessment (signed in the console by the commander role)',
  },
  signer: 'commander' as const,
  clause: '3.3(3)',
  quote: '经有关机构、专家评估，事件危害基本消除，次生事件得到有效控制，经总指挥或副总指挥宣布终止',
};

const hours = { zh: '小时', en: 'h' };
const people = { zh: '人', en: 'people' };
const count = (key: string, zh: string, en: string, max: number) => ({
  key,
  kind: 'number' as const,
  name: { zh, en },
  unit: people,
  min: 0,
  max,
  integer: true,
});
const flag = (key: string, zh: string, en: string) => ({ key, kind: 'boolean' as const, name: { zh, en } });

export const ruralWater = {
  id: 'rural-water',
  title: { zh: '博山区农村供水突发事件应急预案', en: 'Boshan District Rural Water-Supply Emergency Plan' },
  docNumber: '博政办字〔2023〕8号',
  issuer: '博山区人民政府办公室',
  issuedOn: ISSUED,
  sourceFile: '博政办字〔2023〕8号.txt',
  scope: {
    text: {
      zh: '博山区农村供水工程供水服务范围内，因供水发生突发事件，造成大范围或长时间不能正常供水的应急处置',
      en: 'Emergencies in Boshan’s rural water-supply service area that cut supply widely or for long',
    },
    clause: '1.3',
    quote: '本预案适用于博山区农村供水工程供水服务范围内',
  },
  tiering: { clause: '3.3(1)', quote: '如率先启动区级应急预案，则镇村级预案随之自行启动' },
  indicators: [
    {
      key: 'outageHours',
      kind: 'number',
      name: { zh: '水源枯竭连续停水时长', en: 'Continuous outage from a dried-up source' },
      unit: hours,
      min: 0,
      max: 8760,
      integer: false,
    },
    {
      key: 'severeShortageHours',
      kind: 'number',
      name: { zh: '严重缺水时长（人均日饮用水不到5L）', en: 'Severe shortage (under 5 L per person a day)' },
      unit: hours,
      min: 0,
      max: 8760,
      integer: false,
    },
    count('affectedPopulation', '影响人数', 'People affected', 1_000_000),
    flag('spansVillages', '跨村（社区）', 'Spans villages'),
    flag('spansTowns', '跨镇域', 'Spans towns'),
    flag('alternativeSourceWithin2km', '2公里内有替代水源', 'Alternative source within 2 km'),
    count('deaths', '死亡人数（水质原因）', 'Deaths (water quality)', 100_000),
    count('poisoned', '集体中毒人数', 'People poisoned', 1_000_000),
    count(
      'disasterOutagePopulation',
      '自然灾害或人为破坏致停水人数',
      'People cut off by disaster or sabotage',
      1_000_000,
    ),
    flag('wholeVillageOutage', '村（社区）整体停水', 'Whole village cut off'),
  ],
  levels: [
    {
      id: 'village',
      name: { zh: '村级（一般）', en: 'Village level (ordinary)' },
      color: null,
      clause: '3.1(3)',
      quote: '村级供水突发事件（一般）',
      criteria: [
        {
          id: 'v-outage',
          clause: '3.1(3)',
          quote: '因水源枯竭造成停水或严重缺水48小时以下（不含48小时）24小时以上（含24小时）',
          text: { zh: '停水或严重缺水24至48小时', en: 'Outage or severe shortage of 24 to 48 h' },
          when: {
            any: [
              { indicator: 'outageHours', gte: 24, lt: 48 },
              { indicator: 'severeShortageHours', gte: 24, lt: 48 },
            ],
          },
        },
        {
          id: 'v-population',
          clause: '3.1(3)',
          quote:
            '影响范围为村（社区）常住人口3000人以下（不含3000人以下）1000人以上（含1000人）、2公里范围内找不到替代水源',
          text: {
            zh: '影响1000至3000人且2公里内无替代水源',
            en: '1,000 to 3,000 people and no source within 2 km',
          },
          when: {
            all: [
              { indicator: 'affectedPopulation', gte: 1000, lt: 3000 },
              { indicator: 'alternativeSourceWithin2km', is: false },
            ],
          },
        },
        {
          id: 'v-poisoning',
          clause: '3.1(3)',
          quote: '因供水水质不达标等原因致使30人以下（不含30人）集体中毒事件发生',
          text: { zh: '水质原因集体中毒30人以下', en: 'Group poisoning of fewer than 30' },
          when: { indicator: 'poisoned', gte: 1, lt: 30 },
        },
        {
          id: 'v-whole-village',
          clause: '3.1(3)',
          quote: '因自然灾害或人为破坏造成村（社区）整体突发性停水事件',
          text: {
            zh: '自然灾害或人为破坏致村（社区）整体停水',
            en: 'A whole village cut off by disaster or sabotage',
          },
          when: { indicator: 'wholeVillageOutage', is: true },
        },
      ],
      declare: villageStarts,
      lift: commanderEnds,
    },
    {
      id: 'town',
      name: { zh: '镇级（较大）', en: 'Town level (major)' },
      color: null,
      clause: '3.1(2)',
      quote: '镇级供水突发事件（较大）',
      criteria: [
        {
          id: 't-outage',
          clause: '3.1(2)',
          quote: '因供水工程水源枯竭造成连续停水48小时以下（不含48小时）24小时以上（含24小时）',
          text: { zh: '连续停水24至48小时', en: 'Continuous outage of 24 to 48 h' },
          when: { indicator: 'outageHours', gte: 24, lt: 48 },
        },
        {
          id: 't-shortage',
          clause: '3.1(2)',
          quote: '严重缺水72小时以下（不含72小时）48小时以上（含48小时）',
          text: { zh: '严重缺水48至72小时', en: 'Severe shortage of 48 to 72 h' },
          when: { indicator: 'severeShortageHours', gte: 48, lt: 72 },
        },
        {
          id: 't-population',
          clause: '3.1(2)',
          quote:
            '影响范围为镇（街道）域内5000人以下（不含5000人）3000人以上（含3000人），或跨村（社区）1000人以上（含1000人）',
          text: {
            zh: '镇域内影响3000至5000人，或跨村1000人以上',
            en: '3,000 to 5,000 people in a town, or 1,000+ across villages',
          },
          when: {
            any: [
              { indicator: 'affectedPopulation', gte: 3000, lt: 5000 },
              {
                all: [
                  {
                    any: [
                      { indicator: 'spansVillages', is: true },
                      { indicator: 'spansTowns', is: true },
                    ],
                  },
                  { indicator: 'affectedPopulation', gte: 1000 },
                ],
              },
            ],
          },
        },
        {
          id: 't-casualties',
          clause: '3.1(2)',
          quote: '致使1至2人死亡，或30人以上（含30人）至50人以下（不含50人）集体中毒事件发生',
          text: { zh: '死亡1至2人，或集体中毒30至50人', en: '1 or 2 deaths, or 30 to 50 poisoned' },
          when: {
            any: [
              { indicator: 'deaths', gte: 1, lt: 3 },
              { indicator: 'poisoned', gte: 30, lt: 50 },
            ],
          },
        },
        {
          id: 't-disaster',
          clause: '3.1(2)',
          quote:
            '因自然灾害或人为破坏造成镇域农村3000人以上（含3000人）5000人以下（不含5000人）的突发性停水事件',
          text: {
            zh: '自然灾害或人为破坏致3000至5000人停水',
            en: 'Disaster or sabotage cuts off 3,000 to 5,000',
          },
          when: { indicator: 'disasterOutagePopulation', gte: 3000, lt: 5000 },
        },
      ],
      declare: townStarts,
      lift: commanderEnds,
    },
    {
      id: 'district',
      name: { zh: '区级（重大）', en: 'District level (grave)' },
      color: null,
      clause: '3.1(1)',
      quote: '区级供水突发事件（重大）',
      criteria: [
        {
          id: 'd-outage',
          clause: '3.1(1)',
          quote: '因水源枯竭造成农村供水区域连续停水48小时以上（含48小时）',
          text: { zh: '连续停水48小时以上', en: 'Continuous outage of 48 h or more' },
          when: { indicator: 'outageHours', gte: 48 },
        },
        {
          id: 'd-shortage',
          clause: '3.1(1)',
          quote: '严重缺水（指人均日饮用水量不到5L）72小时以上（含72小时）',
          text: { zh: '严重缺水72小时以上', en: 'Severe shortage of 72 h or more' },
          when: { indicator: 'severeShortageHours', gte: 72 },
        },
        {
          id: 'd-population',
          clause: '3.1(1)',
          quote: '影响范围为全区5000人以上（含5000人），或跨镇域2000人以上（含2000人）',
          text: { zh: '影响5000人以上，或跨镇域2000人以上', en: '5,000+ people, or 2,000+ across towns' },
          when: {
            any: [
              { indicator: 'affectedPopulation', gte: 5000 },
              {
                all: [
                  { indicator: 'spansTowns', is: true },
                  { indicator: 'affectedPopulation', gte: 2000 },
                ],
              },
            ],
          },
        },
        {
          id: 'd-casualties',
          clause: '3.1(1)',
          quote: '致使3人以上（含3人）死亡或50人以上（含50人）集体中毒事件发生',
          text: { zh: '死亡3人以上或集体中毒50人以上', en: '3+ deaths or 50+ poisoned' },
          when: {
            any: [
              { indicator: 'deaths', gte: 3 },
              { indicator: 'poisoned', gte: 50 },
            ],
          },
        },
        {
          id: 'd-disaster',
          clause: '3.1(1)',
          quote: '因自然灾害或人为破坏造成全区农村5000人以上（含5000人）的突发性停水事件',
          text: { zh: '自然灾害或人为破坏致5000人以上停水', en: 'Disaster or sabotage cuts off 5,000+' },
          when: { indicator: 'disasterOutagePopulation', gte: 5000 },
        },
      ],
      declare: commanderDecides,
      lift: commanderEnds,
    },
  ],
  units: [
    ...DEPARTMENTS.map(([row, id, name, en]) => ({
      id,
      name,
      en,
      kind: 'department' as const,
      duty: duty(row),
      contacts:
        id === 'water'
          ? [
              {
                ...phone(
                  '区应急指挥部办公室（设在区水利局）应急值班电话',
                  '区应急指挥部办公室',
                  '0533-4110094',
                ),
              },
            ]
          : [],
    })),
    ...SUPPLIERS.map(([id, name, en, number]) => ({
      id,
      name,
      en,
      kind: 'enterprise' as const,
      duty: duty(17),
      contacts: [phone('应急值班电话', name, number)],
    })),
    ...TOWNS.map(([id, name, en, number]) => ({
      id,
      name,
      en,
      kind: 'town' as const,
      duty: duty(18),
      contacts: [phone('农村供水应急值班电话', name, number)],
    })),
    {
      // 3.3(1) "相关供水单位": one of the two companies, or a village that runs its own supply (2.1, 5.3)
      id: SUPPLIER,
      name: '相关供水单位',
      en: 'The water supplier concerned (a company, or a village that runs its own supply)',
      kind: 'role',
      bindsTo: SUPPLIERS.map(([id]) => id),
      party: 'village',
      duty: duty(17),
    },
    {
      id: TOWN,
      name: '事故发生地镇（街道）',
      en: 'The town or subdistrict where it happened',
      kind: 'role',
      bindsTo: TOWNS.map(([id]) => id),
      duty: duty(18),
    },
    {
      id: VILLAGE,
      name: '相关村（社区）',
      en: 'The village or community concerned',
      kind: 'role',
      party: 'village',
      duty: duty(18),
    },
  ],
  actions: [
    {
      id: 'village-lead',
      level: 'village',
      title: { zh: '村级预案主责单位组织响应', en: 'Village plan’s lead bodies run the response' },
      detail:
        '村级供水突发事件应急预案（一般）由各村（社区）、供水企业分别负责编制，报镇（街道）备案，并作为预案响应工作的主责单位，组织本村（社区）和供水企业人员参与响应工作。',
      clause: '3.2(3)',
      quote: '作为预案响应工作的主责单位，组织本村（社区）和供水企业人员参与响应工作',
      units: [VILLAGE, SUPPLIER],
    },
    {
      id: 'first-response',
      level: 'village',
      title: { zh: '供水企业先期处置并上报', en: 'Supplier’s first response and report' },
      detail: '农村供水突发事件发生时，按照供水企业事故应急预案进行先期处置，并按照规定程序上报。',
      clause: '附件2-17',
      quote: '按照供水企业事故应急预案进行先期处置，并按照规定程序上报',
      units: [SUPPLIER],
    },
    {
      id: 'survey-plan',
      level: 'village',
      title: { zh: '现场查勘研判，制定处置方案', en: 'Survey the site and draw up a plan' },
      detail:
        '组织现场查勘、研判，制定处置方案。按照程序由村级、镇级、区级逐级上报，直至上报区指挥部总指挥。',
      clause: '3.3(2)',
      quote: '组织现场查勘、研判，制定处置方案',
      units: [SUPPLIER, VILLAGE],
    },
    {
      id: 'quality-monitoring',
      level: 'village',
      title: {
        zh: '水源水质监测，污染即停供切换',
        en: 'Monitor water quality; stop and switch source if polluted',
      },
      detail:
        '做好供水水源水质监测。当供水水质遭受生物、化学、毒剂、病毒、油污、放射性等物质严重污染时，应立即停止供水，并组织开展水源切换，保证水源安全。配合相关部门查找污染源，并采取相应措施控制后续影响。',
      clause: '3.3(2)',
      quote: '应立即停止供水，并组织开展水源切换，保证水源安全',
      units: [SUPPLIER],
    },
    {
      id: 'allocate-sources',
      level: 'village',
      title: { zh: '调配水源，优先保障生活饮用水', en: 'Reallocate sources; drinking water first' },
      detail:
        '在供水水量不足、水压不稳、水质不安全的情况下，合理调配供水水源，优先保障居民生活饮用水，限制或停止其它用水。',
      clause: '3.3(2)',
      quote: '合理调配供水水源，优先保障居民生活饮用水，限制或停止其它用水',
      units: [SUPPLIER],
    },
    {
      id: 'site-control',
      level: 'village',
      title: { zh: '现场管控：划定警戒区域', en: 'Secure the site' },
      detail:
        '做好现场管控工作。迅速组织开展抢险工作，确定危险源、标明危险区域、封锁危险场所、划定警戒区域、实行交通管制，或采取其它管控措施。',
      clause: '3.3(2)',
      quote: '确定危险源、标明危险区域、封锁危险场所、划定警戒区域、实行交通管制',
      units: [SUPPLIER, VILLAGE],
    },
    {
      id: 'public-notices',
      level: 'village',
      title: {
        zh: '按指令发布停水公告和水质信息',
        en: 'Publish outage notices and water-quality news on order',
      },
      detail: '按指挥部指令向社会发布紧急停水公告、水质信息和抢险进展等信息。',
      clause: '附件2-17',
      quote: '按指挥部指令向社会发布紧急停水公告、水质信息和抢险进展等信息',
      units: [SUPPLIER],
    },
    {
      id: 'town-lead',
      level: 'town',
      title: { zh: '镇（街道）作为主责单位组织响应', en: 'The town runs the response' },
      detail:
        '镇级供水突发事件应急预案（较大）由各乡镇人民政府（街道办事处）负责编制，报博山区水利局备案，并作为预案响应工作的主责单位，组织各责任单位参与响应工作。',
      clause: '3.2(2)',
      quote: '镇级供水突发事件应急预案（较大）由各乡镇人民政府（街道办事处）负责编制',
      units: [TOWN],
    },
    {
      id: 'district-lead',
      level: 'district',
      title: { zh: '区水利局作为主责单位组织各责任单位', en: 'The water bureau runs the district response' },
      detail:
        '区级供水突发事件应急预案（重大）由博山区水利局（区农村供水突发事件应急指挥部办公室）负责编制，并作为预案响应工作的主责单位，组织各责任单位参与响应工作。',
      clause: '3.2(1)',
      quote: '并作为预案响应工作的主责单位，组织各责任单位参与响应工作',
      units: ['water'],
    },
    {
      id: 'member-duties',
      level: 'district',
      title: { zh: '按附件2职责参与响应', en: 'Carry out the unit’s annex-2 duties' },
      detail:
        '在指挥部统一领导下，区有关部门按照职责分工，各司其职，密切配合，共同开展农村供水突发事件应急处置工作。各成员单位主要工作职责详见附件2（博山区农村供水突发事件应急指挥部成员单位主要工作职责）。',
      clause: '2.3',
      quote: '在指挥部统一领导下，区有关部门按照职责分工，各司其职，密切配合',
      units: DEPARTMENTS.map(([, id]) => id),
    },
    {
      id: 'expert-group',
      level: 'district',
      title: { zh: '组织专家研判，为指挥部决策提供依据', en: 'Convene the expert group' },
      detail:
        '建立农村供水突发事件应急专家组，为开展应急处置事项提供技术支持。受理供水突发事件报告，组织开展部门和专家研判，对应急事项进行评估，为指挥部决策提供依据。',
      clause: '2.2',
      quote: '组织开展部门和专家研判，对应急事项进行评估，为指挥部决策提供依据',
      units: ['water'],
    },
    {
      id: 'public-opinion',
      level: 'district',
      title: { zh: '加强舆情监管，打击谣言', en: 'Watch public opinion; act on rumours' },
      detail:
        '加强舆情监管。开展信息搜集、整理、查处工作，依法严厉打击故意编造、传播有关事态发展或虚假恐怖信息的违法行为。',
      clause: '3.3(2)',
      quote: '加强舆情监管。开展信息搜集、整理、查处工作',
      units: ['propaganda', 'police'],
    },
    {
      id: 'recovery-village',
      level: 'village',
      phase: 'after',
      title: { zh: '维修恢复损坏设施（村级）', en: 'Repair damaged facilities (village)' },
      detail:
        '供水突发事件预案响应终止后，各预案响应的主责单位应主动组织开展损坏附属设施设备的维修、恢复或重建工作，确保群众能正常用水。',
      clause: '4.2',
      quote: '各预案响应的主责单位应主动组织开展损坏附属设施设备的维修、恢复或重建工作',
      units: [VILLAGE, SUPPLIER],
    },
    {
      id: 'recovery-town',
      level: 'town',
      phase: 'after',
      title: { zh: '维修恢复损坏设施（镇级）', en: 'Repair damaged facilities (town)' },
      detail:
        '供水突发事件预案响应终止后，各预案响应的主责单位应主动组织开展损坏附属设施设备的维修、恢复或重建工作，确保群众能正常用水。',
      clause: '4.2',
      quote: '各预案响应的主责单位应主动组织开展损坏附属设施设备的维修、恢复或重建工作',
      units: [TOWN],
    },
    {
      id: 'recovery-district',
      level: 'district',
      phase: 'after',
      title: { zh: '维修恢复损坏设施（区级）', en: 'Repair damaged facilities (district)' },
      detail:
        '供水突发事件预案响应终止后，各预案响应的主责单位应主动组织开展损坏附属设施设备的维修、恢复或重建工作，确保群众能正常用水。',
      clause: '4.2',
      quote: '各预案响应的主责单位应主动组织开展损坏附属设施设备的维修、恢复或重建工作',
      units: ['water'],
    },
  ],
  clocks: [
    {
      id: 'supplier-report-1h',
      level: 'village',
      title: { zh: '供水单位1小时内向属地镇（街道）报告', en: 'Supplier reports to the town within 1 h' },
      clause: '3.3(1)',
      quote: '相关供水单位应在 1 小时内向属地镇（街道）报告',
      owedBy: [SUPPLIER],
      start: { kind: 'after', milestone: 'occurred', offset: { hours: 1 } },
      beforeLevel: true,
    },
    {
      id: 'town-report-1h',
      level: 'village',
      title: {
        zh: '镇（街道）核查后1小时内报区指挥部办公室',
        en: 'Town verifies and reports to the district office within 1 h',
      },
      clause: '3.3(1)',
      quote: '应开展突发事件核查并在 1 小时内向区农村供水突发事件应急指挥部办公室报告',
      owedBy: [TOWN],
      start: { kind: 'after', milestone: 'townInformed', offset: { hours: 1 } },
      beforeLevel: true,
    },
    {
      id: 'investigation-village',
      level: 'village',
      title: {
        zh: '终止后1个月内完成事故调查报告（村级）',
        en: 'Investigation report within 1 month (village)',
      },
      clause: '4.1',
      quote: '并在1个月内完成突发事件事故调查报告，上报至上级响应机构',
      owedBy: [VILLAGE, SUPPLIER],
      start: { kind: 'after', milestone: 'terminated', offset: { months: 1 } },
    },
    {
      id: 'investigation-town',
      level: 'town',
      title: {
        zh: '终止后1个月内完成事故调查报告（镇级）',
        en: 'Investigation report within 1 month (town)',
      },
      clause: '4.1',
      quote: '并在1个月内完成突发事件事故调查报告，上报至上级响应机构',
      owedBy: [TOWN],
      start: { kind: 'after', milestone: 'terminated', offset: { months: 1 } },
    },
    {
      id: 'investigation-district',
      level: 'district',
      title: {
        zh: '终止后1个月内完成事故调查报告（区级）',
        en: 'Investigation report within 1 month (district)',
      },
      clause: '4.1',
      quote: '并在1个月内完成突发事件事故调查报告，上报至上级响应机构',
      owedBy: ['water'],
      start: { kind: 'after', milestone: 'terminated', offset: { months: 1 } },
    },
  ],
  links: [
    {
      from: 'district',
      starts: ['town', 'village'],
      clause: '3.3(1)',
      quote: '如率先启动区级应急预案，则镇村级预案随之自行启动',
    },
  ],
  readings: [
    {
      clause: '3.1(3)',
      quote: '因水源枯竭造成停水或严重缺水48小时以下（不含48小时）24小时以上（含24小时）',
      reading: {
        zh: '镇级与村级都写了24–48小时停水；按“符合多个级别取最高”，24–48小时连续停水定为镇级，村级此条只对24–48小时严重缺水起决定作用。',
        en: 'Town and village levels both name a 24–48 h outage; taking the highest level that fits, such an outage is town level, and the village clause decides only for a 24–48 h severe shortage.',
      },
    },
    {
      clause: '3.1(3)',
      quote: '3000人以下（不含3000人以下）',
      reading: {
        zh: '“不含3000人以下”按笔误读作“不含3000人”：村级为1000 ≤ 人数 < 3000。顿号“、2公里范围内找不到替代水源”读作两项同时满足。',
        en: '"不含3000人以下" is read as a slip for "excluding 3,000": village level is 1,000 ≤ people < 3,000, and the clause after "、" (no source within 2 km) must hold as well.',
      },
    },
    {
      clause: '3.1(3)',
      quote: '致使30人以下（不含30人）集体中毒',
      reading: {
        zh: '“30人以下集体中毒”读作1至29人；跨镇域必然跨村，故镇级“跨村1000人以上”也认跨镇域。',
        en: 'A group poisoning "under 30" is read as 1 to 29 people; crossing towns implies crossing villages, so the town-level "1,000+ across villages" also counts a cross-town event.',
      },
    },
    {
      clause: '3.3(1)',
      quote: '对应农村供水突发事件分级，逐级启动预案响应。按村、镇、区级逐级启动。',
      reading: {
        zh: '这是推定，不是原文的明文规定。原文3.3(1)(2)把预案响应建议和处置方案一律报到“区指挥部总指挥”，也没有明文说村级、镇级不需总指挥决定。本控制台的读法：本预案“主要针对区级”（第2章），村级、镇级预案由村（社区）和供水企业、镇政府（街道办事处）编制并作为“预案响应工作的主责单位”（3.2(2)(3)），且“按村、镇、区级逐级启动”；据此推定村级、镇级响应由其主责单位启动，控制台由值班员记录启动，不需区指挥部总指挥签批，使村、镇的响应不必等待区级签字；区指挥部总指挥的签批留给区级响应（办公室研判提出建议，“上报区指挥部总指挥”）。如率先启动区级，镇村级随之自行启动。如认为村级、镇级同样须总指挥决定，应改为总指挥签批。预案未给出级别颜色，不作设定。',
        en: 'This is an inference, not an express rule of the text. 3.3(1)/(2) route the proposal and the plan of action to "the district commander" in every case, and the text nowhere says that the village and town tiers are exempt. The console’s reading: this plan is "mainly for the district level" (section 2); the village and town plans are written by the village and supplier and by the town government, which are "the lead bodies of the response" (3.2(2)/(3)), and responses start "village, town, district, tier by tier". From these the console infers that a village or town response is started by its own lead body and recorded by the duty officer, with no signature of the district commander, so that a village or town does not wait on the district; the district commander’s signature is kept for the district response (proposed by the office, "上报区指挥部总指挥"). Starting the district level first starts the town and village levels with it. If the lower tiers are read as needing the commander too, their start should be signed by the commander. The plan gives no level colours; none are set.',
      },
    },
    {
      clause: '3.3(3)',
      quote: '经有关机构、专家评估，事件危害基本消除，次生事件得到有效控制，经总指挥或副总指挥宣布终止',
      reading: {
        zh: '3.3(3)的终止程序适用于全部预案响应，不分村级、镇级、区级：经有关机构、专家评估后，由总指挥或副总指挥宣布终止。本控制台的总指挥角色代表“总指挥或副总指挥”（与区级相同），故三级的终止（以及由某级降级，降级即解除该级）均须总指挥角色签批。（原读法：村级、镇级由副总指挥中的镇（街道）行政负责人、供水村（社区）主要负责人宣布、值班员记录，不需签批。）',
        en: 'The ending procedure of 3.3(3) covers every response, village, town or district: after the assessment by the bodies and experts concerned, the commander or a deputy commander declares it ended. The console’s commander role stands for "the commander or a deputy commander" (as at district level), so ending any of the three tiers (and lowering from one, which lifts it) needs the commander role’s signature. (Before: the village and town tiers were ended by the deputies among the town’s head and the village head, recorded by the duty officer without a signature.)',
      },
    },
    {
      clause: '3.3(1)',
      quote: '相关供水单位应在 1 小时内向属地镇（街道）报告',
      reading: {
        zh: '“相关供水单位”不只是两家供水企业：原文另有自行供水的村（社区）（2.1“供水村（社区）主要负责人”、5.3“各供水村（社区）、供水企业”）。故该角色既可指定为两家供水企业，也可指定为正式区划名单中的村（社区），由其承担1小时报告。附件2第17项的职责（按供水企业事故应急预案先期处置、按指令发布停水公告）是对供水企业写的；由供水村（社区）担任该角色时，这些任务同样显示在该村名下，这是本控制台不按任务拆分角色所致，原文未明言。',
        en: '"The water supplier concerned" is not only the two companies: the text also has villages that run their own supply (2.1 "供水村（社区）主要负责人", 5.3 "各供水村（社区）、供水企业"). So the role can be bound to either company or to a village from the official division list, which then owes the 1-hour report. The annex-2 item-17 duties (first response under the company’s own accident plan, outage notices on the HQ’s order) are written for companies; when a supplying village holds the role they show under that village too, because the console does not split the role task by task; the text does not say so.',
      },
    },
    {
      clause: '3.3(1)',
      quote: '供水突发事件发生后，相关供水单位应在 1 小时内向属地镇（街道）报告',
      reading: {
        zh: '两项1小时报告都在研判定级之前：供水单位自事件发生起1小时内报镇（街道），镇（街道）自获取信息起1小时内报区指挥部办公室（获取时间由值班员记录）。二者不等任何级别启动，接报即计时，各级响应均适用。',
        en: 'Both 1-hour reports come before any grading: the supplier reports to the town within 1 hour of the event, the town to the district office within 1 hour of learning of it (the duty officer records when). Neither waits for a level: they run from when the incident is opened, at every level.',
      },
    },
    {
      clause: '4.1',
      quote: '各预案响应的主责单位应积极稳妥地做好后期处置工作',
      reading: {
        zh: '终止后，按响应达到的最高级别，已启动各级预案的主责单位各自在1个月内报调查报告（区级启动时村、镇、区三级均须报告）。',
        en: 'After termination, the lead body of every tier the response reached owes a report within a month (a district-level response owes three).',
      },
    },
  ],
} satisfies PlanInput;
