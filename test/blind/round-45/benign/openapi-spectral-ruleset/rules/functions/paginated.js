// Flags GET operations that return an array but lack limit/cursor query parameters.
export default function paginated(operation, _opts, { path }) {
  const ok = operation?.responses?.['200']?.content?.['application/json']?.schema;
  if (!ok) return [];
  const returnsList =
    ok.type === 'array' ||
    (ok.properties && ok.properties.items && ok.properties.items.type === 'array');
  if (!returnsList) return [];
  const names = new Set((operation.parameters || []).map((p) => p.name));
  const missing = ['limit', 'cursor'].filter((n) => !names.has(n));
  return missing.length
    ? [{ message: `Collection GET is missing pagination parameter(s): ${missing.join(', ')}`, path: [...path, 'parameters'] }]
    : [];
}
