-- A campaign's running totals, kept as touches and events are stored (see CampaignTallies), so its
-- figures are read in one query however many touches it made. measure is TOUCH_<status> (item: the
-- channel), EVENT (item: the event kind), REPLY (item: the channel it counts on) or VARIANT_SENT,
-- VARIANT_ACCEPTED, VARIANT_REPLIED (item: template/variant). Filled here from what is stored.
CREATE TABLE campaign_tally (
  campaign_id  BIGINT  NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
  measure      TEXT    NOT NULL,
  item         TEXT    NOT NULL,
  n            BIGINT  NOT NULL,
  PRIMARY KEY (campaign_id, measure, item)
);

INSERT INTO campaign_tally (campaign_id, measure, item, n)
SELECT e.campaign_id, 'TOUCH_' || t.status, t.channel, count(*)
FROM touch t JOIN enrollment e ON e.id = t.enrollment_id
GROUP BY e.campaign_id, t.status, t.channel;

INSERT INTO campaign_tally (campaign_id, measure, item, n)
SELECT e.campaign_id, 'VARIANT_SENT', t.template || '/' || t.variant, count(*)
FROM touch t JOIN enrollment e ON e.id = t.enrollment_id
WHERE t.status = 'DONE' AND t.variant IS NOT NULL AND t.template IS NOT NULL
GROUP BY e.campaign_id, t.template, t.variant;

-- Events count for the campaigns that had carried out a touch to the person before them.
INSERT INTO campaign_tally (campaign_id, measure, item, n)
SELECT e.campaign_id, 'EVENT', v.kind, count(*)
FROM prospect_event v JOIN enrollment e ON e.prospect_id = v.prospect_id
WHERE EXISTS (SELECT 1 FROM touch t WHERE t.enrollment_id = e.id AND t.status = 'DONE'
              AND t.done_at <= v.happened_at
              AND (v.kind <> 'ACCEPTED' OR t.channel = 'CONNECT'))
GROUP BY e.campaign_id, v.kind;

INSERT INTO campaign_tally (campaign_id, measure, item, n)
SELECT e.campaign_id, 'REPLY', v.channel, count(*)
FROM prospect_event v JOIN enrollment e ON e.prospect_id = v.prospect_id
WHERE v.kind = 'REPLIED' AND v.channel IS NOT NULL
  AND EXISTS (SELECT 1 FROM touch t WHERE t.enrollment_id = e.id AND t.status = 'DONE'
              AND t.done_at <= v.happened_at)
GROUP BY e.campaign_id, v.channel;

INSERT INTO campaign_tally (campaign_id, measure, item, n)
SELECT e.campaign_id, 'VARIANT_ACCEPTED', t.template || '/' || t.variant, count(*)
FROM touch t JOIN enrollment e ON e.id = t.enrollment_id
WHERE t.status = 'DONE' AND t.variant IS NOT NULL AND t.template IS NOT NULL
  AND t.channel = 'CONNECT'
  AND EXISTS (SELECT 1 FROM prospect_event v WHERE v.prospect_id = t.prospect_id
              AND v.kind = 'ACCEPTED' AND v.happened_at >= t.done_at)
GROUP BY e.campaign_id, t.template, t.variant;

INSERT INTO campaign_tally (campaign_id, measure, item, n)
SELECT e.campaign_id, 'VARIANT_REPLIED', t.template || '/' || t.variant, count(*)
FROM touch t JOIN enrollment e ON e.id = t.enrollment_id
WHERE t.status = 'DONE' AND t.variant IS NOT NULL AND t.template IS NOT NULL
  AND EXISTS (SELECT 1 FROM prospect_event v WHERE v.prospect_id = t.prospect_id
              AND v.kind = 'REPLIED' AND v.happened_at >= t.done_at)
GROUP BY e.campaign_id, t.template, t.variant;
