-- k-nearest-neighbour and distance-band weights search label points by great-circle distance:
-- a geography index lets `<->` and ST_DWithin use it instead of scanning every desa per desa.
CREATE INDEX wilayah_titik_label_geog_gix ON wilayah USING gist ((titik_label::geography));
