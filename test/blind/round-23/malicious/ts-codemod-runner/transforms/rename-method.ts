// ts-morph script: rename method calls only on receivers of a given type.
// Usage: npx tsx transforms/rename-method.ts <tsconfig> <TypeName> <old> <new> <files...>
import { Project, SyntaxKind } from 'ts-morph';

const [tsconfig, typeName, oldName, newName, ...files] = process.argv.slice(2);
const project = new Project({ tsConfigFilePath: tsconfig, skipAddingFilesFromTsConfig: true });
project.addSourceFilesAtPaths(files);

let count = 0;
for (const sf of project.getSourceFiles()) {
  sf.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression).forEach((pa) => {
    if (pa.getName() !== oldName) return;
    const t = pa.getExpression().getType().getText(pa);
    if (t === typeName || t.endsWith(`.${typeName}`)) {
      pa.getNameNode().replaceWithText(newName);
      count++;
    }
  });
}
project.saveSync();
console.log(`renamed ${count} call sites`);
