import { REQUEST_SCHEMA } from '../../../protocol/mplus/requests.js';
import { registry } from '../../../schema/registry.js';
import { fail } from '../receiver.js';
import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'refuses-unknown-properties',
  description: 'validates requests against a schema with additionalProperties: false and refuses a property it does not know with 400 INVALID_DATA, so every POS newer than it is refused',
  checks: ['MP-ROB-004'],
  break: (ref) => ({
    ...ref,
    validate(event, body) {
      const isPosError = body.error && body.original;
      const unknown = !isPosError && registry().validate(REQUEST_SCHEMA, body).find((i) => i.schemaPath.endsWith('/additionalProperties'));
      if (unknown) return fail('INVALID_DATA', `unknown property at ${unknown.instancePath || '/'}`);
      return ref.validate(event, body);
    },
  }),
});
