-- Migration 0002: near-duplicate articles and event clusters (issue #6).
--
-- Everything here is derived from `articles`, `events` and `entities` by
-- dyad.dedup and can be rebuilt at any time (`dyad cluster`). A report is
-- never removed: duplicate articles are linked to their original, and every
-- report (one event, one actor, one recipient) is linked to its cluster.

-- MinHash signature of each article body, kept so later runs only sign new text.
CREATE TABLE article_signatures (
    article_id    VARCHAR NOT NULL,
    content_hash  VARCHAR NOT NULL,       -- articles.content_hash when it was signed
    shingles      INTEGER NOT NULL,       -- distinct word shingles in the body
    signature     BLOB NOT NULL           -- MinHash values, low 8 bits of each (one byte per permutation)
);

-- LSH buckets of the signatures: articles sharing a (band, bucket) are candidates.
CREATE TABLE article_bands (
    article_id  VARCHAR NOT NULL,
    band        SMALLINT NOT NULL,
    bucket      UBIGINT NOT NULL
);

-- Each article's original: itself, or the earlier article it copies or rewrites.
CREATE TABLE article_links (
    article_id   VARCHAR NOT NULL,
    original_id  VARCHAR NOT NULL,
    kind         VARCHAR NOT NULL CHECK (kind IN ('original', 'exact', 'near')),
    similarity   DOUBLE NOT NULL,         -- estimated Jaccard to the article it matched; 1 for originals
    source_key   VARCHAR NOT NULL         -- the independent source it counts as (its original's)
);

-- One row per report: an event's actor x recipient dyad, with its cluster.
-- Copies of the event's columns make cluster and series queries join-free.
CREATE TABLE cluster_members (
    cluster_id         VARCHAR NOT NULL,
    leads              BOOLEAN NOT NULL,   -- the report the cluster is named after
    event_id           VARCHAR NOT NULL,
    actor_pos          SMALLINT NOT NULL,  -- -1 when the event has no actor
    recipient_pos      SMALLINT NOT NULL,  -- -1 when the event has no recipient
    article_id         VARCHAR NOT NULL,
    block              VARCHAR NOT NULL,   -- event type | actor side | recipient side
    pub_date           DATE NOT NULL,
    date               DATE NOT NULL,
    date_precision     VARCHAR NOT NULL,
    date_end           DATE,
    cameo              VARCHAR NOT NULL,
    cameo_root         VARCHAR,
    plover             VARCHAR,
    quad_class         INTEGER,
    goldstein          DOUBLE,
    actor_code         VARCHAR,
    actor_country      VARCHAR,
    recipient_code     VARCHAR,
    recipient_country  VARCHAR,
    place              VARCHAR,
    place_country      VARCHAR,
    place_feature      VARCHAR,            -- country | admin1 | city
    confidence         DOUBLE,
    seq                INTEGER NOT NULL
);

-- One row per event cluster: the reports of one real-world event.
CREATE TABLE clusters (
    cluster_id         VARCHAR NOT NULL,   -- its first report: event_id (or event_id.actor.recipient)
    global_id          BIGINT NOT NULL,    -- numeric id (GDELT GLOBALEVENTID)
    block              VARCHAR NOT NULL,
    plover             VARCHAR,
    cameo              VARCHAR NOT NULL,
    cameo_root         VARCHAR,
    quad_class         INTEGER,
    goldstein          DOUBLE,
    actor_code         VARCHAR,
    actor_country      VARCHAR,
    recipient_code     VARCHAR,
    recipient_country  VARCHAR,
    date               DATE NOT NULL,
    date_precision     VARCHAR NOT NULL,
    place              VARCHAR,
    place_country      VARCHAR,
    place_feature      VARCHAR,
    place_event_id     VARCHAR,            -- the report whose place was kept (the most precise)
    first_seen         DATE NOT NULL,      -- earliest publication date of a report
    last_seen          DATE NOT NULL,
    num_mentions       INTEGER NOT NULL,   -- reports
    num_articles       INTEGER NOT NULL,   -- articles with a report, copies included
    num_originals      INTEGER NOT NULL,   -- of those, distinct originals
    num_sources        INTEGER NOT NULL,   -- distinct independent sources
    confidence         DOUBLE NOT NULL,
    event_id           VARCHAR NOT NULL,   -- the representative report: from an original, most confident
    article_id         VARCHAR NOT NULL,
    sentence           VARCHAR,
    first_article_id   VARCHAR NOT NULL    -- the first article to report it (GDELT's SOURCEURL)
);

-- The outlet an article comes from: its `source`, else its URL's host (without www.).
CREATE MACRO source_key(source, url) AS
    coalesce(nullif(lower(trim(source)), ''),
             nullif(regexp_extract(lower(url), '^[a-z][a-z0-9+.-]*://(www\.)?([^/:?#]+)', 2), ''));

-- Outlets and how many of their articles are originals or copies.
CREATE VIEW sources AS
SELECT coalesce(source_key(a.source, a.url), '(unknown)') AS source, count(*) AS articles,
       count(*) FILTER (WHERE l.kind IS NULL OR l.kind = 'original') AS originals,
       count(*) FILTER (WHERE l.kind IN ('exact', 'near')) AS copies,
       min(a.date) AS first_seen, max(a.date) AS last_seen
FROM articles a LEFT JOIN article_links l ON l.article_id = a.id
GROUP BY ALL;
