/**
 * Fastify validates bodies, params and headers with the compiled TypeBox checks of src/core/validate.ts,
 * so the API reports problems in the same words and JSON paths as the CLI (`groups[3].completions[0]: …`).
 */
import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { FastifySchemaCompiler } from 'fastify';
import { AppError } from '../core/errors.ts';
import { listProblems } from '../core/validate.ts';

/**
 * A fastify validator compiler over TypeBox: the fast compiled check on the happy path, every problem by
 * path on failure (as an AppError REQUEST_INVALID, which the error handler turns into the error body).
 * @example app.setValidatorCompiler(typeboxValidatorCompiler);
 */
export const typeboxValidatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema }) => {
  const compiled = TypeCompiler.Compile(schema);
  return (data: unknown) =>
    compiled.Check(data) ? { value: data } : { error: new AppError('REQUEST_INVALID', 'the request is invalid', listProblems(schema, data)) };
};
