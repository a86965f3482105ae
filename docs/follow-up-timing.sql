-- Follow-up DMs (step 'thank') against the acceptance they follow: share sent 24–48 h after it.
WITH acc AS (SELECT prospect_id, MAX(happened_at) AS at FROM prospect_event WHERE kind = 'ACCEPTED' GROUP BY prospect_id),
dm AS (SELECT t.prospect_id, COALESCE(t.done_at, t.due_at) AS at FROM touch t WHERE t.step = 'thank' AND t.channel = 'DM' AND t.status IN ('DONE','PLANNED'))
SELECT COUNT(*) AS dms,
       SUM((dm.at - acc.at) BETWEEN 24*3600000 AND 48*3600000) AS within_24_48h,
       ROUND(100.0 * SUM((dm.at - acc.at) BETWEEN 24*3600000 AND 48*3600000) / COUNT(*), 1) AS share,
       SUM((dm.at - acc.at) < 24*3600000) AS early, SUM((dm.at - acc.at) > 48*3600000) AS late
FROM dm JOIN acc ON acc.prospect_id = dm.prospect_id;
