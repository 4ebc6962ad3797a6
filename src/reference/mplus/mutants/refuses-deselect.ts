import { fail } from '../receiver.js';
import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'refuses-deselect',
  description: 'requires a relation in every selectRelation, so a deselected relation is refused in both forms the spec gives ({"relation": null} and null) with 400 INVALID_DATA',
  checks: ['MP-ROB-001'],
  break: (ref) => ({
    ...ref,
    validate(event, body) {
      if (event === 'selectRelation' && !body.error && typeof body.selectRelation?.relation?.relationNumber !== 'number') return fail('INVALID_DATA', 'selectRelation.relation.relationNumber missing');
      return ref.validate(event, body);
    },
  }),
});
