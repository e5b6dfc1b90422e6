extension PostgresAppDatabase {
    /// Products and discounts, with the catalog version every write counts up (as SQLite's v9 triggers do)
    /// and a full-text index. The text is stemmed like SQLite's porter tokenizer but keeps stop words, so
    /// that every word a shopper types must match, as it must on SQLite.
    static let catalogMigration = PostgresMigration(name: "pg3-catalog", statements: [
        "ALTER TABLE stores ADD COLUMN catalog_version bigint NOT NULL DEFAULT 0",
        "CREATE TEXT SEARCH DICTIONARY shoptalk_stem (TEMPLATE = snowball, Language = english)",
        "CREATE TEXT SEARCH CONFIGURATION shoptalk (COPY = english)",
        """
        ALTER TEXT SEARCH CONFIGURATION shoptalk ALTER MAPPING
            FOR asciiword, word, hword, hword_part, asciihword, hword_asciipart, numword, numhword WITH shoptalk_stem
        """,
        """
        CREATE TABLE products (
            id bigserial PRIMARY KEY,
            store_id bigint NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
            sku text NOT NULL,
            name text NOT NULL,
            brand text NOT NULL,
            category text NOT NULL,
            description text NOT NULL DEFAULT '',
            price_cents bigint NOT NULL CHECK (price_cents >= 0),
            original_price_cents bigint,
            cost_cents bigint,
            stock bigint NOT NULL DEFAULT 0,
            low_stock_threshold bigint NOT NULL DEFAULT 5,
            colors text[] NOT NULL DEFAULT '{}',
            sizes text[] NOT NULL DEFAULT '{}',
            rating double precision,
            image_url text,
            popularity bigint NOT NULL DEFAULT 0,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            search tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('shoptalk', name), 'A') || setweight(to_tsvector('shoptalk', brand), 'B')
                    || setweight(to_tsvector('shoptalk', category), 'B') || setweight(to_tsvector('shoptalk', description), 'D')
            ) STORED,
            UNIQUE (store_id, sku)
        )
        """,
        "CREATE INDEX products_search ON products USING GIN (search)",
        "CREATE INDEX products_store_popularity ON products (store_id, popularity DESC, id)",
        """
        CREATE TABLE discounts (
            id bigserial PRIMARY KEY,
            store_id bigint NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
            code text NOT NULL,
            description text NOT NULL DEFAULT '',
            kind text NOT NULL,
            percent_off bigint,
            amount_off_cents bigint,
            max_discount_cents bigint,
            min_spend_cents bigint,
            category text,
            brand text,
            usage_limit bigint,
            used_count bigint NOT NULL DEFAULT 0,
            starts_at timestamptz,
            ends_at timestamptz,
            is_active boolean NOT NULL DEFAULT true,
            UNIQUE (store_id, code)
        )
        """,
        """
        CREATE FUNCTION count_catalog_version() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' THEN
                UPDATE stores SET catalog_version = catalog_version + 1 WHERE id = OLD.store_id;
            END IF;
            IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.store_id <> OLD.store_id) THEN
                UPDATE stores SET catalog_version = catalog_version + 1 WHERE id = NEW.store_id;
            END IF;
            RETURN NULL;
        END
        $$
        """,
        "CREATE TRIGGER products_version AFTER INSERT OR UPDATE OR DELETE ON products FOR EACH ROW EXECUTE FUNCTION count_catalog_version()",
        "CREATE TRIGGER discounts_version AFTER INSERT OR UPDATE OR DELETE ON discounts FOR EACH ROW EXECUTE FUNCTION count_catalog_version()",
    ])
}
