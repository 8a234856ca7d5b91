// The app's version, as pyproject.toml says it (tests/js/report.test.mjs holds the two together).
export const APP_NAME = "Unknot";
export const APP_VERSION = "1.0.0";
