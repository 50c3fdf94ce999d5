// Typed errors for request paths: each carries an HTTP status, a stable code and a message key in the catalogs.

export interface FieldProblem {
  field: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    public readonly messageKey: string,
    public readonly details: FieldProblem[] = [],
    public readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = new.target.name;
  }
}

export class BadRequest extends AppError {
  constructor(messageKey = 'errors.bad_request', params: Record<string, string | number> = {}) {
    super(400, 'bad_request', messageKey, [], params);
  }
}

export class Unauthorized extends AppError {
  constructor(messageKey = 'errors.unauthorized') {
    super(401, 'unauthorized', messageKey);
  }
}

export class Forbidden extends AppError {
  constructor(messageKey = 'errors.forbidden') {
    super(403, 'forbidden', messageKey);
  }
}

export class NotFound extends AppError {
  constructor(messageKey = 'errors.not_found') {
    super(404, 'not_found', messageKey);
  }
}

export class Conflict extends AppError {
  constructor(messageKey = 'errors.conflict', params: Record<string, string | number> = {}) {
    super(409, 'conflict', messageKey, [], params);
  }
}

export class PayloadTooLarge extends AppError {
  constructor(messageKey = 'errors.payload_too_large', params: Record<string, string | number> = {}) {
    super(413, 'payload_too_large', messageKey, [], params);
  }
}

export class UnsupportedMediaType extends AppError {
  constructor(messageKey = 'security.json_only') {
    super(415, 'unsupported_media_type', messageKey);
  }
}

export class ValidationFailed extends AppError {
  constructor(details: FieldProblem[], messageKey = 'errors.validation_failed') {
    super(422, 'validation_failed', messageKey, details);
  }
}

export class TooManyRequests extends AppError {
  constructor(messageKey = 'errors.too_many_requests', params: Record<string, string | number> = {}) {
    super(429, 'too_many_requests', messageKey, [], params);
  }
}

/** The server cannot take the request now (a full queue); the client may retry after the given seconds. */
export class ServiceUnavailable extends AppError {
  constructor(
    messageKey = 'errors.server_error',
    public readonly retryAfterSeconds = 5,
  ) {
    super(503, 'service_unavailable', messageKey);
  }
}

/** Errors thrown by body parsers and other middleware carry a numeric status; map the common ones. */
export function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  const status =
    (err as { status?: number; statusCode?: number })?.status ?? (err as { statusCode?: number })?.statusCode;
  const type = (err as { type?: string })?.type;
  if (status === 413 || type === 'entity.too.large') return new PayloadTooLarge();
  if (type === 'entity.parse.failed') return new BadRequest('errors.malformed_json');
  if (status === 403 && (err as { code?: string })?.code === 'EBADCSRFTOKEN') return new Forbidden('errors.csrf');
  if (status === 404) return new NotFound();
  if (status && status >= 400 && status < 500) return new BadRequest();
  return undefined;
}
