/**
 * The page's way to the server: same origin, the browser's cookie, and each request's outcome told to the
 * connection indicator (live/online.ts). Light on purpose: the login screen needs this and nothing of the
 * live link (socket.io, the engine, the views load with the console after sign-in).
 */
import { type Call, createCaller, type Transport } from './call.ts';
import { requestFailed, requestSucceeded } from './online.ts';

export const pageTransport: Transport = {
  origin: '',
  onOutcome: (reached) => (reached ? requestSucceeded() : requestFailed()),
};

/** Every query and command of the contract (shared/protocol/contract.ts), typed by name. */
export const call: Call = createCaller(pageTransport);
