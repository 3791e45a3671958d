-- volte event store, migration 0001_initial.
-- articles: one row per stored article (the latest version of it); content_hash detects changes.
CREATE TABLE IF NOT EXISTS articles (
    id            VARCHAR PRIMARY KEY,
    url           VARCHAR,
    host          VARCHAR,          -- publisher: URL host without "www."; NULL when no URL
    title         VARCHAR,
    published     DATE,
    kind          VARCHAR,
    lang          VARCHAR,
    origin        VARCHAR,
    text          VARCHAR,
    content_hash  VARCHAR NOT NULL,
    num_events    INTEGER NOT NULL,
    ingested_at   TIMESTAMP NOT NULL,
    volte_version VARCHAR NOT NULL,
    coder_version VARCHAR,
    spacy_model   VARCHAR
);

-- events: the 24 first contract fields, the span extras, the cluster and provenance.
CREATE TABLE IF NOT EXISTS events (
    event_id       VARCHAR NOT NULL,  -- unique per store (enforced by ingest); indexed by migration 0009
    doc_id         VARCHAR NOT NULL,
    sentence_index INTEGER,
    sentence       VARCHAR,
    sentence_start INTEGER,
    sentence_end   INTEGER,
    date           DATE,
    date_precision VARCHAR,
    published      DATE,
    source         VARCHAR,
    source_name    VARCHAR,
    target         VARCHAR,
    target_name    VARCHAR,
    code           VARCHAR,
    root           VARCHAR,
    quad_class     TINYINT,
    goldstein      DOUBLE,
    plover         VARCHAR,
    trigger        VARCHAR,
    pattern        VARCHAR,
    factuality     VARCHAR,
    attributed_to  VARCHAR,
    kind           VARCHAR,
    coder_version  VARCHAR,
    trigger_start  INTEGER,
    trigger_end    INTEGER,
    source_start   INTEGER,
    source_end     INTEGER,
    target_start   INTEGER,
    target_end     INTEGER,
    cluster_id     VARCHAR,         -- NULL when the event cannot be clustered (see docs/store.md)
    publisher      VARCHAR NOT NULL, -- the article's host, or "doc:<doc_id>" without URL
    volte_version  VARCHAR NOT NULL,
    spacy_model    VARCHAR
);
-- (migration 0003 adds dictionaries_sha256 VARCHAR; 0006 adds the place and planned-date fields: place,
--  place_type, place_country, place_fips, place_admin1, place_geonameid, place_lat, place_lon,
--  place_start, place_end, planned_date, planned_precision)

-- clusters: one real-world event reported by one or more mentions (GDELT-style counts).
CREATE TABLE IF NOT EXISTS clusters (
    cluster_id     VARCHAR NOT NULL,  -- stable: hash of dyad, root and anchor date
    source_key     VARCHAR NOT NULL,  -- country + first role of the source code ("COLGOV")
    target_key     VARCHAR NOT NULL,
    source_country VARCHAR NOT NULL,  -- first three letters ("COL")
    target_country VARCHAR NOT NULL,
    root           VARCHAR NOT NULL,
    code           VARCHAR NOT NULL,  -- the most frequent code among the mentions
    date           DATE NOT NULL,     -- the first mention's date (the cluster anchor)
    last_date      DATE NOT NULL,
    goldstein      DOUBLE NOT NULL,   -- mean Goldstein of the mentions
    quad_class     TINYINT NOT NULL,
    num_mentions   INTEGER NOT NULL,
    num_sources    INTEGER NOT NULL,  -- distinct publishers
    num_articles   INTEGER NOT NULL,
    weight         DOUBLE NOT NULL    -- sqrt(num_sources)
);

-- dyad_days: per directed country dyad and day, the sums the series and the reversal detector need.
-- (migration 0002 adds ww DOUBLE: the sum of squared weights)
CREATE TABLE IF NOT EXISTS dyad_days (
    source_country VARCHAR NOT NULL,
    target_country VARCHAR NOT NULL,
    day            DATE NOT NULL,
    clusters       INTEGER NOT NULL,
    w              DOUBLE NOT NULL,   -- sum of weights
    wg             DOUBLE NOT NULL,   -- sum of weight * goldstein
    wg2            DOUBLE NOT NULL,   -- sum of weight * goldstein^2
    conflict       INTEGER NOT NULL,  -- clusters with roots 10-20 (thaw "before" evidence)
    coop           INTEGER NOT NULL,  -- clusters with roots 03-05 (thaw "after" evidence)
    q1 INTEGER NOT NULL, q2 INTEGER NOT NULL, q3 INTEGER NOT NULL, q4 INTEGER NOT NULL,
    PRIMARY KEY (source_country, target_country, day)
);

-- dyad_thresholds: cached per-dyad calibrated alarm thresholds (dropped when the dyad changes).
CREATE TABLE IF NOT EXISTS dyad_thresholds (
    source_country VARCHAR NOT NULL,
    target_country VARCHAR NOT NULL,
    threshold      DOUBLE NOT NULL,
    calibrated     DOUBLE,            -- the shuffle estimate before the global minimum applies
    days           INTEGER NOT NULL,
    method         VARCHAR NOT NULL,
    computed_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (source_country, target_country)
);
-- (migration 0005 adds features DOUBLE[]: what the threshold is pooled on; threshold is the dyad's own,
-- before pooling across dyads, which happens when shifts are read)

CREATE TABLE IF NOT EXISTS rejects (
    doc_id      VARCHAR NOT NULL,
    stage       VARCHAR NOT NULL,
    code        VARCHAR NOT NULL,
    reason      VARCHAR,
    origin      VARCHAR,
    rejected_at TIMESTAMP NOT NULL,
    PRIMARY KEY (doc_id, stage)
);

-- No ART indexes on the big tables but events.event_id (migration 0009, for fetching an event page's
-- rows): DuckDB's zone maps plus vectorised scans answer the store's other queries in milliseconds at 10M
-- events, and large ART indexes cost memory and slow deletes.
