// Loaded with `node --import ./tests/js/esm.mjs`: the app's pwa/**/*.js files are ES modules,
// but without a package.json saying so, Node 18 (Debian 12's nodejs) reads them as CommonJS.
import { register } from "node:module";

register("./esm-hooks.mjs", import.meta.url);
