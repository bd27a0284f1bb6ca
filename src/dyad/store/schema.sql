-- dyad's database, migration 0001.
--
-- Later changes go in numbered files beside this one (0002_what.sql, ...),
-- applied in order and recorded in the `migrations` table; a released
-- migration is never edited.

CREATE TABLE articles (
    id            VARCHAR PRIMARY KEY,
    date          DATE NOT NULL,          -- publication date
    title         VARCHAR NOT NULL DEFAULT '',
    url           VARCHAR,
    source        VARCHAR,
    text          VARCHAR NOT NULL,       -- the body; event spans index into it
    content_hash  VARCHAR NOT NULL,       -- Article.content_hash
    origin        VARCHAR,                -- file (and line) it was read from
    coded_at      TIMESTAMP               -- UTC; null until its events are stored
);

-- One row per event. `record` holds the whole event record (DESIGN.md 3);
-- the other columns copy parts of it for fast queries.
CREATE TABLE events (
    event_id           VARCHAR PRIMARY KEY,
    article_id         VARCHAR NOT NULL,
    seq                INTEGER NOT NULL,  -- order of the event among its article's events
    pub_date           DATE NOT NULL,
    date               DATE NOT NULL,
    date_precision     VARCHAR NOT NULL,  -- day | month | range | pub
    date_end           DATE,
    cameo              VARCHAR NOT NULL,
    cameo_root         VARCHAR,
    goldstein          DOUBLE,
    quad_class         INTEGER,
    plover             VARCHAR,
    plover_mode        VARCHAR,
    contexts           VARCHAR[],
    actor_code         VARCHAR,           -- first actor's CAMEO code and country
    actor_country      VARCHAR,
    recipient_code     VARCHAR,           -- first recipient's CAMEO code and country
    recipient_country  VARCHAR,
    place              VARCHAR,           -- location name and country
    place_country      VARCHAR,
    sentence           VARCHAR,
    confidence         DOUBLE,
    modality           VARCHAR,           -- asserted | intended | reported
    coder              VARCHAR,           -- pattern | model | both
    coder_name         VARCHAR,
    record             JSON NOT NULL
);

-- Every actor and recipient of every event, for queries by country or code.
CREATE TABLE entities (
    event_id    VARCHAR NOT NULL,
    article_id  VARCHAR NOT NULL,
    role        VARCHAR NOT NULL CHECK (role IN ('actor', 'recipient')),
    position    INTEGER NOT NULL,         -- 0-based, within the role
    text        VARCHAR,
    name        VARCHAR,
    country     VARCHAR,
    sector      VARCHAR,
    code        VARCHAR,
    how         VARCHAR,
    span_start  INTEGER,
    span_end    INTEGER
);
