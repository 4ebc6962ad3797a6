import { createHash } from 'node:crypto';
import type { MplusRequestExternalPayment } from '../../generated/mplus/request/externalPayment.js';
import type { Body } from './wire.js';

/**
 * The reference's cash machine (seed 001, "Cash Machine Payment"): startExternalPayment is acknowledged with
 * the same `externalPaymentId`; the first pollExternalPayment shows what to insert, the next confirms;
 * requestCancelExternalPayment cancels (or says it is too late); cancelExternalPayment forgets the payment.
 * When the final status is known the `callbackUrl` is called ("please call it when you have the final status").
 */

/** One payment the cash machine is running. */
export interface PaymentRecord {
  amount: number;
  polls: number;
  status: 'started' | 'confirmed' | 'cancelled';
  callbackUrl?: string;
}

/** Polls the customer needs before the cash machine has the whole amount. */
export const POLLS_TO_CONFIRM = 2;

/** The reply to one of the four external payment events. */
export async function externalPaymentReply(event: string, body: Body, payments: Map<string, PaymentRecord>): Promise<Record<string, unknown>> {
  const ep: Partial<MplusRequestExternalPayment> = body.externalPayment ?? {};
  const externalPaymentId = ep.externalPaymentId;
  const amount = Number(ep.amount ?? 0);
  const record = () => {
    let r = payments.get(String(externalPaymentId));
    if (!r) {
      r = { amount, polls: 0, status: 'started', callbackUrl: typeof ep.callbackUrl === 'string' ? ep.callbackUrl : undefined };
      payments.set(String(externalPaymentId), r);
      if (payments.size > 10_000) payments.delete(payments.keys().next().value as string);
    }
    return r;
  };
  switch (event) {
    case 'startExternalPayment':
      record();
      return {
        externalPayment: { externalPaymentId, started: true },
        message: [{ message: 'Cash machine ready', customerMessage: `Please insert EUR ${amount.toFixed(2)}` }],
      };
    case 'pollExternalPayment': {
      const r = record();
      if (r.status === 'cancelled') return { externalPayment: { externalPaymentId, cancelled: true } };
      r.polls++;
      if (r.status !== 'confirmed' && r.polls < POLLS_TO_CONFIRM)
        return { externalPayment: { externalPaymentId, messages: [{ message: 'Waiting for the cash machine', customerMessage: `Please insert EUR ${r.amount.toFixed(2)}` }] } };
      await settle(r, externalPaymentId, 'confirmed');
      return {
        externalPayment: { externalPaymentId, confirmed: true, externalTransactionReference: reference(externalPaymentId), receiptTexts: [{ type: 'cardholder', text: 'CASH MACHINE\nPAID' }] },
      };
    }
    case 'requestCancelExternalPayment': {
      const r = record();
      if (r.status === 'confirmed')
        return { externalPayment: { externalPaymentId, confirmed: true }, message: [{ message: 'The payment is already complete: it cannot be cancelled' }] };
      await settle(r, externalPaymentId, 'cancelled');
      return { externalPayment: { externalPaymentId, cancelled: true }, message: [{ message: 'Cash returned: payment cancelled' }] };
    }
    default:
      // cancelExternalPayment: "a courtesy event": the POS cancels either way; the machine pays the cash back.
      payments.delete(String(externalPaymentId));
      return {};
  }
}

/** Records the final status and calls the callbackUrl, on loopback only (the reference never calls out). */
async function settle(r: PaymentRecord, externalPaymentId: unknown, status: 'confirmed' | 'cancelled'): Promise<void> {
  const first = r.status !== status;
  r.status = status;
  if (!first || !r.callbackUrl || !isLoopback(r.callbackUrl)) return;
  try {
    const res = await fetch(r.callbackUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ externalPaymentId, status }),
      signal: AbortSignal.timeout(1000),
    });
    await res.arrayBuffer();
  } catch {
    // "You don't need to do anything with the result of this request."
  }
}

function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return false;
  }
}

function reference(externalPaymentId: unknown): string {
  return `CM-${createHash('sha256').update(String(externalPaymentId ?? '')).digest('hex').slice(0, 16)}`;
}
