/** The plan engine: pure functions of plans, readings, commands, events and an explicit `now`. */
export * from './apply.ts';
export * from './assess.ts';
export * from './authority.ts';
export * from './clocks.ts';
export * from './decide.ts';
export * from './describe.ts';
export * from './incident.ts';
export * from './readings.ts';
export * from './reconcile.ts';
export * from './text.ts';
export * from './tiers.ts';
export * from './time.ts';
export * from './progress.ts';
