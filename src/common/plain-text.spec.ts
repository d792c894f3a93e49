import { plainToInstance } from 'class-transformer';
import { IsOptional, validateSync } from 'class-validator';
import { containsMarkup, PlainText } from './plain-text';

class Sample {
  @IsOptional()
  @PlainText()
  name?: unknown;

  @IsOptional()
  @PlainText({ each: true })
  tags?: unknown[];
}

const errorsOf = (value: object) => validateSync(plainToInstance(Sample, value)).map((error) => [error.property, Object.values(error.constraints ?? {})[0]]);

describe('PlainText', () => {
  it.each(['<script>', '<img src=x>', '</b>', '<!-- x -->', '<?xml ?>', 'a <B>b'])('refuses markup: %j', (text) => {
    expect(containsMarkup(text)).toBe(true);
    expect(errorsOf({ name: text })).toEqual([['name', 'name must be plain text, without HTML markup']]);
  });

  it.each(['a < b', '<3', 'x<-y', '1 <= 2', '< img', 'Rp1 & gratis > berbayar', '&lt;script&gt;'])('accepts text: %j', (text) => {
    expect(containsMarkup(text)).toBe(false);
    expect(errorsOf({ name: text })).toEqual([]);
  });

  it('checks each item of an array', () => {
    expect(errorsOf({ tags: ['aman', '<svg onload=x>'] })).toEqual([['tags', 'each value in tags must be plain text, without HTML markup']]);
    expect(errorsOf({ tags: ['aman', 'a < b'] })).toEqual([]);
  });
});
