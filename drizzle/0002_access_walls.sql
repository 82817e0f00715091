-- Second wall behind the service-layer policies: row-level security for organisation-scoped tables, and an
-- append-only audit log. Queries made on behalf of a signed-in user run as the role ketenzicht_app (created
-- before migrations by the bootstrap step, as roles belong to the whole cluster) with the actor in settings.
CREATE FUNCTION ketenzicht_actor_is_admin() RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT coalesce(current_setting('ketenzicht.actor_is_admin', true), '') = 'true' $$;
--> statement-breakpoint
CREATE FUNCTION ketenzicht_actor_user_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('ketenzicht.actor_user_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE FUNCTION ketenzicht_actor_organisation_ids() RETURNS integer[] LANGUAGE sql STABLE AS
$$ SELECT coalesce(nullif(current_setting('ketenzicht.actor_organisation_ids', true), ''), '{}')::integer[] $$;
--> statement-breakpoint
ALTER TABLE "membership" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY membership_read ON "membership" FOR SELECT USING (
  ketenzicht_actor_is_admin()
  OR user_id = ketenzicht_actor_user_id()
  OR organisation_id = ANY (ketenzicht_actor_organisation_ids())
);
--> statement-breakpoint
CREATE POLICY membership_insert ON "membership" FOR INSERT WITH CHECK (ketenzicht_actor_is_admin());
--> statement-breakpoint
CREATE POLICY membership_update ON "membership" FOR UPDATE USING (ketenzicht_actor_is_admin())
  WITH CHECK (ketenzicht_actor_is_admin());
--> statement-breakpoint
CREATE POLICY membership_delete ON "membership" FOR DELETE USING (ketenzicht_actor_is_admin());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ketenzicht_app;
--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ketenzicht_app;
--> statement-breakpoint
-- Tables of later migrations get the same rights; the audit log has its own, narrower grant below.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ketenzicht_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO ketenzicht_app;
--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_log_read ON "audit_log" FOR SELECT USING (ketenzicht_actor_is_admin());
--> statement-breakpoint
CREATE POLICY audit_log_append ON "audit_log" FOR INSERT WITH CHECK (true);
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON "audit_log" FROM ketenzicht_app;
--> statement-breakpoint
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Het auditlog kan alleen worden aangevuld: % is niet toegestaan.', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
