import { fail, runCli } from '../cli';

/** Kept for scripts that call it: the CLI's `reindex` or `reconcile` (`node dist/src/cli.js reindex`). */
runCli(process.argv.slice(2)).catch(fail);
