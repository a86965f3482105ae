-- Each campaign's touches and replies per week join its running totals (campaign_tally), so the
-- weekly charts read a few rows however many touches a campaign made. measure is WEEK_SENT (touches
-- carried out) or WEEK_REPLIED (a person's first reply, once for each campaign that had carried out
-- a touch to them before it); item is the week's number counted from Monday 1970-01-05 00:00 UTC
-- (345600000 ms), a week being 604800000 ms. Filled here from what is stored.
INSERT INTO campaign_tally (campaign_id, measure, item, n)
SELECT e.campaign_id, 'WEEK_SENT', CAST((t.done_at - 345600000) / 604800000 AS TEXT), count(*)
FROM touch t JOIN enrollment e ON e.id = t.enrollment_id
WHERE t.status = 'DONE'
GROUP BY e.campaign_id, CAST((t.done_at - 345600000) / 604800000 AS TEXT);

-- Each enrollment's first touch carried out is joined, not looked up per reply, so filling this
-- costs one pass over the touches on any database.
INSERT INTO campaign_tally (campaign_id, measure, item, n)
SELECT e.campaign_id, 'WEEK_REPLIED', CAST((r.first_at - 345600000) / 604800000 AS TEXT), count(*)
FROM (SELECT prospect_id, min(happened_at) AS first_at FROM prospect_event
      WHERE kind = 'REPLIED' GROUP BY prospect_id) r
JOIN enrollment e ON e.prospect_id = r.prospect_id
JOIN (SELECT enrollment_id, min(done_at) AS first_done FROM touch
      WHERE status = 'DONE' GROUP BY enrollment_id) f ON f.enrollment_id = e.id
WHERE f.first_done <= r.first_at
GROUP BY e.campaign_id, CAST((r.first_at - 345600000) / 604800000 AS TEXT);

-- A campaign's latest decisions are found newest first, not by sorting all of them.
CREATE INDEX decision_latest ON decision (decided_at, id);
