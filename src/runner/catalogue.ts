/**
 * The integrator's catalogue (`catalogue` in hookcert.config.json, `schemas/report/config.schema.json`): the
 * POS's master data the endpoint reacts to. A real integrator's receiver opens its flows only for its own
 * data (the ticket articles, its voucher codes, its members): random values never reach them, these do.
 */

/** An article, as a session line carries it. */
export interface CatalogueArticle {
  articleNumber?: number;
  text: string;
  priceIncl?: number;
  barcode?: string;
  pluNumber?: string;
  extArticleId?: string;
  supplierArticleNumber?: string;
}

/** A code the POS scans. */
export interface CatalogueCode {
  code: string;
  codeType: 'barcode' | 'rfid' | 'qrcode';
}

/** A relation (customer, member). */
export interface CatalogueRelation {
  relationNumber: number;
  extRelationId?: string;
  name?: string;
  cardNumber?: string;
  email?: string;
  vatNumber?: string;
}

/** A custom action button. */
export interface CatalogueCustomAction {
  id: string;
  caption?: string;
}

/** A payment method. */
export interface CataloguePaymentMethod {
  method: string;
  description?: string;
}

/** The whole catalogue; every list may be empty. */
export interface IntegratorCatalogue {
  articles: CatalogueArticle[];
  codes: CatalogueCode[];
  relations: CatalogueRelation[];
  customActions: CatalogueCustomAction[];
  paymentMethods: CataloguePaymentMethod[];
}

/** The catalogue of a config that gives none. */
export function emptyCatalogue(): IntegratorCatalogue {
  return { articles: [], codes: [], relations: [], customActions: [], paymentMethods: [] };
}

/** The catalogue from the config file's `catalogue` (already valid against its schema), every list present. */
export function catalogueOf(given: Partial<IntegratorCatalogue> | undefined): IntegratorCatalogue {
  return { ...emptyCatalogue(), ...structuredClone(given ?? {}) };
}

/** How many entries the catalogue has. */
export function catalogueSize(c: IntegratorCatalogue | undefined): number {
  return c ? c.articles.length + c.codes.length + c.relations.length + c.customActions.length + c.paymentMethods.length : 0;
}
