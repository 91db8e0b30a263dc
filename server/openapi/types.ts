// A minimal OpenAPI 3.1 shape: enough to keep path objects checked without a dependency.
export type PathsObject = Record<string, Record<string, unknown>>
