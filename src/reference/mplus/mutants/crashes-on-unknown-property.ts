import { REQUEST_SCHEMA } from '../../../protocol/mplus/requests.js';
import { registry } from '../../../schema/registry.js';
import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'crashes-on-unknown-property',
  description: 'deserialises requests strictly (like Jackson FAIL_ON_UNKNOWN_PROPERTIES) and answers 500 when a property it does not know appears',
  checks: ['MP-ROB-004'],
  break: (ref) => ({
    ...ref,
    validate(event, body) {
      const isPosError = body.error && body.original;
      const unknown = !isPosError && registry().validate(REQUEST_SCHEMA, body).find((i) => i.schemaPath.endsWith('/additionalProperties'));
      if (unknown) return { status: 500, text: `UnrecognizedPropertyException: unrecognized field at ${unknown.instancePath || '/'}`, headers: { 'content-type': 'text/plain' } };
      return ref.validate(event, body);
    },
  }),
});
