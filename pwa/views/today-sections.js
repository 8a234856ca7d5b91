// Blocks other features add to Today: module URLs, each exporting mount(host) and optional
// unmount(). Each is mounted in its own <section class="card"> below the summary, in this order.
export default ["/views/today-cramp.js", "/views/today-plan.js", "/views/today-intake.js"];
