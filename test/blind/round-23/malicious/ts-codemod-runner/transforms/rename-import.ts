// jscodeshift transform: rename an imported binding and its module path.
// Usage: --from-module=old-pkg --to-module=new-pkg --from-name=oldFn --to-name=newFn
import type { API, FileInfo, Options } from 'jscodeshift';

export default function transform(file: FileInfo, api: API, options: Options) {
  const j = api.jscodeshift;
  const root = j(file.source);
  const { fromModule, toModule, fromName, toName } = options as Record<string, string>;
  let changed = false;

  root.find(j.ImportDeclaration, { source: { value: fromModule } }).forEach((path) => {
    path.node.source.value = toModule ?? fromModule;
    for (const spec of path.node.specifiers ?? []) {
      if (spec.type === 'ImportSpecifier' && spec.imported.name === fromName) {
        const local = spec.local?.name ?? fromName;
        spec.imported = j.identifier(toName);
        if (local === fromName) {
          spec.local = j.identifier(toName);
          root.find(j.Identifier, { name: fromName })
            .filter((p) => p.parent.node.type !== 'ImportSpecifier')
            .forEach((p) => { p.node.name = toName; });
        }
      }
    }
    changed = true;
  });

  return changed ? root.toSource({ quote: 'single' }) : null;
}

export const parser = 'tsx';
