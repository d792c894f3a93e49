import { buildMessage, ValidateBy, ValidationOptions } from 'class-validator';

/**
 * A `<` that HTML would read as the start of a tag, comment or declaration.
 * Plain-text fields (titles, names, notes) are refused when they hold one, so
 * every string the API returns for them is text wherever it is inserted;
 * `a < b` and `<3` stay allowed.
 */
const MARKUP = /<[A-Za-z/!?]/;

export const containsMarkup = (value: unknown): boolean => typeof value === 'string' && MARKUP.test(value);

/** Refuses HTML markup in a plain-text field (or in each string of an array with `{ each: true }`). */
export function PlainText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'plainText',
      validator: {
        validate: (value: unknown) => !containsMarkup(value),
        defaultMessage: buildMessage((each) => `${each}$property must be plain text, without HTML markup`, options),
      },
    },
    options,
  );
}
