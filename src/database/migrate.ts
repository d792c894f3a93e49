import { fail, runCli } from '../cli';

/** `npm run migration:run` and the deployment's one-shot migrate step: the CLI's `migrate`. */
runCli(['migrate']).catch(fail);
