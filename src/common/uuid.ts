const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every id this API issues is a UUID (gen_random_uuid); a value of another shape names nothing. */
export const isUuid = (value: string): boolean => UUID.test(value);
