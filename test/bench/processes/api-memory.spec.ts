import { seriesValue } from './api-memory';

describe('seriesValue', () => {
  const exposition = [
    '# HELP dm_nodejs_heap_size_used_bytes Process heap size used from Node.js in bytes.',
    '# TYPE dm_nodejs_heap_size_used_bytes gauge',
    'dm_nodejs_heap_size_used_bytes 123456',
    'dm_nodejs_heap_size_used_bytes_total 7',
    'nodejs_external_memory_bytes 42',
  ].join('\n');

  it('reads an unlabelled series with or without a prefix, and no series whose name only starts alike', () => {
    expect(seriesValue(exposition, 'nodejs_heap_size_used_bytes')).toBe(123456);
    expect(seriesValue(exposition, 'nodejs_external_memory_bytes')).toBe(42);
    expect(seriesValue(exposition, 'nodejs_heap_size_total_bytes')).toBeUndefined();
  });
});
