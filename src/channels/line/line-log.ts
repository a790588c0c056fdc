// The little of a logger the LINE channel uses; a pino logger fits it. Callers log ids, lengths and outcomes,
// never message text.
export interface LineLog {
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}

export const SILENT_LOG: LineLog = { info() {}, warn() {}, error() {} };
