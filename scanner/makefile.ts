/**
 * A Makefile read as the shell it runs: only recipe lines (a tab first) are commands. Rules and directives
 * (`all: build`, `include mk/x.mk`) are Make's own, not programs; a setting (`DATA ?= data`) reads as the
 * shell assignment it amounts to.
 * Make's variables are put in (`$(SERVICE)` becomes the URL set above, `$(shell date)` a command
 * substitution) and `$$` becomes the shell's `$`, so the recipes read as the commands Make hands the shell.
 * Lines keep their numbers.
 */

/** Whether a file name is a Makefile's. */
export function isMakefile(path: string): boolean {
  const name = path.split('/').pop() ?? path;
  return /^(?:GNUmakefile|[Mm]akefile)$|\.mk$/.test(name);
}

const SETTING = /^(?:export\s+|override\s+)?([A-Za-z_][\w.-]*)\s*(\?|:{1,3}|\+|!)?=\s*(.*?)\s*$/;

/** The recipes of a Makefile as shell text, its settings as assignments, every other line blank. */
export function makeRecipes(text: string): string {
  const lines = text.split('\n');
  const variables = new Map<string, string>();
  for (const line of lines) {
    if (line.startsWith('\t')) continue;
    const setting = SETTING.exec(line);
    if (setting === null) continue;
    const [, name, kind, value] = setting as unknown as [string, string, string | undefined, string];
    if (kind === '?' && variables.has(name)) continue;
    variables.set(name, kind === '+' && variables.has(name) ? `${variables.get(name)} ${value}` : value);
  }
  const expand = (value: string, depth: number): string => {
    let text = value
      .replace(/\$\(shell\s+([^()]*(?:\([^()]*\)[^()]*)*)\)/g, (_, command: string) => `\u0000(${command})`)
      .replace(/\$[({]([A-Za-z_][\w.-]*)[)}]/g, (_match, name: string) => (variables.has(name) && depth < 4 ? expand(variables.get(name)!, depth + 1) : `\u0000{${name}}`));
    // Make's text functions, innermost first (`$(subst _,.,idx_cache_invalid)` is the host `idx.cache.invalid`).
    for (let round = 0; round < 8; round += 1) {
      const next = text.replace(/\$\((subst|addprefix|addsuffix|strip|if|or|firstword|patsubst)\s+([^$()]*)\)/g, (_match, name: string, args: string) => makeFunction(name, args));
      if (next === text) break;
      text = next;
    }
    return text;
  };
  let continued = false;
  return lines
    .map((line) => {
      const continuation = continued;
      const recipe = line.startsWith('\t') || continuation;
      continued = recipe && /\\\s*$/.test(line);
      if (!recipe) {
        // A setting stays a setting (`MIRROR ?= https://…` reads as `MIRROR="https://…"`): what it names is still the skill's.
        const setting = SETTING.exec(line);
        return setting === null ? '' : `${setting[1]}="${expand(setting[3]!.replace(/\$\$/g, '\u0001'), 0).replace(/\u0000/g, '$').replace(/\u0001/g, '$').replace(/"/g, '\\"')}"`;
      }
      // `@`, `-` and `+` before a recipe's command are Make's (quiet, ignore errors), not the shell's; a continued line keeps its own.
      const command = continuation ? line : line.replace(/^\t/, '').replace(/^\s*[@+-]+/, '');
      return expand(command.replace(/\$\$/g, '\u0001'), 0).replace(/\u0000/g, '$').replace(/\u0001/g, '$');
    })
    .join('\n');
}

/** One of Make's text functions applied to its arguments, as far as a reader needs them. */
function makeFunction(name: string, args: string): string {
  const [first = '', second = '', ...rest] = args.split(',');
  const third = rest.join(',');
  const words = (text: string) => text.trim().split(/\s+/).filter((word) => word !== '');
  switch (name) {
    case 'subst':
      return third.split(first).join(second);
    case 'patsubst': {
      const [before, after = ''] = first.split('%');
      const [into, intoAfter = ''] = second.split('%');
      return words(third).map((word) => (word.startsWith(before!) && word.endsWith(after) && word.length >= before!.length + after.length ? `${into}${word.slice(before!.length, word.length - after.length)}${intoAfter}` : word)).join(' ');
    }
    case 'addprefix':
      return words(args.slice(first.length + 1)).map((word) => `${first}${word}`).join(' ');
    case 'addsuffix':
      return words(args.slice(first.length + 1)).map((word) => `${word}${first}`).join(' ');
    case 'strip':
      return words(args).join(' ');
    case 'firstword':
      return words(args)[0] ?? '';
    case 'if':
      return first.trim() !== '' ? second : third;
    default:
      return args.split(',').find((part) => part.trim() !== '') ?? '';
  }
}
