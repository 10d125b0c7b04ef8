/**
 * Money is an integer count of the currency's minor units plus the practice's
 * ISO 4217 code. How many minor units a major unit holds is the currency's own
 * (JPY 0, USD 2, KWD 3, CLF 4), so every amount is entered, stored and shown
 * through this one module.
 */

/** ISO 4217 minor units of the currencies a practice can bill in; 2 unless listed. */
const ZERO = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
const THREE = 'BHD IQD JOD KWD LYD OMR TND';
const FOUR = 'CLF UYW';
const TWO =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF ' +
  'CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF ' +
  'IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN ' +
  'MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS ' +
  'SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG';

const DIGITS: ReadonlyMap<string, number> = new Map([
  ...ZERO.split(' ').map((c) => [c, 0] as const),
  ...TWO.split(' ').map((c) => [c, 2] as const),
  ...THREE.split(' ').map((c) => [c, 3] as const),
  ...FOUR.split(' ').map((c) => [c, 4] as const),
]);

/** True for an active ISO 4217 currency a practice can bill in (not gold, test codes or funds without minor units). */
export function isCurrencyCode(code: string): boolean {
  return DIGITS.has(code);
}

/**
 * Decimal places of the currency's minor unit: JPY 0, EUR 2, KWD 3. A code
 * outside the list (a practice set up before codes were checked, or a
 * currency since withdrawn) gets what the platform's Intl knows, else 2, so
 * its amounts still show.
 */
export function minorDigits(currency: string): number {
  const d = DIGITS.get(currency);
  if (d !== undefined) return d;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

// Building an Intl.NumberFormat costs far more than formatting with one, and
// a visit page formats every line total on each render: one per locale and currency.
const formatters = new Map<string, Intl.NumberFormat>();

/** "¥12,500", "€125.00", "KWD 1.250": always with the currency's own number of decimals. */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  const d = minorDigits(currency);
  const key = `${locale ?? ''}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: d, maximumFractionDigits: d });
    formatters.set(key, formatter);
  }
  return formatter.format(minor / 10 ** d);
}

/** The amount as a plain decimal for an input field or a CSV cell: 12500 EUR -> "125.00", 1250 KWD -> "1.250". */
export function moneyToDecimal(minor: number, currency: string): string {
  const d = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (d === 0) return `${sign}${abs}`;
  const unit = 10 ** d;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(d, '0')}`;
}

/**
 * What the front desk types, in minor units; null when it is not an amount
 * in this currency. "125", "125.5", "125,50", "1,250.00", "1.250,00" all
 * work for EUR; "125.5" is refused for JPY, which has no decimals.
 * A single separator followed by exactly three digits is a thousands
 * separator. In a currency with three decimals that is ambiguous: "1.250"
 * is read as 1.250 (the way those currencies are written), and "1,250" is
 * refused rather than guessed.
 */
export function parseMoney(text: string, currency: string, options: { allowNegative?: boolean } = {}): number | null {
  const d = minorDigits(currency);
  let t = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  let sign = 1;
  if (t.startsWith('-') || t.startsWith('\u2212')) {
    if (!options.allowNegative) return null;
    sign = -1;
    t = t.slice(1);
  }
  if (!/^\d[\d.,]*$/.test(t)) return null;
  const decimal = decimalSeparator(t, d);
  if (decimal === 'ambiguous') return null;
  const [whole = '', frac = ''] = decimal ? [t.slice(0, t.lastIndexOf(decimal)), t.slice(t.lastIndexOf(decimal) + 1)] : [t];
  if (decimal && (frac.length === 0 || frac.length > d || !/^\d+$/.test(frac))) return null;
  // Whatever separators remain in the whole part must group digits in threes.
  const groups = whole.split(/[.,]/);
  if (new Set(whole.replace(/\d/g, '')).size > 1) return null;
  if (groups.length > 1 && (groups[0]!.length === 0 || groups[0]!.length > 3 || groups.slice(1).some((g) => g.length !== 3))) return null;
  const value = Number(groups.join('')) * 10 ** d + Number(frac.padEnd(d, '0') || '0');
  return Number.isSafeInteger(value) ? sign * value : null;
}

/** Which of '.' and ',' separates decimals in what was typed: null for a whole amount, 'ambiguous' when it cannot be told. */
function decimalSeparator(t: string, digits: number): '.' | ',' | null | 'ambiguous' {
  const dots = t.split('.').length - 1;
  const commas = t.split(',').length - 1;
  if (dots && commas) {
    const last = t.lastIndexOf('.') > t.lastIndexOf(',') ? '.' : ',';
    return (last === '.' ? dots : commas) === 1 ? last : null;
  }
  const sep = dots ? '.' : commas ? ',' : null;
  if (!sep || dots + commas > 1) return null;
  if (t.length - t.indexOf(sep) - 1 !== 3) return sep;
  if (digits !== 3) return null;
  // "1,250" dinars: one and a quarter, or twelve hundred and fifty? Not guessed.
  return sep === ',' ? 'ambiguous' : sep;
}
