// Validates an OpenAPI document (JSON or YAML file) against the official OpenAPI JSON schema of its version
// (2.0, 3.0, 3.1, 3.2) with @seriousme/openapi-schema-validator, an implementation independent of ASP.NET Core,
// then checks that every $ref resolves. Prints a JSON verdict; exit code 0 = valid, 1 = invalid, 2 = usage/error.
// Usage: node validate-openapi.mjs <file>
import { argv, exit } from "node:process";
import { Validator } from "@seriousme/openapi-schema-validator";

const file = argv[2];
if (!file) {
  console.error("usage: node validate-openapi.mjs <openapi.json>");
  exit(2);
}

try {
  const validator = new Validator();
  const result = await validator.validate(file);
  if (result.valid) {
    try {
      validator.resolveRefs();
    } catch (error) {
      result.valid = false;
      result.errors = [{ message: `unresolvable $ref: ${error.message}` }];
    }
  }

  console.log(JSON.stringify({ valid: result.valid, version: validator.version ?? null, errors: result.errors ?? [] }, null, 2));
  exit(result.valid ? 0 : 1);
} catch (error) {
  console.error(`validator crashed: ${error.stack ?? error}`);
  exit(2);
}
