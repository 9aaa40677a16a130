// Small helpers for mapping SQL NULL to the model's absent optional fields.

/** `{ key: value }` for a non-null column, `{}` for NULL, so optional fields stay absent. */
export function present<K extends string, V>(key: K, value: V | null): { [P in K]?: V } {
  return value === null ? {} : ({ [key]: value } as { [P in K]?: V });
}
