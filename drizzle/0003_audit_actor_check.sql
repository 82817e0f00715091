-- The application role may only append entries in the name of the actor it runs for (review finding): no entry
-- can be written on someone else's behalf through a scoped query.
ALTER POLICY audit_log_append ON "audit_log"
  WITH CHECK (actor_user_id IS NOT DISTINCT FROM ketenzicht_actor_user_id());
