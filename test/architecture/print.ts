/** `npm run layers`: the layers, who may import whom, and the edges the tree really has. */
import { fileURLToPath } from 'node:url';
import { fileCycles, importGraph, layeringViolations, layerMatrix, LAYERS } from './imports.ts';

const edges = importGraph(fileURLToPath(new URL('../../', import.meta.url)));
const matrix = layerMatrix(edges);
console.log('layer        owns                                   may import            imports now (edges)');
for (const layer of LAYERS) {
  const now = [...(matrix.get(layer.name) ?? new Map<string, number>())].map(([to, n]) => `${to} ${n}`).join(', ') || '-';
  console.log(`${layer.name.padEnd(12)} ${layer.owns.join(' ').padEnd(38)} ${(layer.mayImport.join(', ') || 'nothing').padEnd(21)} ${now}`);
}
const violations = layeringViolations(edges);
const cycles = fileCycles(edges);
console.log(`\n${edges.length} import edges; ${violations.length} against the layering; ${cycles.length} file cycles.`);
for (const v of violations) console.log(`  ✗ ${v}`);
for (const c of cycles) console.log(`  ↻ ${c.join(' → ')}`);
process.exitCode = violations.length + cycles.length > 0 ? 1 : 0;
