/**
 * An MSBuild project or targets file (`Directory.Build.targets`, `*.csproj`, `*.props`) read as the commands it
 * runs. The build runs every `<Exec Command="…">` task of every target it reaches (`AfterTargets="Build"` is each
 * build), so those commands are programs the skill ships, like a Makefile's recipes; an inline task's C# code
 * (`RoslynCodeTaskFactory`) is a program too, read lexically. The rest (properties, items, references) is MSBuild's
 * own and reads as blank lines.
 *
 * A command reads as the shell gets it: XML entities decoded (`&quot;` is `"`), the file's properties put in
 * (`$(_NuGetUserConfig)` becomes `$(HOME)/.nuget/NuGet/NuGet.Config`, as set in a `<PropertyGroup>` of this file or
 * of another of the skill's MSBuild files), paths built by property functions (`$([System.IO.Path]::Combine(…))`)
 * joined, and a property no file sets left as the shell variable MSBuild fills it from (`$(NUGET_AUTH_TOKEN)` is the
 * environment's `$NUGET_AUTH_TOKEN`). Lines keep their numbers.
 */

/** Extensions of MSBuild project, props and targets files. */
export const MSBUILD_EXTENSIONS = ['.targets', '.props', '.csproj', '.vbproj', '.fsproj', '.vcxproj', '.proj'] as const;

/** Whether a file name is an MSBuild project, props or targets file. */
export function isMsbuildFile(path: string): boolean {
  const lower = path.toLowerCase();
  return MSBUILD_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/** A property set in a `<PropertyGroup>`: `<Name Condition="…">value</Name>`. */
const PROPERTY = /<([A-Za-z_][\w.-]*)\b[^>]*>([^<]*)<\/\1\s*>/g;
/** An `<Exec>` task's command attribute. */
const EXEC = /<Exec\b[^>]*?\bCommand\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
/** How deep properties that name other properties are put in. */
const EXPANSION_DEPTH = 4;

/** The characters XML escapes, as they are. */
function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * The properties an MSBuild file sets in its `<PropertyGroup>`s. A property set differently per platform
 * (`Condition="'$(OS)' == 'Windows_NT'"`) takes the value with forward slashes, as the shell command of the same target
 * uses it, else the last one set.
 */
export function msbuildProperties(text: string): Map<string, string> {
  const values = new Map<string, string[]>();
  for (const group of text.matchAll(/<PropertyGroup\b[^>]*>([\s\S]*?)<\/PropertyGroup\s*>/g)) {
    for (const [, name, value] of group[1]!.matchAll(PROPERTY)) values.set(name!, [...(values.get(name!) ?? []), decodeEntities(value!.trim())]);
  }
  return new Map([...values].map(([name, set]) => [name, set.findLast((value) => !value.includes('\\')) ?? set.at(-1)!]));
}

/** A path a property function builds (`$([System.IO.Path]::Combine($(Home), '.nuget', 'NuGet.Config'))`), as the joined path. */
const PATH_FUNCTION = /\$\(\[(?:System\.IO\.Path|MSBuild)\]::(?:Combine|NormalizePath|NormalizeDirectory|Join)\(([^()]*)\)\)/g;
/** The user's home folder asked of .NET (`$([System.Environment]::GetFolderPath(SpecialFolder.UserProfile))`). */
const HOME_FUNCTION = /\$\(\[System\.Environment\]::GetFolderPath\(\s*(?:System\.Environment\+|Environment\.)?SpecialFolder\.(?:UserProfile|Personal)\s*\)\)/g;

/**
 * The `<Exec>` commands of an MSBuild file as shell text at their lines, every other line blank. `inherited` holds the
 * properties the skill's other MSBuild files set (`Directory.Build.props` is read before `Directory.Build.targets`).
 */
export function msbuildCommands(text: string, inherited: ReadonlyMap<string, string> = new Map()): string {
  const properties = new Map([...inherited, ...msbuildProperties(text)]);
  const expand = (value: string, depth: number): string =>
    value
      .replace(HOME_FUNCTION, '$HOME')
      .replace(/\$\(([A-Za-z_][\w.-]*)\)/g, (_, name: string) => {
        const known = depth < EXPANSION_DEPTH ? properties.get(name) : undefined;
        return known === undefined ? `$${name.replace(/[.-]/g, '_')}` : expand(known, depth + 1);
      })
      .replace(PATH_FUNCTION, (_, parts: string) => parts.split(',').map((part) => part.trim().replace(/^['"]|['"]$/g, '')).filter((part) => part !== '').join('/'));
  const lines = text.split('\n').map(() => '');
  for (const match of text.matchAll(EXEC)) {
    const line = text.slice(0, match.index + match[0].length - (match[1] ?? match[2] ?? '').length).split('\n').length - 1;
    // A command of several lines (`&#10;` or a line break in the attribute) runs them one after another.
    lines[line] = expand(decodeEntities(match[1] ?? match[2] ?? ''), 0).split('\n').map((part) => part.trim()).filter((part) => part !== '').join(' ; ');
  }
  return lines.join('\n');
}

/** An inline task's code (`<Code Type="Fragment" Language="cs"><![CDATA[ … ]]></Code>`), which the build compiles and runs. */
const INLINE_CODE = /<Code\b[^>]*>\s*(?:<!\[CDATA\[)?([\s\S]*?)(?:\]\]>)?\s*<\/Code\s*>/g;

/** The code of an MSBuild file's inline tasks (C# or Visual Basic) at its lines, every other line blank. */
export function msbuildInlineCode(text: string): string {
  const lines = text.split('\n').map(() => '');
  for (const match of text.matchAll(INLINE_CODE)) {
    const start = text.slice(0, match.index + match[0].indexOf(match[1]!)).split('\n').length - 1;
    match[1]!.split('\n').forEach((line, offset) => {
      lines[start + offset] = line;
    });
  }
  return lines.join('\n');
}
