import { ANONYMOUS, OperationLabels, OTHER } from './operation-labels';

describe('OperationLabels', () => {
  it('gives the first names their own label, then shares one past the cap', () => {
    const labels = new OperationLabels(2);
    expect(labels.labelOf('Login')).toBe('Login');
    expect(labels.labelOf('Search')).toBe('Search');
    expect(labels.labelOf('Third')).toBe(OTHER);
    expect(labels.labelOf('Login')).toBe('Login');
  });

  it('labels unnamed operations anonymous and odd names other', () => {
    const labels = new OperationLabels(10);
    expect(labels.labelOf(undefined)).toBe(ANONYMOUS);
    expect(labels.labelOf(null)).toBe(ANONYMOUS);
    expect(labels.labelOf('not a name')).toBe(OTHER);
    expect(labels.labelOf('x'.repeat(65))).toBe(OTHER);
  });
});
