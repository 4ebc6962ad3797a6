import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: '500-on-wrong-content-type',
  description: 'answers 500 instead of 400 NO_CONTENT_TYPE / INVALID_CONTENT_TYPE when the Content-Type is missing or not JSON',
  checks: ['MP-ERR-003'],
  break: (ref) => ({
    ...ref,
    contentType: (inc) => (ref.contentType(inc) ? { status: 500, text: 'Unsupported media type: no body parser', headers: { 'content-type': 'text/plain' } } : undefined),
  }),
});
