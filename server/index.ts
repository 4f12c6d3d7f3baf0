/** Wiring only: configuration → app → listen. */
import { createApp } from './app.ts';

const port = Number(process.env.PORT ?? 3000);
const server = createApp().listen(port, () => {
  console.log(`应急预案指挥调度台 ready on http://localhost:${port} (Asia/Shanghai times; plans: 4)`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
