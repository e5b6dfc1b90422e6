"""Owner-question templates for generate_questions.py.

Slots: {period} a whole adverbial phrase ("in March 2011", "last month", "between 1 and 7 November
2011"), {product} a product phrase in lower case (full name or a unique part of it), {country} a country
name or alias ("Germany", "the UK", "Ireland"), {demonym} a people phrase ("the Germans"), {customer}
a customer id, {n} a ranking size, {a}/{b} two month phrases for comparisons (a is the later month).

Each template: (id, kind, metric, filter, text, periods) where filter is one of none, product, country,
demonym, customer, product_country, and periods is "any", "alltime" or a tuple of period styles.
Ranking templates carry (group, rank_metric) in the metric field as "group:metric".
"""

ANY = "any"
MONTHLY = ("month", "month_short", "last_month", "this_month")
WIDE = ("year", "this_year", "last_year", "quarter", "quarter_words", "half", "season", "month_range",
        "since", "month", "last_month")
SHORT = ("day_range", "cross_range", "iso_range", "day", "yesterday", "month", "last_month",
         "this_month")

TEMPLATES = [
    # ---------------------------------------------------------------- revenue
    ("rev_formal", "total", "revenue", "none", "What was our total revenue {period}?", ANY),
    ("rev_take_in", "total", "revenue", "none", "how much did we take in {period}", ANY),
    ("rev_terse", "total", "revenue", "none", "revenue {period}?", ANY),
    ("rev_polite", "total", "revenue", "none",
     "Could you tell me the total sales revenue {period}, please?", ANY),
    ("rev_bring_in", "total", "revenue", "none", "How much money did the shop bring in {period}?", ANY),
    ("rev_sales_seed", "total", "revenue", "none", "What were my total sales {period}?", ANY),
    ("rev_alltime", "total", "revenue", "none", "What's our revenue to date, all time?", "alltime"),
    ("rev_product", "total", "revenue", "product", "How much revenue did {product} bring in {period}?", ANY),
    ("rev_product_take", "total", "revenue", "product", "what did we take on {product} {period}", ANY),
    ("rev_product_terse", "total", "revenue", "product", "{product} revenue {period}", ANY),
    ("rev_country", "total", "revenue", "country", "What were our sales to {country} {period}?", ANY),
    ("rev_country_terse", "total", "revenue", "country", "revenue from {country} {period}?", ANY),
    ("rev_demonym", "total", "revenue", "demonym", "How much did {demonym} spend with us {period}?", ANY),
    ("rev_customer", "total", "revenue", "customer", "How much did customer {customer} spend {period}?", ANY),
    ("rev_customer_hash", "total", "revenue", "customer",
     "what's the total revenue from customer #{customer} {period}", ANY),
    ("rev_customer_alltime", "total", "revenue", "customer",
     "How much has customer {customer} spent with us in total?", "alltime"),
    # ---------------------------------------------------------------- units
    ("units_formal", "total", "units", "none", "How many units did we sell {period}?", ANY),
    ("units_went_out", "total", "units", "none", "how many items went out {period}", ANY),
    ("units_product", "total", "units", "product", "How many {product} did we sell {period}?", ANY),
    ("units_product_move", "total", "units", "product", "how many {product} did we move {period}?", ANY),
    ("units_product_shift", "total", "units", "product", "units of {product} shifted {period}?", ANY),
    ("units_product_went_out", "total", "units", "product",
     "How many units of {product} went out {period}?", ANY),
    ("units_product_terse", "total", "units", "product", "{product}: units sold {period}", ANY),
    ("units_product_formal", "total", "units", "product",
     "Please give me the number of units of {product} sold {period}.", ANY),
    ("units_product_alltime", "total", "units", "product",
     "How many {product} have we sold altogether?", "alltime"),
    ("units_country", "total", "units", "country", "How many units did we ship to {country} {period}?", ANY),
    ("units_demonym", "total", "units", "demonym", "how many items did {demonym} buy {period}", ANY),
    ("units_customer", "total", "units", "customer", "How many units did customer {customer} buy {period}?", ANY),
    ("units_product_country", "total", "units", "product_country",
     "How many {product} did we sell in {country} {period}?", WIDE),
    # ---------------------------------------------------------------- orders
    ("orders_formal", "total", "orders", "none", "How many orders did we get {period}?", ANY),
    ("orders_terse", "total", "orders", "none", "number of orders {period}", ANY),
    ("orders_came_in", "total", "orders", "none", "How many orders came in {period}?", ANY),
    ("orders_country", "total", "orders", "country", "How many orders came from {country} {period}?", ANY),
    ("orders_demonym", "total", "orders", "demonym", "how many orders did {demonym} place {period}", ANY),
    ("orders_customer", "total", "orders", "customer",
     "How many orders has customer {customer} placed {period}?", ANY),
    ("orders_product", "total", "orders", "product", "How many orders included {product} {period}?", ANY),
    # ---------------------------------------------------------------- customers
    ("cust_different", "total", "customers", "none",
     "How many different customers bought from us {period}?", ANY),
    ("cust_unique_terse", "total", "customers", "none", "number of unique customers {period}", ANY),
    ("cust_distinct", "total", "customers", "none", "How many distinct customers did we have {period}?", ANY),
    ("cust_country", "total", "customers", "country", "How many customers in {country} ordered {period}?", ANY),
    ("cust_country_different", "total", "customers", "country",
     "how many different customers from {country} {period}", ANY),
    ("cust_product", "total", "customers", "product",
     "How many different customers bought {product} {period}?", ANY),
    # ---------------------------------------------------------------- average order value
    ("aov_formal", "total", "aov", "none", "What was the average order value {period}?", ANY),
    ("aov_terse", "total", "aov", "none", "AOV {period}?", ANY),
    ("aov_casual", "total", "aov", "none", "what's our average order worth {period}", ANY),
    ("aov_country", "total", "aov", "country", "What's the average order value for {country} {period}?", ANY),
    ("aov_demonym", "total", "aov", "demonym", "average order value for {demonym} {period}?", ANY),
    ("aov_customer", "total", "aov", "customer",
     "What is the average order value of customer {customer} {period}?", ANY),
    # ---------------------------------------------------------------- rankings: products
    ("top_products", "ranking", "product:units", "none", "What were our top {n} products {period}?", ANY),
    ("top_best_sellers", "ranking", "product:units", "none", "top {n} best sellers {period}", ANY),
    ("top_products_most_units", "ranking", "product:units", "none",
     "Which {n} products sold the most units {period}?", ANY),
    ("top_products_casual", "ranking", "product:units", "none",
     "what were the {n} best-selling items {period}?", ANY),
    ("top_products_country", "ranking", "product:units", "country",
     "Show me the top {n} products in {country} {period}", WIDE),
    ("top_products_revenue", "ranking", "product:revenue", "none",
     "top {n} products by revenue {period}", ANY),
    ("top_products_money", "ranking", "product:revenue", "none",
     "Which {n} products brought in the most money {period}?", ANY),
    ("top_products_alltime", "ranking", "product:units", "none",
     "What are our {n} best selling products of all time?", "alltime"),
    # ---------------------------------------------------------------- rankings: countries
    ("top_countries", "ranking", "country:revenue", "none", "Top {n} countries by revenue {period}", ANY),
    ("top_countries_spent", "ranking", "country:revenue", "none",
     "Which {n} countries spent the most {period}?", ANY),
    ("top_countries_markets", "ranking", "country:revenue", "none",
     "What were our {n} biggest markets {period}?", ANY),
    ("top_countries_where", "ranking", "country:revenue", "none",
     "where do we sell the most? top {n} countries {period}", ANY),
    # ---------------------------------------------------------------- rankings: customers
    ("top_customers_seed", "ranking", "customer:revenue", "none", "Who are my top {n} customers?", "alltime"),
    ("top_customers", "ranking", "customer:revenue", "none", "Who were our top {n} customers {period}?", ANY),
    ("top_customers_spent", "ranking", "customer:revenue", "none",
     "Which {n} customers spent the most {period}?", ANY),
    ("top_customers_biggest", "ranking", "customer:revenue", "none",
     "list our {n} biggest customers {period}", ANY),
    ("top_customers_country", "ranking", "customer:revenue", "country",
     "Who were the top {n} customers in {country} {period}?", WIDE),
    # ---------------------------------------------------------------- month-to-month comparisons
    ("cmp_seed", "compare", "revenue", "none", "How did {a} compare to {b}?", "bare_months"),
    ("cmp_revenue", "compare", "revenue", "none", "How did revenue in {a} compare to {b}?", "months"),
    ("cmp_revenue_pct", "compare", "revenue", "none",
     "What's the percentage change in revenue from {b} to {a}?", "months"),
    ("cmp_revenue_vs", "compare", "revenue", "none", "revenue {a} vs {b}, % change?", "months"),
    ("cmp_last_before", "compare", "revenue", "none", "How did last month compare to the month before?",
     "last_before"),
    ("cmp_units", "compare", "units", "none", "How did units sold in {a} compare with {b}?", "months"),
    ("cmp_orders", "compare", "orders", "none",
     "By how much did the number of orders change from {b} to {a}, in percent?", "months"),
    ("cmp_customers", "compare", "customers", "none",
     "How did the number of customers in {a} compare to {b}?", "months"),
    ("cmp_product_units", "compare", "units", "product",
     "How did units of {product} sold in {a} compare to {b}?", "months"),
    ("cmp_country_revenue", "compare", "revenue", "country",
     "How did revenue from {country} in {a} compare to {b}?", "months"),
]
