-- geo287 lookup --points' join in DuckDB (with the spatial extension), over the layers of
-- `geo287 export periods` (EXPORT) and a points dataset (POINTS: Parquet files with id, lat, lon).
-- Replace EXPORT, POINTS and OUT, then: duckdb -c "INSTALL spatial"; duckdb < duckdb_join.sql
-- It writes id, county_fips, place_geoid, agreements, tfm_count, tfm_agencies, jem_count, wso_count, unmapped_count.
LOAD spatial;
-- the points, one row each (id, lat, lon)
CREATE TEMP TABLE pts AS SELECT id, lat, lon, ST_Point(lon, lat) AS pt FROM read_parquet('POINTS/*.parquet');
-- county: the lowest GEOID among the counties covering the point (the border rule)
CREATE TEMP TABLE pc AS
  SELECT p.id, min(c.county_geoid) AS county_geoid
  FROM pts p JOIN read_parquet('EXPORT/counties.parquet') c ON ST_Intersects(c.geometry, p.pt) GROUP BY p.id;
-- place: the lowest GEOID among the exported places of the county's state covering it
CREATE TEMP TABLE pp AS
  SELECT p.id, min(pl.place_geoid) AS place_geoid
  FROM pts p JOIN pc USING (id) JOIN read_parquet('EXPORT/counties.parquet') c ON c.county_geoid = pc.county_geoid
  JOIN read_parquet('EXPORT/places.parquet') pl ON pl.state_fips = c.state_fips AND ST_Intersects(pl.geometry, p.pt)
  GROUP BY p.id;
-- agreements in force on the newest sheet, each with the counties it reaches (a state agreement: all of its state's)
CREATE TEMP TABLE ag AS
  SELECT a.*, CASE model WHEN 'jail-enforcement' THEN 0 WHEN 'warrant-service' THEN 1 WHEN 'task-force' THEN 2 ELSE 3 END AS model_rank,
         CASE level WHEN 'state' THEN 0 WHEN 'county' THEN 1 WHEN 'municipal' THEN 2 ELSE 3 END AS level_rank
  FROM read_parquet('EXPORT/jurisdiction_periods.parquet') a WHERE open_ended;
CREATE TEMP TABLE ag_county AS
  SELECT a.period_id, c.county_geoid FROM ag a JOIN read_parquet('EXPORT/counties.parquet') c
    ON a.reach = 'whole-counties' AND a.level = 'state' AND c.state_fips = a.jurisdiction_geoid
  UNION ALL
  SELECT period_id, unnest(string_split(county_geoids, ';')) FROM ag
    WHERE reach = 'unmapped-town' OR (reach = 'whole-counties' AND level <> 'state');
-- per point, the agreements: whole counties (unless the point is in an excepted place), places, towns
CREATE TEMP TABLE hits AS
  SELECT pc.id, a.* FROM pc LEFT JOIN pp USING (id) JOIN ag_county x ON x.county_geoid = pc.county_geoid
    JOIN ag a ON a.period_id = x.period_id
    WHERE a.reach = 'unmapped-town' OR pp.place_geoid IS NULL OR NOT list_contains(string_split(a.except_place_geoids, ';'), pp.place_geoid)
  UNION ALL
  SELECT pp.id, a.* FROM pp JOIN ag a ON a.reach = 'place' AND a.place_geoid = pp.place_geoid;
-- one name per agency, listed in lookup's order
CREATE TEMP TABLE named AS
  SELECT id, reach = 'unmapped-town' AS unmapped, model, agency, min([model_rank, level_rank]) AS k1, min(sheet_row) AS k2, count(*) AS n
  FROM hits GROUP BY ALL;
COPY (
  SELECT p.id, coalesce(pc.county_geoid, '') AS county_fips, coalesce(pp.place_geoid, '') AS place_geoid,
    CAST(coalesce(sum(n) FILTER (WHERE NOT unmapped), 0) AS BIGINT) AS agreements,
    CAST(coalesce(sum(n) FILTER (WHERE NOT unmapped AND model = 'task-force'), 0) AS BIGINT) AS tfm_count,
    coalesce(string_agg(agency, '; ' ORDER BY k1, agency, k2) FILTER (WHERE NOT unmapped AND model = 'task-force'), '') AS tfm_agencies,
    CAST(coalesce(sum(n) FILTER (WHERE NOT unmapped AND model = 'jail-enforcement'), 0) AS BIGINT) AS jem_count,
    CAST(coalesce(sum(n) FILTER (WHERE NOT unmapped AND model = 'warrant-service'), 0) AS BIGINT) AS wso_count,
    coalesce(sum(n) FILTER (WHERE unmapped), 0) AS unmapped_count
  FROM pts p LEFT JOIN pc USING (id) LEFT JOIN pp USING (id) LEFT JOIN named USING (id)
  GROUP BY ALL ORDER BY p.id
) TO 'OUT' (FORMAT parquet);
