/** JSON error replies: validation problems point at the offending field, oversized bodies get a 413. */
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export const ErrorReplySchema = Type.Object(
  {
    statusCode: Type.Integer(),
    error: Type.String({
      description: 'A stable code: invalid-request, unauthorized, forbidden, not-found…',
    }),
    message: Type.String(),
    pointer: Type.Optional(
      Type.String({ description: 'JSON pointer (RFC 6901) to the problem in the request' }),
    ),
    problems: Type.Optional(
      Type.Array(Type.Object({ pointer: Type.String(), message: Type.String(), schemaPath: Type.String() })),
    ),
  },
  { $id: 'ErrorReply' },
);
export type ErrorReply = Static<typeof ErrorReplySchema>;

/** The error replies every API route may give, for its response schema. */
export const ERROR_REPLIES = {
  400: ErrorReplySchema,
  401: ErrorReplySchema,
  403: ErrorReplySchema,
  404: ErrorReplySchema,
  413: ErrorReplySchema,
  429: ErrorReplySchema,
} as const;

/** Turns any thrown error into an ErrorReply with the right status. */
export function replyWithError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  return reply.code(errorStatus(error)).send(toErrorReply(error, request));
}

/** The status code for an error thrown inside fastify. */
export function errorStatus(error: FastifyError): number {
  if (error.validation) return 400;
  const status = error.statusCode ?? 500;
  return status >= 400 && status < 600 ? status : 500;
}

/** The reply body for an error thrown inside fastify; never leaks an internal error's message. */
export function toErrorReply(error: FastifyError, request: FastifyRequest): ErrorReply {
  if (error.validation) {
    const where = error.validationContext ?? 'body';
    const problems = error.validation.map((problem) => {
      const missing = problem.keyword === 'required' ? `/${String(problem.params.missingProperty)}` : '';
      const unknown =
        problem.keyword === 'additionalProperties' ? `/${String(problem.params.additionalProperty)}` : '';
      return {
        pointer: `${problem.instancePath}${missing}${unknown}`,
        message: problem.message ?? 'is invalid',
        schemaPath: problem.schemaPath,
      };
    });
    const first = problems[0];
    return {
      statusCode: 400,
      error: 'invalid-request',
      message: first ? `${where}${first.pointer || ' (root)'}: ${first.message}` : error.message,
      pointer: first?.pointer ?? '',
      problems,
    };
  }
  const statusCode = errorStatus(error);
  if (statusCode === 413) {
    return {
      statusCode,
      error: 'payload-too-large',
      message: `${error.message}; split the upload or raise the limit.`,
    };
  }
  if (statusCode === 429) return { statusCode, error: 'rate-limited', message: error.message };
  if (statusCode >= 500) {
    request.log.error({ err: error }, 'request failed');
    return {
      statusCode,
      error: 'internal',
      message: 'The server failed to handle the request; see its log.',
    };
  }
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
    return {
      statusCode,
      error: 'invalid-json',
      message: `The body is not valid JSON: ${error.message}`,
      pointer: '',
    };
  }
  return { statusCode, error: (error.code ?? 'error').toLowerCase(), message: error.message };
}
