-- Fills a migrated AssetMap database with :n synthetic published assets (default 1,000,000) clustered around 150
-- English towns, for profiling search (psql -v n=1000000 -f tests/perf/generate-1m.sql). Not the benchmark generator.
\if :{?n} \else \set n 1000000 \endif
SELECT setseed(0.42);
CREATE TEMP TABLE towns AS
SELECT t, -2.9 + random() * 4.3 AS lon, 50.7 + random() * 3.8 AS lat, (1 + random() * random() * 30) AS weight
FROM generate_series(1, 150) t;
CREATE TEMP TABLE town_pick AS
SELECT t, lon, lat, sum(weight) OVER (ORDER BY t) / sum(weight) OVER () AS cum FROM towns;
CREATE TEMP TABLE words(i int, w text);
INSERT INTO words SELECT ordinality, w FROM unnest(ARRAY['Lunch club','Walking group','Community cafe','Men''s shed','Art class',
  'Befriending','Gardening','Dog walking','Handyperson','Foot care','Singing for the brain','Chair yoga','Digital help',
  'Carers cafe','Food bank','Knit and natter','Home care','Cleaning','Pet sitting','Memory cafe','Tai chi','Book club',
  'Bowls','Men''s breakfast','Craft group']) WITH ORDINALITY AS x(w, ordinality);
CREATE TEMP TABLE places(i int, w text);
INSERT INTO places SELECT ordinality, w FROM unnest(ARRAY['St Mary''s','Riverside','Oak Lane','Station Road','Market','Victoria',
  'Parkside','Church Street','Mill','Bridge','Hillside','Orchard','Green','Abbey','Castle','Meadow']) WITH ORDINALITY AS x(w, ordinality);
CREATE TEMP TABLE rules(i int, r text);
INSERT INTO rules SELECT ordinality, r FROM unnest(ARRAY['FREQ=WEEKLY;BYDAY=MO','FREQ=WEEKLY;BYDAY=TU','FREQ=WEEKLY;BYDAY=WE',
  'FREQ=WEEKLY;BYDAY=TH','FREQ=WEEKLY;BYDAY=FR','FREQ=WEEKLY;BYDAY=SA','FREQ=WEEKLY;BYDAY=TU,TH','FREQ=WEEKLY;BYDAY=MO,TH',
  'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE','FREQ=WEEKLY;INTERVAL=2;BYDAY=FR','FREQ=MONTHLY;BYDAY=2WE','FREQ=MONTHLY;BYDAY=1TU',
  'FREQ=MONTHLY;BYDAY=-1FR','FREQ=MONTHLY;BYDAY=3TH']) WITH ORDINALITY AS x(r, ordinality);
CREATE TEMP TABLE hours(i int, h text);
INSERT INTO hours SELECT ordinality, h FROM unnest(ARRAY['Mo-Fr 09:00-17:00','Tu-Sa 10:00-16:00','Mo-Fr 09:00-16:00; Sa 10:00-12:00',
  'Mo,We,Fr 09:30-15:00','Tu,Th 10:00-16:00; Sa 10:00-13:00','Mo-Th 09:00-17:00; Fr 09:00-13:00','Sa,Su 10:00-14:00']) WITH ORDINALITY AS x(h, ordinality);

CREATE TEMP TABLE gen AS
SELECT g, (SELECT tp FROM town_pick tp WHERE tp.cum >= r1 ORDER BY tp.cum LIMIT 1) AS town,
       r2, r3, r4, r5, r6
FROM (SELECT g, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6 FROM generate_series(1, :n) g) s;

INSERT INTO assets (id, kind, slug, name, summary, description, location, public_location, wheelchair_accessible, status,
                    last_verified_at, created_at, updated_at, address_town, address_line, facilities, opening_hours,
                    price_pence, price_unit, accepts_direct_payments, home_based, shows_home_location, services,
                    provider, cost_pence, referral, schedule_first_start, schedule_duration, schedule_rule)
