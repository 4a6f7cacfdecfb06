/**
 * How strongly a column's name says "identifier": 'name' when the name alone is enough
 * (`CustomerID`, `客户编号`, `Kundennummer`, `id_cliente`), 'hint' when the name only suggests it
 * and the content must agree (`Member_number`, `CLIENTNUM`, `zip_code`, `会员号`: a count can be
 * called `order_num`), null for every other name (`NumWebPurchases`, `number_of_purchases`).
 */
export type IdentifierNameHint = 'name' | 'hint' | null;

// English and most files: `id`, `customer_id`, `Customer ID`, `InvoiceNo`, `Kunden-Nr.`.
const ID_EXACT = /^(?:id|uuid|guid|#)$/i;
const ID_WORD = /(?:^|[\s_\-.#])(?:id|uuid|guid|key|no|nr|nº|n°)\.?$/i;
const ID_CAMEL = /[a-z0-9](?:Id|ID|No|Nr)$/;
// `LEISTUNGSID`, `CUSTOMERID`: one upper-case word ending in ID, but not an English word.
const ID_UPPER = /^[A-Z]{3,}ID$/;
const UPPER_WORDS_ENDING_ID = new Set(
  'INVALID VALID SOLID LIQUID HYBRID RAPID HUMID TIMID VIVID FLUID LUCID CUPID STUPID SQUID COVID AVOID DRUID FETID LURID LIVID TEPID MORBID TORRID SORDID PUTRID CANDID FORBID PYRAMID SPLENDID INSIPID'.split(
    ' ',
  ),
);
// `顾客ID`, `会员id`, `ИД`-free Cyrillic names: ID right after a letter that is not Latin.
const ID_AFTER_OTHER_SCRIPT = /(?![\p{Script=Latin}])\p{L}[\s_\-.]?(?:id|no|nr)$/iu;
// Chinese names of codes and numbers that identify: `客户编号`, `订单号码`, `会员卡号`.
const CHINESE_ID =
  /(?:编号|编码|代码|号码|账号|帐号|卡号|单号|序号|工号|学号|证号|手机号|会员号|客户号|用户号|顾客号|标识|识别码)$/u;
// German `Kundennummer`, `Rechnungsnummer`.
const GERMAN_NUMBER = /nummer$/i;
// Spanish, French, Portuguese: `id_cliente`, `idCliente`, `código`, `codigo_cliente`.
const ID_PREFIX = /^id[\s_\-.]+\p{L}/iu;
const ID_CAMEL_PREFIX = /^id[A-Z]/;
const CODIGO = /^c[oó]digo(?:$|[\s_\-.])/i;
const ENTITY =
  'cliente?|client|customer|socio|usuario|usu[aá]rio|utilisateur|user|member|membre|miembro|membro|adh[eé]rent|compte|cuenta|conta|account|pedido|commande|order|orden|ordem|encomenda|factura|facture|fatura|invoice|tarjeta|carte|cart[aã]o|card|contrato|contrat|contract|producto|produit|produto|product|art[ií]culo|article|artigo|item|documento|document|transacci[oó]n|transaction|transa[cç][aã]o|venta|vente|venda|empleado|employ[eé]|funcion[aá]rio|employee|proveedor|fournisseur|fornecedor|supplier|policy|patient|phone|serial|reference|ref|loan';
// `numero_client`, `n_cliente`, `nº socio`, `code_client`: a number or code OF something.
const NUMBER_OF_ENTITY = new RegExp(
  `^(?:n[uú]m[eé]ro|num|no|nº|n°|nr|n|cod|code)[\\s_\\-.]*(?:de[\\s_\\-.]+|du[\\s_\\-.]+|do[\\s_\\-.]+|da[\\s_\\-.]+)?(?:${ENTITY})$`,
  'iu',
);
// `customer_number`, `AccountNumber`, `MEMBER_NUMBER`: the number of something that is counted
// once (not `number_of_purchases`, whose number comes first).
const ENTITY_NUMBER = new RegExp(`(?:${ENTITY})[\\s_\\-.]?(?:number|nummer)$`, 'iu');
// Only a hint: `Member_number`, `zip_code`, `CLIENTNUM`, `StockCode`, `会员号`.
const HINT_WORD = /(?:^|[\s_\-.])(?:number|num|code|codes)$/i;
const HINT_CAMEL = /[a-z0-9](?:Number|Num|Code)$/;
const HINT_UPPER = /^[A-Z]{3,}(?:NUM|NUMBER|CODE)$/;
const HINT_EXACT = /^(?:code|number|num)$/i;
const CHINESE_HINT = /号$/u;

/** How strongly a column's name says it identifies (see IdentifierNameHint). */
export function identifierNameHint(name: string): IdentifierNameHint {
  // NFKC: full-width `ＩＤ` and `ｎｏ` read as ID and no.
  const trimmed = name.normalize('NFKC').trim();
  if (
    ID_EXACT.test(trimmed) ||
    ID_WORD.test(trimmed) ||
    ID_CAMEL.test(trimmed) ||
    (ID_UPPER.test(trimmed) && !UPPER_WORDS_ENDING_ID.has(trimmed)) ||
    ID_AFTER_OTHER_SCRIPT.test(trimmed) ||
    CHINESE_ID.test(trimmed) ||
    GERMAN_NUMBER.test(trimmed) ||
    ID_PREFIX.test(trimmed) ||
    ID_CAMEL_PREFIX.test(trimmed) ||
    CODIGO.test(trimmed) ||
    NUMBER_OF_ENTITY.test(trimmed) ||
    ENTITY_NUMBER.test(trimmed)
  ) {
    return 'name';
  }
  if (
    HINT_WORD.test(trimmed) ||
    HINT_CAMEL.test(trimmed) ||
    HINT_UPPER.test(trimmed) ||
    HINT_EXACT.test(trimmed) ||
    CHINESE_HINT.test(trimmed)
  ) {
    return 'hint';
  }
  return null;
}

/** True for names that say "identifier" on their own: `customer_id`, `客户编号`, `Kunden-Nr`. */
export function looksLikeIdentifierName(name: string): boolean {
  return identifierNameHint(name) === 'name';
}

// Words of a measurement: a column so named holds amounts, counts or times, never codes, whatever
// its numbers look like (an income of 123456 is not a customer number).
const MEASUREMENT_WORDS = new Set(
  'income salary wage wages balance amount amt mnt price cost costs revenue spend spending spent sales sale value total sum limit age year years yr count cnt qty quantity weight height size area population duration time date days day hours minutes seconds timestamp distance km miles lat latitude lon lng longitude tenure credit debt loan profit margin fee fees pay payment usd eur gbp dollars euros visits purchases orders transactions frequency recency monetary score rating'.split(
    ' ',
  ),
);
const CHINESE_MEASUREMENT =
  /收入|金额|价格|年龄|余额|工资|薪|数量|次数|时间|日期|时长|消费|费用|利润|评分|得分|年份/u;

/** The words of a name: `NumWebPurchases` is num, web, purchases; `Annual Income (k$)` annual, income, k. */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFC')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** True for names of amounts, counts, ages and times (`Income`, `MntWines`, `消费金额`). */
export function looksLikeMeasurementName(name: string): boolean {
  return (
    nameWords(name).some((word) => MEASUREMENT_WORDS.has(word)) || CHINESE_MEASUREMENT.test(name)
  );
}
