// A person's settings until they change one, as the server's defaults (api/models/user.py).
// Pure, so the planner's arithmetic and the node tests read the same numbers as profile().

export const SETTINGS_DEFAULTS = {
  timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC",
  day_start_hour: 4,
  water_target_ml: 2000,
  energy_budget: 12,
  chunk_minutes: 15,
};