SELECT gen_random_uuid(), k, 'gen-' || g, name, name || ' in ' || 'Town ' || (town).t, 'Generated for profiling. ' || name,
       p, p, r3 < 0.6, 'published',
       CASE WHEN r4 < 0.05 THEN NULL ELSE timestamptz '2024-06-01' + (r4 * interval '900 days') END,
       timestamptz '2024-01-01', timestamptz '2024-01-01', 'Town ' || (town).t, (g % 200) || ' High Street',
       CASE WHEN k = 'hub' THEN ARRAY['Cafe'] END,
       CASE WHEN k = 'hub' THEN (SELECT h FROM hours WHERE i = 1 + g % 7) END,
       CASE WHEN k = 'micro_enterprise' THEN CASE WHEN r5 < 0.2 THEN 0 ELSE 1500 END END,
       CASE WHEN k = 'micro_enterprise' THEN 'per hour' END,
       CASE WHEN k = 'micro_enterprise' THEN r5 < 0.5 END,
       CASE WHEN k = 'micro_enterprise' THEN false END,
       CASE WHEN k = 'micro_enterprise' THEN true END,
       CASE WHEN k = 'micro_enterprise' THEN ARRAY['Help'] END,
       CASE WHEN k = 'activity' THEN 'Provider ' || (g % 997) END,
       CASE WHEN k = 'activity' THEN CASE WHEN r5 < 0.5 THEN 0 ELSE 300 END END,
       CASE WHEN k = 'activity' THEN 'self_referral' END,
       CASE WHEN k = 'activity' THEN timestamp '2025-01-06 10:00' + ((g % 28) * interval '1 day') END,
       CASE WHEN k = 'activity' THEN interval '2 hours' END,
       CASE WHEN k = 'activity' THEN (SELECT r FROM rules WHERE i = 1 + g % 14) END
FROM (SELECT g, town, r3, r4, r5,
             CASE WHEN r2 < 0.3 THEN 'hub' WHEN r2 < 0.7 THEN 'micro_enterprise' ELSE 'activity' END AS k,
             (SELECT w FROM places WHERE i = 1 + (g / 7) % 16) || ' ' || (SELECT w FROM words WHERE i = 1 + g % 25) AS name,
             ST_SetSRID(ST_MakePoint((town).lon + (random() + random() + random() - 1.5) * 0.09 * (1 + 2 * r6 * r6),
                                     (town).lat + (random() + random() + random() - 1.5) * 0.06 * (1 + 2 * r6 * r6)), 4326)::geography AS p
      FROM gen) x;

-- First sessions on their rule's pattern (as real schedules are).
CREATE TEMP TABLE starts(r text, d date);
INSERT INTO starts VALUES ('FREQ=WEEKLY;BYDAY=MO','2025-01-06'),('FREQ=WEEKLY;BYDAY=TU','2025-01-07'),('FREQ=WEEKLY;BYDAY=WE','2025-01-08'),
 ('FREQ=WEEKLY;BYDAY=TH','2025-01-09'),('FREQ=WEEKLY;BYDAY=FR','2025-01-10'),('FREQ=WEEKLY;BYDAY=SA','2025-01-11'),
 ('FREQ=WEEKLY;BYDAY=TU,TH','2025-01-07'),('FREQ=WEEKLY;BYDAY=MO,TH','2025-01-06'),('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE','2025-01-08'),
 ('FREQ=WEEKLY;INTERVAL=2;BYDAY=FR','2025-01-10'),('FREQ=MONTHLY;BYDAY=2WE','2025-01-08'),('FREQ=MONTHLY;BYDAY=1TU','2025-01-07'),
 ('FREQ=MONTHLY;BYDAY=-1FR','2025-01-31'),('FREQ=MONTHLY;BYDAY=3TH','2025-01-16');
UPDATE assets a SET schedule_first_start = s.d + time '10:00' + CASE WHEN a.schedule_rule LIKE 'FREQ=WEEKLY;BYDAY%' THEN (abs(hashtext(a.slug)) % 4) * interval '7 days' ELSE interval '0' END
FROM starts s WHERE a.kind = 'activity' AND a.slug LIKE 'gen-%' AND a.schedule_rule = s.r;

INSERT INTO asset_categories (asset_id, category_id)
SELECT a.id, c.id FROM assets a
JOIN LATERAL (SELECT id FROM categories WHERE parent_id IS NOT NULL ORDER BY md5(a.slug || id::text) LIMIT 1 + (hashtext(a.slug) & 1)) c ON true
WHERE a.slug LIKE 'gen-%';
VACUUM ANALYZE assets;
VACUUM ANALYZE asset_categories;
