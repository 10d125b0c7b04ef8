import type { Channel, Contract, OutputOf, ParsedInputOf } from '../../shared/contract';
import type { AuthedContext, CallContext } from './context';

/** One channel's handler: parsed input in, output (or an AppError) out. Public channels may run without a session. */
export type Handler<C extends Channel> = (
  ctx: Contract[C]['roles'] extends 'public' ? CallContext : AuthedContext,
  input: ParsedInputOf<C>,
) => Promise<OutputOf<C>> | OutputOf<C>;

/** A feature's handlers: exactly the channels it declares, each typed from the contract. */
export type HandlersFor<C extends Channel> = { [K in C]: Handler<K> };
