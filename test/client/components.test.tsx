/** Components with logic, rendered to markup with React's own server renderer (no DOM needed). */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { planById } from '../../shared/plans/index.ts';
import { Countdown, LevelBadge, ProgressBar } from '../../client/src/components/common.tsx';
import { addedPerLevel, tierTable } from '../../client/src/logic/tierTable.ts';
import { TierTable } from '../../client/src/pages/PlanDetail.tsx';

describe('ProgressBar', () => {
  it('exposes units acknowledged out of units assigned and fills in proportion', () => {
    const html = renderToStaticMarkup(<ProgressBar done={3} total={12} label="3/12" />);
    expect(html).toContain('aria-valuenow="3"');
    expect(html).toContain('aria-valuemax="12"');
    expect(html).toContain('width:25%');
  });
  it('shows an empty bar, not a division by zero, when no unit is assigned', () => {
    expect(renderToStaticMarkup(<ProgressBar done={0} total={0} label="0/0" />)).toContain('width:0%');
  });
});

describe('Countdown', () => {
  it('marks the last half hour and overdue deadlines as urgent', () => {
    const now = 1_000_000_000;
    expect(renderToStaticMarkup(<Countdown dueAt={now + 3 * 3600_000} now={now} />)).toContain(
      'class="countdown"',
    );
    expect(renderToStaticMarkup(<Countdown dueAt={now + 10 * 60_000} now={now} />)).toContain(
      'countdown urgent',
    );
    expect(renderToStaticMarkup(<Countdown dueAt={now - 1000} now={now} />)).toMatch(/urgent.*已超时/);
  });
});

describe('LevelBadge', () => {
  it('writes the level’s name as well as colouring it, and says when no level is in force', () => {
    const html = renderToStaticMarkup(
      <LevelBadge name={{ zh: '红色预警', en: 'Red warning' }} color="red" />,
    );
    expect(html).toContain('红色预警');
    expect(html).toContain('background:#b91c1c');
    expect(renderToStaticMarkup(<LevelBadge name={null} color={null} />)).toContain('未生效');
  });
});

describe('TierTable', () => {
  it('renders one column per level with the count each adds, and one mark per cell in force', () => {
    const plan = planById('snow-ice')!;
    const html = renderToStaticMarkup(<TierTable plan={plan} phase="response" />);
    const rows = tierTable(plan);
    const added = addedPerLevel(rows, plan.levels.length);
    for (const [i, l] of plan.levels.entries())
      expect(html).toContain(`${l.name.zh}<br/><span class="muted">新增 ${added[i]}`);
    expect(html.match(/class="tier-adds"/g)?.length).toBe(rows.length);
    expect(html.match(/<tr data-action=/g)?.length).toBe(rows.length);
    expect(html).toContain('“各相关单位带班领导、人员到岗，实行 24 小时值班，确保通信畅通”');
  });
});
