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

/** How much longer than the Makefile its expanded text may grow: past it, variables are left as written. */
const EXPANSION_LIMIT = 4;

/**
 * The files a Makefile includes (`include $(SKILL_DIR)mk/paths.mk`, `-include local.mk`, `include $(wildcard mk/*.mk)`), as the
 * fixed end of each path written; a `*` stands for any name.
 */
export function includedMakefiles(text: string): string[] {
  return [...text.matchAll(/^[ \t]*-?s?include[ \t]+([^\n#]+)/gm)]
    .flatMap((match) => match[1]!.replace(/\$\(wildcard\s+((?:[^()]|\([^()]*\))*)\)/g, '$1').trim().split(/\s+/))
    .map((path) => path.replace(/^.*[)}]/, '').replace(/^\.?\//, ''))
    .filter((path) => path !== '' && !/[$()]/.test(path));
}

/** The recipes of a Makefile as shell text, its settings as assignments, every other line blank. `included` is the text of the files it includes, whose settings it sees. */
export function makeRecipes(text: string, included = ''): string {
  const lines = text.split('\n');
  // `.RECIPEPREFIX = >` makes `>` start a recipe line instead of a tab.
  const prefix = /^\s*\.RECIPEPREFIX\s*:?=\s*(\S)/m.exec(text)?.[1] ?? '\t';
  const variables = new Map<string, string>();
  let defining: string | undefined;
  // Settings are read with their continued lines joined (`STATEFUL := \⏎ .ssh/id_rsa …`), the included files' first, as Make reads them.
  const settingLines = [included, text].flatMap((source) => source.replace(/\\\r?\n/g, ' ').split('\n'));
  for (const line of settingLines) {
    if (defining !== undefined) {
      if (/^\s*endef\b/.test(line)) defining = undefined;
      continue;
    }
    const define = /^\s*define\s+([A-Za-z_][\w.-]*)/.exec(line);
    if (define) {
      defining = define[1];
      continue;
    }
    if (line.startsWith(prefix)) continue;
    const setting = SETTING.exec(line);
    if (setting === null) continue;
    const [, name, kind, value] = setting as unknown as [string, string, string | undefined, string];
    if (kind === '?' && variables.has(name)) continue;
    variables.set(name, kind === '+' && variables.has(name) ? `${variables.get(name)} ${value}` : value);
  }
  // Each variable is expanded once; a text that would grow past the limit keeps its references as written.
  const budget = { left: text.length * EXPANSION_LIMIT + 10_000 };
  const expanded = new Map<string, string>();
  const expand = (value: string, depth: number): string => {
    let out = value
      .replace(/\$\(shell\s+([^()]*(?:\([^()]*\)[^()]*)*)\)/g, (_, command: string) => `\u0000(${command})`)
      .replace(/\$[({]([A-Za-z_][\w.-]*)[)}]/g, (_match, name: string) => {
        if (!variables.has(name) || depth >= 4) return `\u0000{${name}}`;
        let value = expanded.get(name);
        if (value === undefined) expanded.set(name, (value = expand(variables.get(name)!, depth + 1)));
        if (value.length > budget.left) return `\u0000{${name}}`;
        budget.left -= value.length;
        return value;
      });
    // Make's text functions, innermost first (`$(subst _,.,idx_cache_invalid)` is the host `idx.cache.invalid`).
    for (let round = 0; round < 8; round += 1) {
      const next = out.replace(/\$\((subst|addprefix|addsuffix|strip|if|or|firstword|patsubst)\s+([^$()]*)\)/g, (_match, name: string, args: string) => makeFunction(name, args));
      if (next === out) break;
      out = next;
    }
    return out;
  };
  const shell = (command: string) => expand(command.replace(/\$\$/g, '\u0001'), 0).replace(/\u0000/g, '$').replace(/\u0001/g, '$');
  let continued = false;
  let inDefine = false;
  return lines
    .map((line) => {
      // A `define` body is shell text that a recipe runs through the variable (`$$BOOT`, `$(BOOT)`).
      if (inDefine) {
        if (/^\s*endef\b/.test(line)) {
          inDefine = false;
          return '';
        }
        return shell(line);
      }
      if (/^\s*define\s+[A-Za-z_]/.test(line)) {
        inDefine = true;
        return '';
      }
      const continuation = continued;
      const recipe = line.startsWith(prefix) || continuation;
      continued = recipe && /\\\s*$/.test(line);
      if (!recipe) {
        // A recipe on the rule's own line (`install: ; curl … | sh`).
        // A setting stays a setting (`MIRROR ?= https://…` reads as `MIRROR="https://…"`): what it names is still the skill's.
        const setting = SETTING.exec(line);
        if (setting !== null) return `${setting[1]}="${shell(setting[3]!).replace(/"/g, '\\"')}"`;
        // A recipe on the rule's own line (`install: ; curl … | sh`).
        const inline = /^[^\s#=:][^=:]*::?(?![=])[^;#]*;(.*)$/.exec(line)?.[1];
        return inline === undefined ? '' : shell(inline.replace(/^\s*[@+-]+/, ''));
      }
      // `@`, `-` and `+` before a recipe's command are Make's (quiet, ignore errors), not the shell's; a continued line keeps its own.
      return shell(continuation ? line : line.slice(prefix.length).replace(/^\s*[@+-]+/, ''));
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
