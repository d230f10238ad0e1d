/**
 * The JSON Schema validator the gateway's long-lived upstream clients use. The SDK's `Client.listTools()`
 * compiles a validator for every tool's `outputSchema` on every call, and Ajv keeps each compiled schema for
 * good (its cache is keyed by object identity): the demo gateway's heap grew ~60 KB per tools/list until it ran
 * out (issue 25 item 6; modelcontextprotocol/typescript-sdk#2605, open and unfixed in 1.32.2). Validators are
 * reused by schema text here instead. Remove once an SDK release caches by content and `bench:soak` stays flat
 * without this.
 */
import type { JsonSchemaType, JsonSchemaValidator, jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';

/** Distinct schemas kept before starting over with a fresh Ajv, so an upstream whose schemas keep changing stays bounded too. */
export const MAX_CACHED_SCHEMAS = 512;

/** A `jsonSchemaValidator` that compiles each distinct schema once. */
export function createCachingSchemaValidator(maxSchemas = MAX_CACHED_SCHEMAS): jsonSchemaValidator {
  let ajv = new AjvJsonSchemaValidator();
  const validators = new Map<string, JsonSchemaValidator<unknown>>();
  return {
    getValidator<T>(schema: JsonSchemaType): JsonSchemaValidator<T> {
      const key = JSON.stringify(schema);
      let validator = validators.get(key);
      if (validator === undefined) {
        if (validators.size >= maxSchemas) {
          // Ajv never forgets a compiled schema; dropping the instance is the only way to release them.
          validators.clear();
          ajv = new AjvJsonSchemaValidator();
        }
        validator = ajv.getValidator<unknown>(schema);
        validators.set(key, validator);
      }
      return validator as JsonSchemaValidator<T>;
    },
  };
}
