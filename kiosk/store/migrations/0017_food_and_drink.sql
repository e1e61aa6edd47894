-- Food and drink (issue 12): each cinema's menu and stock. Sales of items come with the basket
-- (a later migration); this one holds what a counter sells from and how much of it is left.
-- Prices are tax-inclusive minor units in the cinema's currency; the tax rate is the category's.
CREATE TABLE menu_categories (
    category_id TEXT PRIMARY KEY,
    cinema_id   TEXT NOT NULL REFERENCES cinemas(id),
    name        TEXT NOT NULL,
    tax_rate_bp INTEGER NOT NULL CHECK (tax_rate_bp BETWEEN 0 AND 10000),
    sort        INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE menu_items (
    item_id     TEXT PRIMARY KEY,
    cinema_id   TEXT NOT NULL REFERENCES cinemas(id),
    category_id TEXT NOT NULL REFERENCES menu_categories(category_id),
    family      TEXT NOT NULL,               -- sizes of one product share it: 'popcorn'
    name        TEXT NOT NULL,
    size        TEXT NOT NULL DEFAULT '',    -- 'Small', 'Medium', 'Large' or ''
    price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX menu_items_by_cinema ON menu_items (cinema_id, sort);

CREATE TABLE menu_modifiers (
    modifier_id TEXT PRIMARY KEY,
    cinema_id   TEXT NOT NULL REFERENCES cinemas(id),
    family      TEXT NOT NULL,
    group_name  TEXT NOT NULL,               -- 'flavour', 'extras'
    pick_one    INTEGER NOT NULL DEFAULT 0 CHECK (pick_one IN (0, 1)),
    name        TEXT NOT NULL,
    price_minor INTEGER NOT NULL DEFAULT 0 CHECK (price_minor >= 0)
);

CREATE TABLE menu_combos (
    combo_id    TEXT PRIMARY KEY,
    cinema_id   TEXT NOT NULL REFERENCES cinemas(id),
    category_id TEXT NOT NULL REFERENCES menu_categories(category_id),
    name        TEXT NOT NULL,
    price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort        INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE menu_combo_parts (
    combo_id TEXT NOT NULL REFERENCES menu_combos(combo_id),
    item_id  TEXT NOT NULL REFERENCES menu_items(item_id),
    qty      INTEGER NOT NULL CHECK (qty >= 1),
    PRIMARY KEY (combo_id, item_id)
);

-- One row per item the stand counts. A sale takes stock with a conditional UPDATE
-- (on_hand >= wanted) in its own transaction, so two counters selling the last one cannot both
-- succeed; the CHECK is the last line of defence.
CREATE TABLE menu_stock (
    item_id    TEXT PRIMARY KEY REFERENCES menu_items(item_id),
    on_hand    INTEGER NOT NULL CHECK (on_hand >= 0),
    low_at     INTEGER NOT NULL DEFAULT 0 CHECK (low_at >= 0),
    updated_at TEXT NOT NULL
);
