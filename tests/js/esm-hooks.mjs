// Module hooks: every .js file under pwa/ is loaded as an ES module.

// Files under pwa/ ending in .js load with format "module"; everything else as Node would.
export async function load(url, context, nextLoad) {
  if (url.startsWith("file:") && url.includes("/pwa/") && url.endsWith(".js")) {
    return nextLoad(url, { ...context, format: "module" });
  }
  return nextLoad(url, context);
}
