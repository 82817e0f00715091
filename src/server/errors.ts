/** Errors the domain and services throw; the HTTP layer maps them to status codes with their message. */
export class NotFoundError extends Error {
  readonly statusCode = 404;
}

export class BadRequestError extends Error {
  readonly statusCode = 400;
  constructor(
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
  }
}

/** A problem the user can fix (configuration, input file, busy data folder): shown as is, without a stack. */
export class UserError extends Error {}

export class UnauthorizedError extends Error {
  readonly statusCode = 401;
}

export class ForbiddenError extends Error {
  readonly statusCode = 403;
}

export class ConflictError extends Error {
  readonly statusCode = 409;
  constructor(
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
  }
}
