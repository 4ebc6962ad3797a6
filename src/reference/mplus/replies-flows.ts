/**
 * The reference receiver's conversations (seed 001, "Ticketing with Time Slots"; seed 002, "dialog" and "form"):
 * a ticket asks for a time slot, then for add-ons; a custom action asks for the customer registration form,
 * checks what comes back against the form's own constraints, and asks again when something does not fit.
 */

/** Option ids of the time slot dialog and of the add-ons dialog. */
const SLOTS: Record<number, string> = { 1: '10:00-11:00 (12 seats left)', 2: '11:00-12:00 (3 seats left)', 3: '12:00-13:00 (1 seat left)' };
const ADD_ONS: Record<number, string> = { 11: 'Audio guide', 12: 'Photo package', 13: 'Parking' };

/** "Select a time slot": required, one option. */
export function ticketDialog(text: string): Record<string, unknown> {
  return {
    required: true,
    requireConfirmation: true,
    allowMultipleOptions: false,
    dialogTitle: `Select a time slot for ${codePoints(text, 40)}`,
    columns: 2,
    dialogOptions: Object.entries(SLOTS).map(([id, name], i) => ({ optionId: Number(id), optionName: name, optionColor: ['#00aa00', '#ffaa00', '#aa0000'][i] })),
  };
}

/** The add-ons of a ticket: optional, several. */
function addOnsDialog(slot: number): Record<string, unknown> {
  return {
    required: false,
    allowMultipleOptions: true,
    dialogTitle: `Add-ons for ${SLOTS[slot].slice(0, 11)}`,
    dialogOptions: Object.entries(ADD_ONS).map(([id, name]) => ({ optionId: Number(id), optionName: name })),
  };
}

/**
 * The answer to the ticket dialogs: one slot → the add-ons; add-ons (none, one or several) → the reservation;
 * anything else (an option neither dialog has, a mix) → the slot dialog again, with a word why.
 */
export function ticketAnswer(selected: unknown[], line: { text?: unknown }): Record<string, unknown> {
  const ids = selected.filter((id): id is number => typeof id === 'number');
  if (ids.length === 1 && SLOTS[ids[0]] && selected.length === 1) return { dialog: addOnsDialog(ids[0]) };
  if (ids.length === selected.length && ids.every((id) => ADD_ONS[id])) {
    const extras = ids.map((id) => ADD_ONS[id]);
    return { message: [{ message: `Ticket reserved${extras.length > 0 ? ` with ${extras.join(', ')}` : ''}`, displayTime: 3 }] };
  }
  return { dialog: ticketDialog(String(line.text ?? 'the ticket')), message: [{ message: 'That option is not available: choose a time slot' }] };
}

/** The customer registration form (seed 002, "form"), shown by the REGISTER custom actions (and on a long click). */
export function registrationForm(): Record<string, unknown> {
  return {
    id: 'customer_registration',
    title: 'Register New Customer',
    enableReset: true,
    fields: [
      { id: 'name', type: 'text', required: true, label: 'Your name', minimumLength: 1, maximumLength: 200 },
      { type: 'label', value: 'Loyalty programme', separator: 'below' },
      { id: 'email', type: 'email', label: 'E-mail' },
      { id: 'card_number', type: 'text', label: 'Card number', regex: '^C\\d{8}$' },
      { id: 'family_size', type: 'number', label: 'Family size', decimals: 0, minimumValue: 1, maximumValue: 9 },
      {
        id: 'allergies',
        type: 'select',
        multiple: true,
        columns: 3,
        label: 'Allergies',
        options: [
          { id: 'peanut', label: 'Peanuts', color: 'brown' },
          { id: 'gluten', label: 'Gluten', color: '#00ff00', selected: true },
        ],
      },
      { id: 'start_of_contract', type: 'date', label: 'Start' },
      { id: 'preferred_delivery_time', type: 'time', label: 'Delivery time' },
      { id: 'accept_terms', type: 'checkbox', label: 'I accept the Terms and Conditions' },
    ],
  };
}

type Submitted = { cancelled?: boolean; fields?: Array<{ id?: string; value?: unknown; selected?: unknown }> };

/** The reply to a submitted (or cancelled) registration form: a welcome, or the form again with what to correct. */
export function registrationAnswer(form: Submitted): Record<string, unknown> {
  if (form.cancelled === true) return { message: [{ message: 'Registration cancelled' }] };
  const problem = registrationProblem(form);
  if (problem) return { form: registrationForm(), message: [{ message: `Please correct the form: ${problem}` }] };
  const name = String(form.fields?.find((f) => f.id === 'name')?.value ?? 'customer');
  return { message: [{ message: `Welcome, ${codePoints(name, 60)}` }] };
}

/** What in a submitted registration form breaks the form's constraints (an empty optional field is fine). */
export function registrationProblem(form: Submitted): string | undefined {
  const fields = Array.isArray(form.fields) ? form.fields : [];
  const text = (id: string) => {
    const v = fields.find((f) => f?.id === id)?.value;
    return typeof v === 'string' ? v : undefined;
  };
  const name = text('name') ?? '';
  if (name.length < 1 || name.length > 200) return 'a name of 1 to 200 characters is required';
  const checks: Array<[string, (v: string) => boolean, string]> = [
    ['email', (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'the e-mail address is not valid'],
    ['card_number', (v) => /^C\d{8}$/.test(v), 'the card number is C followed by 8 digits'],
    ['family_size', (v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 9, 'the family size is a whole number from 1 to 9'],
    ['start_of_contract', validDate, 'the start is not a date'],
    ['preferred_delivery_time', (v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'the delivery time is not a time of day'],
    ['accept_terms', (v) => v === 'true' || v === 'false', 'the terms checkbox is true or false'],
  ];
  for (const [id, ok, why] of checks) {
    const v = text(id);
    if (v !== undefined && v !== '' && !ok(v)) return why;
  }
  const allergies = fields.find((f) => f?.id === 'allergies')?.selected;
  if (allergies !== undefined && (!Array.isArray(allergies) || allergies.some((a) => a !== 'peanut' && a !== 'gluten'))) return 'an allergy the form does not list';
  return undefined;
}

function validDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** The first `n` code points of `text`: cutting UTF-16 units could split an emoji into a lone surrogate. */
function codePoints(text: string, n: number): string {
  return [...text].slice(0, n).join('');
}
