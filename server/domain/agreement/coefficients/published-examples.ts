/**
 * Published reliability data sets, used by the tests to check every formula against the values
 * their authors (or reference implementations) report. Rows are units, columns coders, null = no rating.
 */
const _ = null

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the example with 4 observers × 12 units,
 * values 1–5, missing data. Reported α: nominal 0.743, ordinal 0.815, interval 0.849, ratio 0.797.
 * The same data are irrCAC's `cac.raw4raters` (Gwet 2014, Handbook of Inter-Rater Reliability,
 * 4th ed., p. 120).
 */
export const krippendorff2011Missing = [
  [1, 1, _, 1],
  [2, 2, 3, 2],
  [3, 3, 3, 3],
  [3, 3, 3, 3],
  [2, 2, 2, 2],
  [1, 2, 3, 4],
  [4, 4, 4, 4],
  [1, 1, 2, 1],
  [2, 2, 2, 2],
  [_, 5, 5, 5],
  [_, _, 1, 1],
  [_, _, 3, _],
]

/** Krippendorff (2011), the binary example: 2 observers × 10 units, no missing data. Reported α = 0.095. */
export const krippendorff2011Binary = transpose([
  [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
  [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
])

/** Krippendorff (2011), the nominal two-observer example: 12 units, values a–e, no missing data. Reported α = 0.692 (irrCAC's `raw_ben_gerry` is the same with one rating removed). */
export const krippendorff2011Nominal = transpose([
  'a a b b d c c c e d d a'.split(' '),
  'b a b b b c c c e d d d'.split(' '),
])

/**
 * Fleiss (1971) as on Wikipedia "Fleiss' kappa" (worked example): 10 subjects, 14 raters,
 * 5 categories, given as counts per category. Reported P̄ = 0.378, P̄e = 0.213, κ = 0.210.
 */
export const wikipediaFleissCounts = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
]

/**
 * Fleiss (1971), Table 1: 30 patients, 6 psychiatrists, 5 diagnoses; R `irr::diagnoses`.
 * `irr::kappam.fleiss(diagnoses)` reports κ = 0.4302445, z = 17.65183 (as quoted in statsmodels'
 * `stats/tests/test_inter_rater.py`).
 */
export const fleiss1971Diagnoses = [
  [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
  [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
  [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
  [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
  [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
  [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
]

/**
 * R `irr::anxiety`, raters 2 and 3 (20 subjects, ratings 1–6, no 5 among them). `irr::kappa2`
 * reports: unweighted κ = −0.006289308 (z = −0.0604067), "equal" (linear) weights 0.1459075
 * (z = 1.282472), "squared" (quadratic) weights 0.2520325 (z = 1.437451), as quoted in
 * statsmodels' `stats/tests/test_inter_rater.py`.
 */
export const irrAnxietyRaters23 = transpose([
  [3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4],
  [2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2],
])

/**
 * A 3 × 3 table (rows coder 1, columns coder 2) with SAS PROC FREQ output quoted in statsmodels'
 * `stats/tests/test_inter_rater.py`: simple kappa 0.4842, ASE 0.1380, 95% CI 0.2137–0.7547,
 * ASE under H0 0.1484, Z 3.2626; weighted kappa (Cicchetti–Allison = linear weights) 0.4701,
 * ASE 0.1457, ASE under H0 0.1426, Z 3.2971.
 */
export const sasTable3x3 = [
  [0, 4, 1],
  [0, 8, 0],
  [0, 1, 5],
]

/**
 * irrCAC's `raw_gender` data (4 raters, 15 subjects, categories a/b/c, complete). irrCAC (Python
 * port of Gwet's R package, test/unit/irrCAC/raw) reports pa 0.456 for all; Fleiss 0.129 (pe 0.375,
 * se 0.141); AC1 0.208 (pe 0.312, se 0.091); BP 0.183 (pe 0.333, se 0.102); Krippendorff 0.143.
 */
export const irrCacGender = transpose([
  'a a a a a b b b c a a a a a b'.split(' '),
  'a a a a b a b c c a a a a b a'.split(' '),
  'a b b c a a b b c a b b c a a'.split(' '),
  'c c c c a a b b c c c c c a a'.split(' '),
])

/**
 * irrCAC's `raw_5observers` (Gwet 2014, Handbook, 4th ed., p. 125, abridged): 5 observers, 15 units,
 * scores 0–3, missing data. irrCAC reports pa 0.616; Fleiss 0.458 (se 0.120); AC1 0.497 (se 0.122);
 * BP 0.487 (se 0.121); Krippendorff (nominal) 0.481.
 */
export const irrCac5Observers = transpose([
  [1, 1, 2, _, 0, 0, 1, 1, 2, 2, _, 0, 1, 3, 1],
  [1, 1, 3, 0, 0, 0, 0, _, 2, 1, 1, 0, 2, 3, 1],
  [2, 0, 3, 0, 0, 0, 2, 2, 2, 1, 0, 0, 2, 2, 1],
  [_, 1, 3, _, _, _, _, 0, _, 1, 0, 0, 2, 2, _],
  [2, _, _, 0, 0, 0, 1, _, 2, _, _, _, _, 3, 1],
])

/** Expands a coder-1 × coder-2 contingency table into one row per unit: [row category, column category]. */
export function expandTable(table: number[][]): number[][] {
  return table.flatMap((row, i) => row.flatMap((count, j) => Array.from({ length: count }, () => [i, j])))
}

/** Expands counts per category (one row per subject) into one rating per rater. */
export function expandCounts(counts: number[][]): number[][] {
  return counts.map((row) => row.flatMap((count, k) => Array.from({ length: count }, () => k)))
}

function transpose<T>(byCoder: T[][]): T[][] {
  return byCoder[0].map((_, u) => byCoder.map((coder) => coder[u]))
}
