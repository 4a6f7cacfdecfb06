/**
 * The command line's help, in English. Plain text, not ICU: `{name}` stands for another part of
 * the help or for a default the code holds (src/cli/help.ts fills them in), and every other
 * character is printed as it is.
 */
export const cliHelp = {
  options: '[options]',
  overview: `segmentlens: customer analytics from a CSV, Excel or Parquet file, on your machine.

Commands:
{commands}

Run "segmentlens COMMAND --help" for a command's options.

Every command takes --lang en|zh for its messages and its text report (default: the
environment's locale, LC_ALL, LC_MESSAGES or LANG; JSON keys stay English).`,
  summaryAnalyze: 'segment customers (one row per customer)',
  summaryRfm: 'RFM segments from order lines (one row per order line)',
  summaryRules: 'what sells together: association rules from order lines, per segment',
  summaryRecommend: 'next best products per customer, measured on held-out orders (order lines)',
  summaryValue: 'who is still a customer and what they are worth: BG/NBD, Gamma-Gamma, CLV',
  summaryExplain: 'explain every segment in rules in your own units (a decision tree, or IMM)',
  summaryPredict: 'predict a yes/no or category column: tree, forest, logistic regression',
  summaryApply: 'apply a saved model (--save-model) to a new file: segments, drift, exports',
  summarySql: 'a saved model as one SQL query for DuckDB or PostgreSQL',

  read: `  --sheet NAME          the sheet of an .xlsx or .xls workbook to read (default: the first)
  --delimiter comma|semicolon|tab|pipe         (default: detected)
  --decimal point|comma                        decimal separator of numbers (default: detected)
  --encoding utf-8|utf-16le|utf-16be|gb18030|windows-1252   (default: detected)`,
  report: `  --report FILE         write the analysis as one self-contained HTML page (the file, its
                        cleaning, the charts, the segment profiles) to mail or print`,
  exportDialect: `  --export-dialect standard|input
                        write the CSVs with commas and decimal points (default), or with
                        FILE's delimiter and decimal separator; UTF-8 with a BOM either way`,
  json: `  --json                print the result as one JSON object`,

  mapping: `  --customer COL        the customer id column      (default: recognised from the names)
  --date COL            the order date column
  --order COL           the order (invoice) id column; without one, each customer's day is an
                        order
  --quantity COL        quantity ...
  --price COL           ... and unit price, multiplied per line
  --amount COL          or one amount column instead of quantity x price; without money
                        (none recognised, or --no-money), RFM is recency and frequency only
{item}
  --no-money            leave money out even when a money column is recognised
{snapshot}
  --day-first           dates such as 01/02/2011 are 1 February
  --month-first         dates such as 01/02/2011 are 2 January
  --no-cancellations    keep lines whose order id looks cancelled (C536379); by default such a
                        line is left out when the file's other order ids are digits, the id
                        without the C is in the file, or its quantity is negative`,
  mappingItem: `  --item COL            the product of each line (baskets, recommendations)
  --description COL     a readable name for the item`,
  mappingSnapshot: `  --snapshot DATE       the day recency counts to, ISO (default: the last order + 1 day)`,

  analyze: `segmentlens analyze FILE {options}

Segments the customers in FILE (one row per customer) with k-means, DBSCAN or
hierarchical clustering.

  --algorithm kmeans|dbscan|hierarchical       (default kmeans)
  --metric euclidean|manhattan|chebyshev|cosine
                        distance for DBSCAN, hierarchical and the silhouette
                        (default euclidean; k-means itself is Euclidean)
  --eps X               DBSCAN's neighbourhood radius (default: the knee of the
                        k-distance plot)
  --min-pts N           DBSCAN's minimum points of a core row, itself included (default 5)
  --linkage ward|complete|average|single       hierarchical linkage (default ward)
  --cut-height H        hierarchical: cut the tree at height H instead of into k
  --tree-rows N         hierarchical: build the tree on at most N rows, a seeded sample above
                        (100 to 10000, default 5000; the memory grows with N squared: 800 MB
                        at 10000, none for single linkage)
  --compare             also run all three algorithms and print their comparison

  --features a,b,c      numeric columns to cluster on (default: every numeric column
                        that is not an identifier)
  --kind COL=KIND       read column COL as numeric, categorical, datetime, identifier or text
                        instead of the kind found (repeatable; the page's "Kind")
  --one-hot a,b         categorical columns to turn into 0/1 features
  --log1p a,b           skewed non-negative columns to replace by log(1 + x)
  --k N                 number of segments (default: the recommended one)
  --k-max N             the elbow tries k = 1..N (default 10)
  --n-init N            k-means restarts per k (default 10; 3 above 5,000 rows, as the page)
  --seed N              random seed (default 0); same seed, same result
  --scale zscore|minmax|robust                 (default zscore)
  --missing drop|mean|median|mode|constant     (default drop)
  --missing-by COL=drop|mean|median|mode|constant
                        how to treat the missing values of one column (repeatable)
  --fill-value N        the number constant fills a numeric column's missing values with,
                        as the page's "Constant for missing values" (default 0; a one-hot
                        column's take the category "(missing)")
  --missing-code COL=N  N in column COL means "no value" (pdays=999): such cells are
                        missing and follow the column's --missing rule (repeatable;
                        a code the analysis finds is named in its notes)
  --duplicates drop|keep                       (default drop)
  --outliers none|clip|drop                    (default clip)
  --outlier-method zscore|iqr                  (default zscore, |z| > 3)
  --z N                 the |z| beyond which a value is an outlier (default 3)
  --pad-short-rows      keep rows with too few fields (their cells count as missing)
  --silhouette-sample N rows in the silhouette sample (default 2000; 5000 from 100,000 rows,
                        as the page)
  --pca N|all|auto      cluster on the first N principal components, on every feature,
                        or (auto, the default) on every feature up to 50 features and on
                        the components that carry 90% of the variance above that
{read}
  --out DIR             write segments.csv (every row of FILE once, the rows set aside
                        with an empty segment and their reason), one CSV per segment, and
                        set-aside.csv (the rows set aside with their line and cells)
{exportDialect}
  --segment-name ID=NAME
                        your name for segment ID (noise=NAME: DBSCAN's noise), written in
                        every export and the model file; repeat for each segment
  --save-model FILE     save the analysis as a model file (segmentlens apply, segmentlens sql)
{report}
  --distribution COLUMN also print a numeric column's spread per segment (min, quartiles,
                        median, max; pandas' linear quantiles; a seeded sample above
                        200,000 rows)
{json}`,

  rfm: `segmentlens rfm FILE {options}

Recency, frequency and monetary value per customer from order lines (one row per order line),
named RFM segments, and k-means clusters on RFM.

{mapping}
  --segment-map rf-grid|rfm-mean   the named segments: the classic ten of the R-by-F grid
                        (default), or the eight of R, F and M above or below the mean (needs
                        money)
  --k N                 clusters on RFM (default: the recommended number)
  --k-max N             the elbow tries k = 1..N (default 10)
  --n-init N            k-means restarts per k (default 10; 3 above 5,000 customers, as the page)
  --seed N              random seed (default 0)
{read}
  --out DIR             write rfm.csv (one row per customer) and set-aside.csv (lines left out)
{exportDialect}
  --save-model FILE     save the RFM rules, segment map and clusters as a model file
                        (segmentlens apply, segmentlens sql)
{report}
{json}`,

  rules: `segmentlens rules FILE {options}

What sells together: association rules (FP-growth) from order lines (one row per order line),
over all baskets, one named RFM segment's, or one cluster's.

{mapping}
  --min-support S       the share of baskets an itemset must be in, above 0 and at most 1
                        (default: the larger of 0.01 and 10 baskets)
  --min-confidence C    the least confidence of a rule, from 0 to 1 (default {minConfidence})
  --max-len L           the most items in an itemset, 1 to {maxItemsetLength} (default {maxLen})
  --scope all|rfm:NAME|cluster:N   whose baskets: everyone's (default), the named RFM segment
                        NAME's (its name in the chosen language or in English, any case), or
                        cluster N's (numbered from 0, as segmentlens rfm numbers them)
  --segment-map rf-grid|rfm-mean   the named segments rfm:NAME refers to (default rf-grid)
  --k N                 the number of clusters for cluster:N (default: the recommended number)
{read}
  --out DIR             write rules.csv (every rule) and itemsets.csv (every frequent itemset)
{json}`,
  rulesItem: `  --item COL            the item (product code) column (default: recognised, such as StockCode)
  --description COL     a description shown beside the item (default: recognised)`,

  recommend: `segmentlens recommend FILE {options}

Next best products for every customer from order lines (one row per order line): best sellers,
item-based and user-based collaborative filtering, each measured on the customers' held-out
last orders, overall and per named RFM segment.

{mapping}
  --method item|user|popularity|all
                        the methods to measure; recommendations.csv holds the one chosen,
                        or with all (the default) the best on NDCG
  --neighbours K        neighbours per product and per customer alike
  --item-neighbours K   neighbours per product (default 20)
  --user-neighbours K   neighbours per customer (default 50)
  --similarity cosine|pearson   between customers (default cosine; products: cosine)
  --top N               recommendations per customer: N of the metrics at N (default 10)
  --segment-map rf-grid|rfm-mean   the named segments the figures are broken down by: the
                        ten of the R-by-F grid (default), or the eight of R, F and M
                        above or below the mean
{read}
  --out DIR             write recommendations.csv: every customer's top N on the full history
{json}`,
  recommendItem: `  --item COL            the product code of each line (default: recognised from the names)
  --description COL     the product's readable name, shown beside its code`,

  value: `segmentlens value FILE {options}

Who is still a customer, and what they are worth, from order lines (one row per order line):
BG/NBD for purchases and dropout, Gamma-Gamma for spend, P(alive), expected purchases and
customer lifetime value (CLV) per customer, per named RFM segment and per cluster.

{mapping}
  --unit days|weeks     count one purchase per day (default) or per week
  --horizon-days N      expected purchases over the next N days (default 90)
  --horizon-months N    CLV over the next N whole months (default 12)
  --discount X          monthly discount rate of CLV (default 0.01, 1% a month)
  --holdout-from DATE   check the model: fit it on the orders before DATE (ISO) and compare
                        its predictions with what customers bought from then on; "default"
                        holds out the last quarter of the period
  --segment-map rf-grid|rfm-mean   the named RFM segments (default rf-grid)
  --k N                 also value per cluster of a k-means on RFM into N clusters
                        (as segmentlens rfm --k N; with --n-init N and --seed N)
{read}
  --out DIR             write value.csv (one row per customer) and at-risk.csv
{json}`,
  valueSnapshot: `  --snapshot DATE       the day recency counts to, ISO (default: the last order + 1 day)
                        (the snapshot is also where observation ends)`,

  explain: `segmentlens explain FILE {options}

Explains the segments of FILE (one row per customer, segmented as analyze segments it) in
rules a person can check: a decision tree that tells each row's segment from the features in
their own units, how faithful it is on held-out rows, and where it falls short; or a threshold
tree with exactly one leaf per segment (IMM) and its k-means cost next to the clustering's.

  --method tree|imm     a decision tree (default), or IMM's threshold tree
  --depth D             the decision tree's depth, 1 to 6 (default {explainDepth})
  and every option of segmentlens analyze that makes the segments (--features, --one-hot,
  the cleaning options, --k, --algorithm, ...), but not those that write or show more
  (--compare, --distribution, --report, --save-model): the segments explained are the ones
  analyze makes.
  --out DIR             write explained.csv: every analysed row with its segment, split
                        (train/test) and tree_segment (the tree's segment for it)
{json}`,

  predict: `segmentlens predict FILE --target COL {options}

Predicts a column of FILE (one row per customer) with two or more classes (yes/no, 0/1, a
category: who will respond, who will churn) from the other columns: logistic regression, a
decision tree and a random forest trained on one seeded, stratified split, each judged on the
held-out rows (accuracy, precision, recall, F1, ROC AUC, confusion matrix, importances).

  --target COL          the column to predict (2 to 20 classes; rows without a value in it
                        are not trained or tested on, but are predicted)
  --features a,b,c      columns to predict from: numeric ones, and categorical ones (one-hot)
                        (default: every numeric column but the target)
  --model logistic|tree|forest|all             (default all)
  --test-share X        share of each class held out for testing (default 0.25)
  --seed N              random seed of the split and the forest (default 0)
  --depth D             the decision tree's depth, 1 to 30 (default 5)
  --trees N             the random forest's trees, 1 to 10000 (default 100)
  --missing drop|mean|median|mode|constant     (default drop)
  --fill-value N        the number constant fills missing values with (default 0)
  --duplicates drop|keep                       (default drop)
  --outliers none|clip|drop                    (default clip)
  --outlier-method zscore|iqr                  (default zscore, |z| > 3)
  --z N                 the |z| beyond which a value is an outlier (default 3)
  --log1p a,b           skewed non-negative columns to replace by log(1 + x)
  --pad-short-rows      keep rows with too few fields (their cells count as missing)
{read}
  --out DIR             write predictions.csv: every row with its split (train/test) and
                        each model's prediction and probability
{json}`,

  apply: `segmentlens apply MODEL FILE {options}

Puts the rows (or, for an RFM model, the customers) of FILE into the segments of a saved model
(analyze or rfm --save-model MODEL): the saved cleaning, scaling and centres, nothing refitted.
Prints the sizes next to the saved ones and any drift (a feature whose mean moved more than half
a standard deviation, categories never seen).

{read}
  --out DIR             write segments.csv, one CSV per segment and set-aside.csv (RFM models:
                        rfm.csv and set-aside.csv), as analyze and rfm --out do
{json}`,

  sql: `segmentlens sql MODEL --dialect duckdb|postgres {options}

Writes one SELECT that applies a saved model (analyze or rfm --save-model MODEL) inside DuckDB
or PostgreSQL: the saved cleaning, scaling and centres for every row of a table (RFM models: one
row per customer from a table of order lines), with segment, segment_label and distance.

  --dialect duckdb|postgres   the database the query is for (the two the tests run it on)
  --table NAME          the table to score (schema.table for a qualified name; default: the
                        saved file's name without its extension)
  --id COL              a column that identifies each row, returned first (models of rows)
  --out FILE            write the query to FILE instead of printing it`,
};

export type CliHelpKey = keyof typeof cliHelp;
