/**
 * How a command that writes gets its yes: `--yes`, a question on the terminal, or, with neither (a
 * script, CI, a pipe), a refusal that says to pass `--yes`. Questions and what they are about go to
 * stderr, so stdout keeps only the result (and stays valid JSON with --json).
 */
import { createInterface } from 'node:readline';

/** Asks before writing; one per command run. */
export interface Consent {
  /** Shows `details`, asks `question` (answered y/N), and resolves to the answer. */
  confirm(details: string, question: string): Promise<boolean>;
  /** True once a question was refused because no one could answer it (not a terminal, no --yes). */
  readonly neededYes: boolean;
  /** True once a question was shown on the terminal (so its details were seen already). */
  readonly asked: boolean;
}

/** Reads one answer from the terminal; no answer (Ctrl-C, Ctrl-D) is no. */
async function askTerminal(input: NodeJS.ReadStream, output: NodeJS.WriteStream, prompt: string): Promise<boolean> {
  const terminal = createInterface({ input, output, terminal: true });
  return new Promise<boolean>((resolve) => {
    let answered = false;
    terminal.on('SIGINT', () => {
      output.write('\n');
      terminal.close();
    });
    terminal.once('close', () => {
      if (!answered) resolve(false);
    });
    terminal.question(prompt, (answer) => {
      answered = true;
      resolve(/^\s*y(es)?\s*$/i.test(answer));
      terminal.close();
    });
  });
}

/** The consent of this run: `yes` from the --yes flag; a terminal when standard input is one. */
export function consent(yes: boolean, input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr): Consent {
  let neededYes = false;
  let asked = false;
  return {
    get neededYes() {
      return neededYes;
    },
    get asked() {
      return asked;
    },
    async confirm(details, question) {
      if (yes) return true;
      if (input.isTTY !== true) {
        neededYes = true;
        return false;
      }
      asked = true;
      output.write(`${details}\n`);
      return askTerminal(input, output, `${question} [y/N] `);
    },
  };
}
