import { fail, runCli } from '../cli';

/** `npm run outbox -- status | retry --id N | retry --all`: the CLI's `outbox-status` and `outbox-retry`. */
const [name, ...rest] = process.argv.slice(2);
runCli(name === 'status' || name === 'retry' ? [`outbox-${name}`, ...rest] : process.argv.slice(2)).catch(fail);
