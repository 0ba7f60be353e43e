-- List rows tell analyses apart (status, agent) without reading bodies: capture stores both
-- next to analysis_id. Older rows keep NULL (the row then shows the id only).
ALTER TABLE "deliveries" ADD COLUMN     "analysis_status" VARCHAR(32),
ADD COLUMN     "analysis_agent" VARCHAR(200);
