/**
 * The integrator's catalogue (`catalogue` in hookcert.config.json, `schemas/report/config.schema.json`): the
 * POS's master data the endpoint reacts to. A real integrator's receiver opens its flows only for its own
 * data (the ticket articles, its voucher codes, its members): random values never reach them, these do.
 */
import type { Article, Catalogue, Code, CustomAction, PaymentMethod, Relation } from '../generated/report/config.js';

/** An article, as a session line carries it. */
export type CatalogueArticle = Article;
/** A code the POS scans. */
export type CatalogueCode = Code;
/** A relation (customer, member). */
export type CatalogueRelation = Relation;
/** A custom action button. */
export type CatalogueCustomAction = CustomAction;
/** A payment method. */
export type CataloguePaymentMethod = PaymentMethod;

/** The whole catalogue, every list present (each may be empty). */
export type IntegratorCatalogue = Required<Catalogue>;

/** The catalogue of a config that gives none. */
export function emptyCatalogue(): IntegratorCatalogue {
  return { articles: [], codes: [], relations: [], customActions: [], paymentMethods: [] };
}

/** The catalogue from the config file's `catalogue` (already valid against its schema), every list present. */
export function catalogueOf(given: Catalogue | undefined): IntegratorCatalogue {
  return { ...emptyCatalogue(), ...structuredClone(given ?? {}) };
}

/** How many entries the catalogue has. */
export function catalogueSize(c: IntegratorCatalogue | undefined): number {
  return c ? c.articles.length + c.codes.length + c.relations.length + c.customActions.length + c.paymentMethods.length : 0;
}
