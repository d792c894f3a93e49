import { UsageError } from './cli-errors';

/** The first line of stdin (--password-stdin), or a prompt on a terminal that does not echo what is typed. */
export async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return firstLineOfStdin();
  if (!process.stdin.isTTY) throw new UsageError('no terminal to prompt for the password: pass it on stdin with --password-stdin');
  return promptHidden('Password: ');
}

async function firstLineOfStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0];
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    process.stderr.write(question);
    const stdin = process.stdin;
    stdin.setRawMode(true);
    stdin.resume();
    let typed = '';
    const onData = (data: Buffer) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          return resolve(typed);
        }
        if (char === '\u0003') process.exit(130);
        typed = char === '\u007f' ? typed.slice(0, -1) : typed + char;
      }
    };
    stdin.on('data', onData);
  });
}
