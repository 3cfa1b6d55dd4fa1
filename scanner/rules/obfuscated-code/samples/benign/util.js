// Format a number of bytes for people.
export function formatBytes(bytes) {
  const units = ['B', 'KiB', 'MiB'];
  let index = 0;
  while (bytes >= 1024 && index < units.length - 1) { bytes /= 1024; index += 1; }
  return `${bytes.toFixed(1)} ${units[index]}`;
}
